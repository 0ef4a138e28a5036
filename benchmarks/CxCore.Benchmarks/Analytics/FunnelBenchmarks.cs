using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CxCore.Analytics;
using CxCore.Benchmarks.Engine;
using CxCore.Benchmarks.Journeys;
using CxCore.Domain;
using CxCore.Storage;

namespace CxCore.Benchmarks.Analytics;

/// <summary>
/// A 4-step ordered funnel (page_view → add_to_cart → checkout → purchase) with a 7-day window over 10 M synthetic
/// interactions of 1 M customers: CxCore's <see cref="FunnelAnalysis.Analyze"/> over an engine snapshot against DuckDB
/// running the same funnel in SQL two ways (FunnelQuery.sql: ASOF joins; FunnelQueryWindows.sql: window functions) over
/// the same interactions in an in-memory table. Both exclude loading. The setup checks
/// that both give the same number of customers at every step before anything is measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FunnelBenchmarkConfig))]
public class FunnelBenchmarks
{
    public const int Customers = 1_000_000;
    public const int Interactions = 10_000_000;
    public const int Seed = 20240101;

    private static readonly TimeSpan Window = TimeSpan.FromDays(7);
    private static readonly TimeRange Range = new(FunnelInteractions.Start, FunnelInteractions.Start + FunnelInteractions.Span);

    // Built once per process: the in-process job runs both benchmarks in this process.
    private static (List<Journey> Snapshot, DuckDbFunnel DuckDb)? s_data;

    private readonly FunnelDefinition _funnel = new([.. FunnelInteractions.FunnelKinds.Select(FunnelStep.Kind)], Window, FunnelMode.Ordered);
    private List<Journey> _snapshot = [];
    private DuckDbFunnel _duckDb = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_snapshot, _duckDb) = s_data ??= Build();
        var cxcore = CxCore().Total.Steps.Select(s => (long)s.Converted).ToArray();
        Console.WriteLine($"// Funnel: CxCore {string.Join(" / ", cxcore)} customers per step");
        foreach (var (name, duckDb) in new[] { ("ASOF joins", DuckDbAsofJoins()), ("window functions", DuckDbWindowFunctions()) })
        {
            DefaultJourneyWorkload.Check(cxcore.SequenceEqual(duckDb), $"CxCore ({string.Join(", ", cxcore)}) and DuckDB with {name} ({string.Join(", ", duckDb)}) disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "DuckDB: FunnelQuery.sql (ASOF joins)")]
    public long[] DuckDbAsofJoins() => _duckDb.Run(DuckDbFunnel.AsofJoinSql, FunnelInteractions.FunnelKinds, Range.From, Range.To, Window);

    [Benchmark(Description = "DuckDB: FunnelQueryWindows.sql (window functions)")]
    public long[] DuckDbWindowFunctions() => _duckDb.Run(DuckDbFunnel.WindowFunctionSql, FunnelInteractions.FunnelKinds, Range.From, Range.To, Window);

    [Benchmark(Description = "CxCore: FunnelAnalysis.Analyze on the snapshot")]
    public FunnelResult CxCore() => FunnelAnalysis.Analyze(_snapshot, _funnel, Range);

    private static (List<Journey>, DuckDbFunnel) Build()
    {
        var watch = Stopwatch.StartNew();
        var data = FunnelInteractions.Generate(Customers, Interactions, Seed, TimeSpan.FromSeconds(1));
        Console.WriteLine($"// Generated {data.Count:N0} interactions of {data.CustomerCount:N0} customers in {watch.Elapsed.TotalSeconds:F1} s");

        // Both sides receive the interactions in time order across customers, as a live system would (so a customer's
        // interactions are spread over the engine's heap, not side by side).
        var order = data.ArrivalOrder();
        watch.Restart();
        var duckDb = DuckDbFunnel.Load(data, order);
        Console.WriteLine($"// Loaded into DuckDB (Appender) in {watch.Elapsed.TotalSeconds:F1} s");

        // Honestly through the engine: record every interaction, then take the store snapshot the docs show.
        watch.Restart();
        var engine = EngineFactory.Create(new InMemoryJourneyStore());
        var customers = data.CustomerIds();
        foreach (var i in order)
        {
            var pending = engine.RecordAsync(data.CreateInteraction(i, customers));
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        Console.WriteLine($"// Recorded into a CxEngine in {watch.Elapsed.TotalSeconds:F1} s");
        watch.Restart();
        var snapshot = engine.GetJourneysAsync(Range.To).ToListAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"// Snapshot of {snapshot.Count:N0} journeys in {watch.Elapsed.TotalSeconds:F1} s");
        DefaultJourneyWorkload.Check(snapshot.Sum(j => j.Interactions.Count) == Interactions, "The snapshot does not hold every interaction.");

        // The engine goes; the snapshot (journeys sharing the interactions) stays.
        GC.Collect();
        return (snapshot, duckDb);
    }
}
