using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Tests.Analytics;

public sealed class FunnelPropertyTests
{
    private static readonly string[] Kinds = ["a", "b", "c", "x"];
    private static readonly TimeRange Range = new(JourneyBuilder.T0, JourneyBuilder.T0.AddDays(1));

    /// <summary>A snapshot of 1–8 customers, each with up to 12 events of kinds a, b, c, x within 4 hours.</summary>
    private static readonly Gen<Journey[]> Snapshot =
        Gen.Select(Gen.Int[0, 240], Gen.Int[0, Kinds.Length - 1]).Array[0, 12].Array[1, 8].Select(ToJourneys);

    private static Journey[] ToJourneys((int Minute, int Kind)[][] customers) =>
        [.. customers.Select((events, i) => events.OrderBy(e => e.Minute).Aggregate(new JourneyBuilder($"c{i}"), (b, e) => b.Do(e.Minute, Kinds[e.Kind])).Build())];

    private static FunnelResult Run(Journey[] journeys, FunnelMode mode, int windowMinutes, bool exclude = false) =>
        FunnelAnalysis.Analyze(journeys, new FunnelDefinition([FunnelStep.Kind("a"), FunnelStep.Kind("b"), FunnelStep.Kind("c")], TimeSpan.FromMinutes(windowMinutes), mode)
        {
            Exclusions = exclude ? [new FunnelExclusion(FunnelStep.Kind("x"), 0)] : [],
            Breakdown = Breakdown.ByKind,
        }, Range);

    [Fact]
    public void Counts_are_consistent_monotone_and_rates_are_proportions_with_intervals_around_them()
    {
        Gen.Select(Snapshot, Gen.Int[0, 2], Gen.Int[1, 300], Gen.Bool).Sample((journeys, m, window, exclude) =>
        {
            var mode = (FunnelMode)m;
            var result = Run(journeys, mode, window, exclude && mode != FunnelMode.Unordered);
            foreach (var group in result.Groups.Append(result.Total))
            {
                for (var k = 0; k < group.Steps.Count; k++)
                {
                    var s = group.Steps[k];
                    Assert.InRange(s.Converted, 0, s.Entered);
                    Assert.InRange(s.Conversion.Estimate, 0, 1);
                    Assert.InRange(s.Conversion.Estimate, s.Conversion.Lower, s.Conversion.Upper);
                    Assert.InRange(s.OverallConversion.Estimate, s.OverallConversion.Lower, s.OverallConversion.Upper);
                    Assert.True(s.MedianTimeToConvert <= s.P90TimeToConvert || s.MedianTimeToConvert is null);
                    if (k > 0)
                    {
                        Assert.Equal(group.Steps[k - 1].Converted, s.Entered);
                        Assert.True(s.Converted <= group.Steps[k - 1].Converted);
                    }
                }
            }

            Assert.Equal(result.Total.Customers, result.Groups.Sum(g => g.Customers));
            Assert.True(result.Total.Customers + result.ExcludedCustomers <= journeys.Length);
        });
    }

    [Fact]
    public void Unordered_converts_at_least_as_many_as_ordered_and_ordered_at_least_as_many_as_strict()
    {
        Gen.Select(Snapshot, Gen.Int[1, 300]).Sample((journeys, window) =>
        {
            var strict = Run(journeys, FunnelMode.Strict, window).Total.Steps;
            var ordered = Run(journeys, FunnelMode.Ordered, window).Total.Steps;
            var unordered = Run(journeys, FunnelMode.Unordered, window).Total.Steps;
            for (var k = 0; k < ordered.Count; k++)
            {
                Assert.True(strict[k].Converted <= ordered[k].Converted, $"step {k}: strict {strict[k].Converted} > ordered {ordered[k].Converted}");
                Assert.True(ordered[k].Converted <= unordered[k].Converted, $"step {k}: ordered {ordered[k].Converted} > unordered {unordered[k].Converted}");
            }
        });
    }

    [Fact]
    public void Widening_the_window_never_loses_a_conversion()
    {
        Gen.Select(Snapshot, Gen.Int[1, 150], Gen.Int[0, 2]).Sample((journeys, window, m) =>
        {
            var narrow = Run(journeys, (FunnelMode)m, window).Total.Steps;
            var wide = Run(journeys, (FunnelMode)m, window * 2).Total.Steps;
            Assert.All(narrow.Zip(wide), p => Assert.True(p.First.Converted <= p.Second.Converted));
        });
    }
}
