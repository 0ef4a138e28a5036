using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.JourneyBuilder;

namespace CxCore.Tests.Analytics;

public sealed class FunnelAnalysisTests
{
    private static readonly TimeRange Day = new(T0, T0.AddDays(1));
    private static readonly FunnelStep[] Abc = [FunnelStep.Kind("a"), FunnelStep.Kind("b"), FunnelStep.Kind("c")];

    private static FunnelDefinition Funnel(FunnelMode mode = FunnelMode.Ordered, double windowMinutes = 60, params FunnelStep[] steps) =>
        new(steps.Length == 0 ? Abc : steps, TimeSpan.FromMinutes(windowMinutes), mode);

    private static int[] Converted(FunnelResult r) => [.. r.Total.Steps.Select(s => s.Converted)];

    private static Journey Seq(string id, params (double Minutes, string Kind)[] events) =>
        events.Aggregate(new JourneyBuilder(id), (b, e) => b.Do(e.Minutes, e.Kind)).Build();

    [Fact]
    public void Ordered_allows_other_events_between_steps_strict_does_not()
    {
        Journey[] journeys = [Seq("c1", (0, "a"), (1, "x"), (2, "b"), (3, "c"))];
        Assert.Equal([1, 1, 1], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Ordered), Day)));
        Assert.Equal([1, 0, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Strict), Day)));
        Assert.Equal([1, 1, 1], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Unordered), Day)));
    }

    [Fact]
    public void Strict_breaks_on_a_repeated_step_as_ClickHouse_strict_order_does()
    {
        Journey[] journeys = [Seq("c1", (0, "a"), (1, "b"), (2, "b"), (3, "c"))];
        Assert.Equal([1, 1, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Strict), Day)));
        Assert.Equal([1, 1, 1], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Ordered), Day)));
    }

    [Fact]
    public void Unordered_counts_steps_done_in_any_order_ordered_does_not()
    {
        Journey[] journeys = [Seq("c1", (0, "c"), (1, "b"), (2, "a"))];
        Assert.Equal([1, 0, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Ordered), Day)));
        Assert.Equal([1, 1, 1], Converted(FunnelAnalysis.Analyze(journeys, Funnel(FunnelMode.Unordered), Day)));
    }

    [Fact]
    public void Window_end_is_inclusive_one_tick_later_is_out()
    {
        var funnel = Funnel(windowMinutes: 60, steps: [FunnelStep.Kind("a"), FunnelStep.Kind("b")]);
        Assert.Equal([1, 1], Converted(FunnelAnalysis.Analyze([Seq("c1", (0, "a"), (60, "b"))], funnel, Day)));
        Assert.Equal([1, 0], Converted(FunnelAnalysis.Analyze([Seq("c1", (0, "a"), (60.001, "b"))], funnel, Day)));
    }

    [Fact]
    public void Window_is_measured_from_the_first_step_not_the_previous_one()
    {
        var journeys = new[] { Seq("c1", (0, "a"), (40, "b"), (80, "c")) };
        Assert.Equal([1, 1, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(windowMinutes: 60), Day)));
    }

    [Fact]
    public void Range_is_half_open_from_inclusive_to_exclusive()
    {
        var journeys = new[] { Seq("c1", (0, "a"), (10, "b"), (20, "c")) };
        var range = new TimeRange(At(0), At(20));
        Assert.Equal([1, 1, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(), range)));
        Assert.Equal([0, 0, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(), new TimeRange(At(0.5), At(30)))));
    }

    [Fact]
    public void The_attempt_that_gets_furthest_counts_and_its_times()
    {
        // First a at 0 cannot reach b at 15 in a 10-minute window; the a at 10 can, in 5 minutes.
        var journeys = new[] { Seq("c1", (0, "a"), (10, "a"), (15, "b")) };
        var result = FunnelAnalysis.Analyze(journeys, Funnel(windowMinutes: 10, steps: [FunnelStep.Kind("a"), FunnelStep.Kind("b")]), Day);
        Assert.Equal([1, 1], Converted(result));
        Assert.Equal(TimeSpan.FromMinutes(5), result.Total.Steps[1].MedianTimeToConvert);
    }

    [Fact]
    public void Entered_converted_dropped_and_rates_per_step()
    {
        Journey[] journeys =
        [
            Seq("c1", (0, "a"), (10, "b"), (20, "c")),
            Seq("c2", (0, "a"), (20, "b")),
            Seq("c3", (0, "a"), (30, "b")),
            Seq("c4", (0, "a")),
            Seq("c5", (0, "b"), (1, "c")),
        ];
        var steps = FunnelAnalysis.Analyze(journeys, Funnel(), Day).Total.Steps;

        Assert.Equal([4, 4, 3], steps.Select(s => s.Entered));
        Assert.Equal([4, 3, 1], steps.Select(s => s.Converted));
        Assert.Equal([0, 1, 2], steps.Select(s => s.Dropped));
        Assert.Equal(0.75, steps[1].Conversion.Estimate);
        Assert.Equal(0.25, steps[2].OverallConversion.Estimate);
        Assert.Null(steps[0].MedianTimeToConvert);
        Assert.Equal(TimeSpan.FromMinutes(20), steps[1].MedianTimeToConvert);          // 10, 20, 30
        Assert.Equal(TimeSpan.FromMinutes(28), steps[1].P90TimeToConvert);             // 20 + 0.8 × 10 (type 7)
        Assert.Equal(TimeSpan.FromMinutes(10), steps[2].MedianTimeToConvert);
    }

    [Fact]
    public void An_exclusion_between_the_steps_removes_the_attempt_and_the_customer_when_no_clean_attempt_is_left()
    {
        var funnel = new FunnelDefinition(Abc, TimeSpan.FromMinutes(60)) { Exclusions = [new FunnelExclusion(FunnelStep.Kind("x"), afterStep: 0)] };
        Journey[] journeys =
        [
            Seq("excluded", (0, "a"), (1, "x"), (2, "b"), (3, "c")),
            Seq("after-b-is-fine", (0, "a"), (2, "b"), (2.5, "x"), (3, "c")),
            Seq("clean-retry", (0, "a"), (1, "x"), (5, "a"), (6, "b")),
            Seq("dropped-then-x", (0, "a"), (10, "x")),
        ];
        var result = FunnelAnalysis.Analyze(journeys, funnel, Day);

        Assert.Equal(2, result.ExcludedCustomers);       // "excluded" and "dropped-then-x" (x within the window, b never came)
        Assert.Equal([2, 2, 1], Converted(result));
    }

    [Fact]
    public void Stage_entries_are_steps_and_do_not_break_strict_order()
    {
        var journey = new JourneyBuilder("c1").Do(0, "a").Do(5, "checkout").Enter(5, JourneyStage.Purchase, byLastInteraction: true).Do(6, "c").Build();
        var funnel = Funnel(FunnelMode.Strict, steps: [FunnelStep.Kind("a"), FunnelStep.Kind("checkout"), FunnelStep.StageEntry(JourneyStage.Purchase), FunnelStep.Kind("c")]);
        Assert.Equal([1, 1, 1, 1], Converted(FunnelAnalysis.Analyze([journey], funnel, Day)));
    }

    [Fact]
    public void Breakdown_groups_customers_by_their_first_step_interaction()
    {
        Journey[] journeys =
        [
            new JourneyBuilder("c1").Do(0, "a", Channel.Web).Do(1, "b", Channel.Phone).Build(),
            new JourneyBuilder("c2").Do(0, "a", Channel.Web).Build(),
            new JourneyBuilder("c3").Do(0, "a", Channel.Phone, default, ("region", "north")).Do(1, "b").Build(),
        ];
        var funnel = new FunnelDefinition([FunnelStep.Kind("a"), FunnelStep.Kind("b")], TimeSpan.FromHours(1)) { Breakdown = Breakdown.ByChannel };
        var result = FunnelAnalysis.Analyze(journeys, funnel, Day);

        Assert.Equal(["web", "phone"], result.Groups.Select(g => g.Key));
        Assert.Equal([2, 1], result.Groups[0].Steps.Select(s => s.Converted));
        Assert.Equal([1, 1], result.Groups[1].Steps.Select(s => s.Converted));
        Assert.Equal([3, 2], Converted(result));

        var byRegion = FunnelAnalysis.Analyze(journeys, new FunnelDefinition(funnel.Steps, funnel.Window) { Breakdown = Breakdown.ByAttribute("region") }, Day);
        Assert.Equal([Breakdown.NoValue, "north"], byRegion.Groups.Select(g => g.Key));
    }

    [Fact]
    public void Filter_drops_interactions_and_customers()
    {
        Journey[] journeys = [Seq("c1", (0, "a"), (1, "b")), Seq("c2", (0, "a"), (1, "b"))];
        var filter = new AnalyticsFilter { Customers = j => j.CustomerId.Value == "c1", Interactions = i => i.Kind != "b" };
        Assert.Equal([1, 0], Converted(FunnelAnalysis.Analyze(journeys, Funnel(steps: [FunnelStep.Kind("a"), FunnelStep.Kind("b")]), Day, filter)));
    }

    [Fact]
    public void Definition_rejects_what_has_no_meaning()
    {
        Assert.Throws<ArgumentException>(() => new FunnelDefinition([], TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunnelDefinition(Abc, TimeSpan.Zero));
        Assert.Throws<InvalidOperationException>(() => new FunnelDefinition(Abc, TimeSpan.FromHours(1), FunnelMode.Unordered) { Exclusions = [new FunnelExclusion(FunnelStep.Kind("x"), 0)] });
        var late = Assert.Throws<ArgumentException>(() => new FunnelDefinition(Abc, TimeSpan.FromHours(1)) { Exclusions = [new FunnelExclusion(FunnelStep.Kind("x"), 2)] });
        Assert.Contains("last step is 2", late.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TimeRange(T0, T0));
    }
}
