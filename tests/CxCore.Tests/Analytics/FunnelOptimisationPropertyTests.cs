using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Tests.Analytics;

/// <summary>
/// The optimised <see cref="FunnelAnalysis"/> gives exactly the result of <see cref="FunnelReference"/> (the
/// implementation before the optimisation): every mode, kind / stage-entry / channel / predicate steps, exclusions
/// (stage entries too), breakdowns, filters, ranges that cut journeys, timestamp ties, and kinds that are equal
/// strings but not the same instance.
/// </summary>
public sealed class FunnelOptimisationPropertyTests
{
    private static readonly string[] Kinds = ["a", "b", "c", "x"];
    private static readonly JourneyStage[] Stages = [JourneyStage.Purchase, new("Support")];

    private static readonly FunnelStep[] StepPool =
    [
        FunnelStep.Kind("a"), FunnelStep.Kind("b"), FunnelStep.Kind("c"), FunnelStep.Kind("x"),
        FunnelStep.StageEntry(JourneyStage.Purchase), FunnelStep.StageEntry(new JourneyStage("Support")),
        FunnelStep.Channel(Channel.Phone), FunnelStep.Where("b-or-c", i => i.Kind is "b" or "c"),
    ];

    private static readonly Breakdown?[] Breakdowns = [null, Breakdown.ByKind, Breakdown.ByChannel];

    private static readonly AnalyticsFilter?[] Filters =
    [
        null,
        new AnalyticsFilter { Interactions = i => i.Channel != Channel.Email },
        new AnalyticsFilter { Customers = j => j.Interactions.Count % 3 != 0 },
    ];

    private static readonly TimeRange[] Ranges =
    [
        new(JourneyBuilder.T0.AddDays(-1), JourneyBuilder.T0.AddDays(1)),
        new(JourneyBuilder.At(30), JourneyBuilder.At(200)),
    ];

    /// <summary>Per event: minute (coarse, so ties happen), kind, channel, whether a stage entry follows and which, whether the kind string is a fresh copy.</summary>
    private static readonly Gen<Journey[]> Snapshot =
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 2], Gen.Int[0, 4], Gen.Bool)
            .Array[0, 14].Array[1, 8].Select(ToJourneys);

    private static Journey[] ToJourneys((int Slot, int Kind, int Channel, int Stage, bool Copy)[][] customers) =>
        [.. customers.Select((events, c) =>
        {
            var builder = new JourneyBuilder($"c{c}");
            var lastEntry = int.MinValue;
            foreach (var e in events.OrderBy(e => e.Slot))
            {
                var kind = e.Copy ? new string(Kinds[e.Kind].AsSpan()) : Kinds[e.Kind];
                builder.Do(e.Slot * 4, kind, e.Channel switch { 0 => Channel.Web, 1 => Channel.Phone, _ => Channel.Email });
                if (e.Stage < Stages.Length)
                {
                    // The stage entry at the same minute as its interaction (a tie the timeline orders), or a bit later.
                    lastEntry = Math.Max(lastEntry, (e.Slot * 4) + (e.Copy ? 0 : 1));
                    builder.Enter(lastEntry, Stages[e.Stage], byLastInteraction: e.Copy || e.Channel == 0);
                }
            }

            return builder.Build();
        })];

    private static readonly Gen<FunnelDefinition> Funnels =
        Gen.Select(Gen.Int[0, StepPool.Length - 1].Array[1, 4], Gen.Int[0, 2], Gen.Int[1, 240], Gen.Select(Gen.Int[0, StepPool.Length - 1], Gen.Int[0, 2]).Array[0, 2], Gen.Int[0, Breakdowns.Length - 1])
            .Select((steps, mode, window, exclusions, breakdown) =>
            {
                var funnelMode = (FunnelMode)mode;
                var allowed = funnelMode == FunnelMode.Unordered ? [] : exclusions.Where(e => e.Item2 < steps.Length - 1).ToArray();
                return new FunnelDefinition([.. steps.Select(s => StepPool[s])], TimeSpan.FromMinutes(window), funnelMode)
                {
                    Exclusions = [.. allowed.Select(e => new FunnelExclusion(StepPool[e.Item1], e.Item2))],
                    Breakdown = Breakdowns[breakdown],
                };
            });

    [Fact]
    public void Optimised_funnel_equals_the_reference_implementation()
    {
        Gen.Select(Snapshot, Funnels, Gen.Int[0, Filters.Length - 1], Gen.Int[0, Ranges.Length - 1]).Sample((journeys, funnel, f, r) =>
        {
            var expected = FunnelReference.Analyze(journeys, funnel, Ranges[r], Filters[f]);
            var actual = FunnelAnalysis.Analyze(journeys, funnel, Ranges[r], Filters[f]);
            AssertSame(expected, actual);
        }, iter: 3_000);
    }

    [Fact]
    public void More_kinds_than_the_kind_cache_holds_still_match()
    {
        // 100 distinct kind strings: the evaluator's reference cache fills up and the rest are compared directly.
        var builder = new JourneyBuilder("c1");
        for (var i = 0; i < 100; i++)
        {
            builder.Do(i, i % 10 == 9 ? new string("b".AsSpan()) : i % 10 == 0 ? new string("a".AsSpan()) : "k" + i);
        }

        Journey[] journeys = [builder.Build()];
        var funnel = new FunnelDefinition([FunnelStep.Kind("a"), FunnelStep.Kind("b")], TimeSpan.FromMinutes(5));
        var range = new TimeRange(JourneyBuilder.T0, JourneyBuilder.T0.AddDays(1));
        AssertSame(FunnelReference.Analyze(journeys, funnel, range), FunnelAnalysis.Analyze(journeys, funnel, range));
        Assert.Equal([1, 0], FunnelAnalysis.Analyze(journeys, funnel, range).Total.Steps.Select(s => s.Converted));
    }

    private static void AssertSame(FunnelResult expected, FunnelResult actual)
    {
        Assert.Equal(expected.ExcludedCustomers, actual.ExcludedCustomers);
        Assert.Equal(expected.Total.Key, actual.Total.Key);
        Assert.Equal(expected.Total.Steps, actual.Total.Steps);
        Assert.Equal(expected.Groups.Select(g => g.Key), actual.Groups.Select(g => g.Key));
        foreach (var (e, a) in expected.Groups.Zip(actual.Groups))
        {
            Assert.Equal(e.Steps, a.Steps);
        }
    }
}
