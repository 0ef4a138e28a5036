using CxCore.Analytics;
using CxCore.Benchmarks.Analytics;
using CxCore.Domain;
using CxCore.Tests.Engine;

namespace CxCore.Tests.Analytics;

/// <summary>
/// The funnel benchmark compares like with like: the DuckDB queries it measures (FunnelQuery.sql with ASOF joins and
/// FunnelQueryWindows.sql with window functions, the same files, embedded) and <see cref="FunnelAnalysis"/> over an engine snapshot give the same number of customers at every step, on the
/// benchmark's generator (FunnelInteractions.cs, the same file, linked) at a smaller scale, with several seeds, with and
/// without timestamp ties, with attempts running out of the window, and with a range that cuts journeys.
/// </summary>
public sealed class FunnelDuckDbEquivalenceTests
{
    private const int Customers = 2_000;
    private const int Interactions = 20_000;

    public static TheoryData<int, int, int, int, double> Cases() => new()
    {
        // seed, resolution in seconds (3600: many ties), range from / to in days after the start, window in days
        { 1, 1, 0, 150, 7 },
        { 2, 1, 10, 60, 7 },
        { 3, 3600, 0, 150, 7 },
        { 4, 3600, 5, 45, 7 },
        { 5, 3600, 0, 150, 1 },
        { 6, 86_400, 0, 150, 2 },
        { 7, 1, 0, 150, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DuckDB_query_and_FunnelAnalysis_count_the_same_customers_at_every_step(int seed, int resolutionSeconds, int fromDay, int toDay, double windowDays)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var data = FunnelInteractions.Generate(Customers, Interactions, seed, TimeSpan.FromSeconds(resolutionSeconds));
        var range = new TimeRange(FunnelInteractions.Start.AddDays(fromDay), FunnelInteractions.Start.AddDays(toDay));
        var window = TimeSpan.FromDays(windowDays);

        // Through the engine, in a shuffled arrival order: the journey's order (time, ties by id) is the engine's to make.
        var engine = EngineTestKit.Create(now: FunnelInteractions.Start + FunnelInteractions.Span);
        var customers = data.CustomerIds();
        var order = Enumerable.Range(0, data.Count).ToArray();
        new Random(seed).Shuffle(order);
        foreach (var i in order)
        {
            await engine.RecordAsync(data.CreateInteraction(i, customers), cancellation);
        }

        var snapshot = await engine.GetJourneysAsync(cancellationToken: cancellation).ToListAsync(cancellation);
        var funnel = new FunnelDefinition([.. FunnelInteractions.FunnelKinds.Select(FunnelStep.Kind)], window, FunnelMode.Ordered);
        var cxcore = FunnelAnalysis.Analyze(snapshot, funnel, range).Total.Steps.Select(s => (long)s.Converted).ToArray();

        using var duckDb = DuckDbFunnel.Load(data, data.ArrivalOrder());
        Assert.Equal(cxcore, duckDb.Run(DuckDbFunnel.AsofJoinSql, FunnelInteractions.FunnelKinds, range.From, range.To, window));
        Assert.Equal(cxcore, duckDb.Run(DuckDbFunnel.WindowFunctionSql, FunnelInteractions.FunnelKinds, range.From, range.To, window));
        Assert.True(cxcore[3] > 0 && cxcore[0] > cxcore[3], $"A funnel worth comparing: {string.Join(" / ", cxcore)}.");
    }

    [Fact]
    public void The_data_has_ties_when_asked_and_none_otherwise()
    {
        static int Ties(FunnelInteractions data) =>
            Enumerable.Range(1, data.Count - 1).Count(i => data.Customer[i] == data.Customer[i - 1] && data.Ticks[i] == data.Ticks[i - 1]);

        Assert.Equal(0, Ties(FunnelInteractions.Generate(Customers, Interactions, 1, TimeSpan.FromSeconds(1))));
        Assert.True(Ties(FunnelInteractions.Generate(Customers, Interactions, 3, TimeSpan.FromHours(1))) > 1_000);
    }
}
