using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Tests.Analytics;

public sealed class StageAnalysisTests
{
    private static readonly JourneyStage A = JourneyStage.Awareness;
    private static readonly JourneyStage C = JourneyStage.Consideration;
    private static readonly JourneyStage P = JourneyStage.Purchase;
    private static readonly JourneyStage S = JourneyStage.Support;
    private static readonly JourneyStage U = JourneyStage.Use;
    private static readonly JourneyStage D = JourneyStage.Dormant;

    private static DateTimeOffset At(double minutes) => JourneyBuilder.At(minutes);

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    /// <summary>A journey with only stage visits: entries at the given minutes; later entries are by trigger unless marked inactivity.</summary>
    internal static Journey J(string customer, params (double Minutes, JourneyStage Stage, bool Inactivity)[] entries)
    {
        var visits = new List<StageVisit>();
        for (var i = 0; i < entries.Length; i++)
        {
            var (minutes, stage, inactivity) = entries[i];
            DateTimeOffset? exit = i + 1 < entries.Length ? At(entries[i + 1].Minutes) : null;
            visits.Add(i == 0 ? new StageVisit(stage, At(minutes), exit, StageEntryReason.Initial)
                : inactivity ? new StageVisit(stage, At(minutes), exit, StageEntryReason.Inactivity)
                : new StageVisit(stage, At(minutes), exit, StageEntryReason.Trigger, new JourneyTrigger("t" + i)));
        }

        return new Journey(new CustomerId(customer), [], visits);
    }

    private static Journey J(string customer, params (double Minutes, JourneyStage Stage)[] entries) =>
        J(customer, [.. entries.Select(e => (e.Minutes, e.Stage, false))]);

    [Fact]
    public void Distribution_counts_the_visit_current_at_the_instant_and_a_visit_exiting_exactly_then_is_not_current()
    {
        Journey[] journeys =
        [
            J("a", (0, A), (10, C), (20, P)), // Consideration exits at 20: at 20 the customer is in Purchase
            J("b", (0, A), (15, C)),
            J("c", (30, A)),                   // not started at 20
        ];

        var d = StageAnalysis.Distribution(journeys, At(20));

        Assert.Equal(2, d.Customers);
        Assert.Equal(At(20), d.AsOf);
        Assert.Equal([(C, 1), (P, 1), (A, 0)], d.Stages.Select(s => (s.Stage, s.Customers)));
        Assert.Equal(0.5, d.Stages[0].Share.Estimate);
        Assert.Equal(2, d.Stages[0].Share.Trials);
        Assert.Equal(0, d.Stages[2].Share.Estimate);

        var before = StageAnalysis.Distribution(journeys, At(20).AddTicks(-1));
        Assert.Equal([(C, 2), (A, 0), (P, 0)], before.Stages.Select(s => (s.Stage, s.Customers)));
    }

    [Fact]
    public void Distribution_applies_the_customer_filter_and_is_empty_without_journeys()
    {
        Journey[] journeys = [J("a", (0, A), (10, C)), J("b", (0, A))];

        var d = StageAnalysis.Distribution(journeys, At(100), new AnalyticsFilter { Customers = j => j.CustomerId.Value == "b" });
        Assert.Equal(1, d.Customers);
        Assert.Equal([(A, 1)], d.Stages.Select(s => (s.Stage, s.Customers)));

        var empty = StageAnalysis.Distribution([], At(0));
        Assert.Equal(0, empty.Customers);
        Assert.Empty(empty.Stages);
    }

    [Fact]
    public void TimeInStage_uses_completed_visits_that_ended_in_the_half_open_range_with_type_7_quantiles()
    {
        Journey[] journeys =
        [
            J("a", (0, A), (10, C), (20, P)), // A 10 (ends 10, in), C 10 (ends 20, in), P open (excluded)
            J("b", (0, A), (15, C)),          // A 15 (ends 15, in), C open
            J("e", (0, A), (20, U)),          // A 20 (ends 20, in)
            J("d", (0, A), (30, U)),          // A 30 ends at 30 = To: out
            J("f", (0, S), (9, U)),           // ends at 9, before From: out
        ];

        var result = StageAnalysis.TimeInStage(journeys, new TimeRange(At(10), At(30)));

        Assert.Equal(2, result.Stages.Count);
        var a = result.Stages[0];
        Assert.Equal((A, 3), (a.Stage, a.Visits));
        Assert.Equal(Min(15), a.Median); // 10, 15, 20
        Assert.Equal(Min(19), a.P90);    // h = 1.8 → 15 + 0.8 · 5
        Assert.Equal(new StageTime(C, 1, Min(10), Min(10)), result.Stages[1]);
    }

    [Fact]
    public void TimeInStage_matches_the_funnel_worked_example()
    {
        Journey[] journeys = [J("a", (0, S), (10, U)), J("b", (0, S), (20, U)), J("c", (0, S), (30, U))];

        var s = Assert.Single(StageAnalysis.TimeInStage(journeys, new TimeRange(At(0), At(60))).Stages);
        Assert.Equal(new StageTime(S, 3, Min(20), Min(28)), s);
    }

    [Fact]
    public void Transitions_count_entries_in_the_half_open_range_from_the_previous_stage_split_by_reason()
    {
        Journey[] journeys =
        [
            J("a", (0, A), (10, C), (20, P)),                          // A→C at 10 (From: in), C→P at 20
            J("b", (0, A), (15, C)),                                    // A→C
            J("d", (0, A), (30, U)),                                    // at To: out
            J("f", (0, U, false), (25, D, true), (30, U, false)),      // U→D by inactivity; D→U at 30 out
            J("h", (12, A), (40, C)),                                   // the first visit is not an entry; A→C at 40 out
        ];

        var m = StageAnalysis.Transitions(journeys, new TimeRange(At(10), At(30)));

        Assert.Equal(4, m.Entries);
        Assert.Equal([(A, 2), (C, 1), (U, 1)], m.Rows.Select(r => (r.From, r.Total)));
        Assert.Equal(new StageTransition(A, C, 2, 2, 0), Assert.Single(m.Rows[0].To));
        Assert.Equal(new StageTransition(C, P, 1, 1, 0), Assert.Single(m.Rows[1].To));
        Assert.Equal(new StageTransition(U, D, 1, 0, 1), m.Cell(U, D));
        Assert.Equal(0, m.Cell(U, D)!.Other);
        Assert.Null(m.Cell(D, U));
    }

    [Fact]
    public void Stuck_uses_the_p90_of_completed_visits_and_a_configured_limit_wins()
    {
        Journey[] journeys =
        [
            J("s1", (0, S), (10, U)),
            J("s2", (0, S), (20, U)),
            J("s3", (0, S), (30, U)),   // Support completed: 10, 20, 30 → p90 28
            J("x", (0, A), (50, S)),    // 50 in Support > 28: stuck
            J("y", (0, A), (80, S)),    // 20: not stuck
            J("y2", (0, A), (72, S)),   // exactly 28: not stuck (strictly longer)
            J("z", (0, P), (100, U)),   // Purchase exits at 100 = asOf: current is Use (0 min), Purchase completed 100
            J("w", (0, A), (60, P)),    // 40 in Purchase: under the p90 (100), over the limit (5)
            J("later", (0, S), (200, U)), // open at 100 for 100 min, Support: stuck; the exit after asOf does not count as completed
        ];

        var byP90 = StageAnalysis.Stuck(journeys, At(100));
        Assert.Equal(
            [
                new StuckCustomer(new CustomerId("later"), S, At(0), Min(100), Min(28), StuckRule.P90OfCompletedVisits),
                new StuckCustomer(new CustomerId("x"), S, At(50), Min(50), Min(28), StuckRule.P90OfCompletedVisits),
            ],
            byP90);

        var withLimit = StageAnalysis.Stuck(journeys, At(100), new Dictionary<JourneyStage, TimeSpan> { [P] = Min(5) });
        Assert.Equal(["later", "x", "w"], withLimit.Select(s => s.CustomerId.Value));
        Assert.Equal(new StuckCustomer(new CustomerId("w"), P, At(60), Min(40), Min(5), StuckRule.ConfiguredLimit), withLimit[2]);
    }

    [Fact]
    public void Stuck_ignores_stages_without_a_threshold_and_rejects_bad_limits()
    {
        Journey[] journeys = [J("a", (0, A))];
        Assert.Empty(StageAnalysis.Stuck(journeys, At(1_000)));
        Assert.Single(StageAnalysis.Stuck(journeys, At(1_000), new Dictionary<JourneyStage, TimeSpan> { [A] = TimeSpan.Zero }));

        Assert.Throws<ArgumentException>(() => StageAnalysis.Stuck(journeys, At(0), new Dictionary<JourneyStage, TimeSpan> { [A] = Min(-1) }));
        Assert.Throws<ArgumentException>(() => StageAnalysis.Stuck(journeys, At(0), new Dictionary<JourneyStage, TimeSpan> { [default] = Min(1) }));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => StageAnalysis.Distribution(null!, At(0)));
        Assert.Throws<ArgumentNullException>(() => StageAnalysis.TimeInStage(null!, new TimeRange(At(0), At(1))));
        Assert.Throws<ArgumentNullException>(() => StageAnalysis.Transitions([null!], new TimeRange(At(0), At(1))));
        Assert.Throws<ArgumentNullException>(() => StageAnalysis.Stuck([J("a", (0, A)), null!], At(0)));
    }
}
