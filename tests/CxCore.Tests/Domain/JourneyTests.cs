using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class JourneyTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    private static StageVisit Open(JourneyStage stage, double day, StageEntryReason reason = StageEntryReason.Trigger) =>
        new(stage, T0.AddDays(day), null, reason, reason == StageEntryReason.Trigger ? JourneyTrigger.Searched : null);

    private static StageVisit Closed(JourneyStage stage, double from, double to, StageEntryReason reason = StageEntryReason.Trigger) =>
        new(stage, T0.AddDays(from), T0.AddDays(to), reason, reason == StageEntryReason.Trigger ? JourneyTrigger.Searched : null);

    [Fact]
    public void A_consistent_journey_exposes_current_stage_and_last_interaction()
    {
        var journey = new Journey(
            TestData.Customer,
            [TestData.At("e-1", 0, "ad_view"), TestData.At("e-2", 1, "search")],
            [Closed(JourneyStage.Awareness, 0, 1, StageEntryReason.Initial), Open(JourneyStage.Discovery, 1)]);

        Assert.Equal(JourneyStage.Discovery, journey.CurrentStage);
        Assert.Equal(T0.AddDays(1), journey.CurrentStageSince);
        Assert.Equal(T0.AddDays(1), journey.LastInteractionAt);
        Assert.Equal(TestData.Customer, journey.CustomerId);
    }

    [Fact]
    public void A_journey_without_interactions_has_no_last_interaction() =>
        Assert.Null(new Journey(TestData.Customer, [], [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]).LastInteractionAt);

    [Fact]
    public void Interactions_out_of_time_order_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [TestData.At("e-1", 2, "ad_view"), TestData.At("e-2", 1, "search")],
            [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]));

        Assert.Equal("interactions", e.ParamName);
        Assert.StartsWith(
            "interactions must be in time order, but interactions[1] ('e-2', 2024-03-02T09:00:00.0000000+00:00) is before interactions[0] (2024-03-03T09:00:00.0000000+00:00).",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Interactions_with_equal_timestamps_are_in_order()
    {
        var journey = new Journey(
            TestData.Customer,
            [TestData.At("e-1", 1, "ad_view"), TestData.At("e-2", 1, "search")],
            [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]);

        Assert.Equal(2, journey.Interactions.Count);
    }

    [Fact]
    public void An_interaction_of_another_customer_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [TestData.At("e-1", 0, "ad_view"), TestData.At("e-2", 1, "search", customer: new CustomerId("c-7"))],
            [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]));

        Assert.StartsWith("interactions[1] ('e-2') belongs to customer 'c-7', not 'c-42'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_interaction_ids_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [TestData.At("e-1", 0, "ad_view"), TestData.At("e-1", 1, "search")],
            [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]));

        Assert.StartsWith("interactions contains id 'e-1' twice (at index 1).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_interaction_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(TestData.Customer, [null!], [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial)]));
        Assert.StartsWith("interactions[0] is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_stage_history_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(TestData.Customer, [], []));

        Assert.Equal("stageHistory", e.ParamName);
        Assert.StartsWith("stageHistory must contain at least the initial stage.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_contiguous_history_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [],
            [Closed(JourneyStage.Awareness, 0, 1, StageEntryReason.Initial), Open(JourneyStage.Discovery, 2)]));

        Assert.StartsWith(
            "stageHistory[0] ('Awareness') exits at 2024-03-02T09:00:00.0000000+00:00 but stageHistory[1] ('Discovery') enters at 2024-03-03T09:00:00.0000000+00:00; visits must be contiguous.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_visit_that_is_not_the_last_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [],
            [Open(JourneyStage.Awareness, 0, StageEntryReason.Initial), Open(JourneyStage.Discovery, 1)]));

        Assert.StartsWith("stageHistory[0] ('Awareness') is not the last visit and must have ExitedAt.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_last_visit_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(
            TestData.Customer,
            [],
            [Closed(JourneyStage.Awareness, 0, 1, StageEntryReason.Initial)]));

        Assert.StartsWith(
            "stageHistory[0] ('Awareness') is the current stage and must be open (ExitedAt null), but exited at 2024-03-02T09:00:00.0000000+00:00.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_visit_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(TestData.Customer, [], [default]));
        Assert.StartsWith("stageHistory[0] is a default StageVisit.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_journey_copies_its_lists()
    {
        var interactions = new List<Interaction> { TestData.At("e-1", 0, "ad_view") };
        var history = new List<StageVisit> { Open(JourneyStage.Awareness, 0, StageEntryReason.Initial) };
        var journey = new Journey(TestData.Customer, interactions, history);

        interactions.Add(TestData.At("e-2", 1, "search"));
        history.Add(Open(JourneyStage.Discovery, 1));

        Assert.Single(journey.Interactions);
        Assert.Single(journey.StageHistory);
    }

    [Fact]
    public void TimeInStage_adds_up_every_visit_and_measures_the_open_one_up_to_asOf()
    {
        var journey = new Journey(
            TestData.Customer,
            [],
            [
                Closed(JourneyStage.Use, 0, 10, StageEntryReason.Initial),
                Closed(JourneyStage.Support, 10, 12),
                Open(JourneyStage.Use, 12),
            ]);

        Assert.Equal(TimeSpan.FromDays(10 + 8), journey.TimeInStage(JourneyStage.Use, T0.AddDays(20)));
        Assert.Equal(TimeSpan.FromDays(2), journey.TimeInStage(JourneyStage.Support, T0.AddDays(20)));
        Assert.Equal(TimeSpan.Zero, journey.TimeInStage(JourneyStage.Advocacy, T0.AddDays(20)));
    }

    [Fact]
    public void A_visit_that_exits_before_it_enters_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new StageVisit(JourneyStage.Use, T0.AddDays(1), T0, StageEntryReason.Initial));

        Assert.Equal("exitedAt", e.ParamName);
        Assert.StartsWith(
            "exitedAt (2024-03-01T09:00:00.0000000+00:00) must not be before enteredAt (2024-03-02T09:00:00.0000000+00:00) for stage 'Use'.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_visit_entered_by_trigger_needs_a_trigger_and_others_must_not_have_one()
    {
        var missing = Assert.Throws<ArgumentException>(() => new StageVisit(JourneyStage.Use, T0, null, StageEntryReason.Trigger));
        Assert.Equal("trigger", missing.ParamName);
        Assert.StartsWith("A trigger must be given exactly when reason is Trigger (reason was Trigger, trigger was '').", missing.Message, StringComparison.Ordinal);

        var extra = Assert.Throws<ArgumentException>(() => new StageVisit(JourneyStage.Dormant, T0, null, StageEntryReason.Inactivity, JourneyTrigger.Delivered));
        Assert.StartsWith("A trigger must be given exactly when reason is Trigger (reason was Inactivity, trigger was 'Delivered').", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_visit_rejects_an_undefined_reason_a_default_stage_and_default_ids()
    {
        Assert.Equal("reason", Assert.Throws<ArgumentOutOfRangeException>(() => new StageVisit(JourneyStage.Use, T0, null, (StageEntryReason)5)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => new StageVisit(default, T0, null, StageEntryReason.Initial)).ParamName);
        Assert.Equal("trigger", Assert.Throws<ArgumentException>(() => new StageVisit(JourneyStage.Use, T0, null, StageEntryReason.Trigger, default(JourneyTrigger))).ParamName);
        Assert.Equal("interactionId", Assert.Throws<ArgumentException>(() => new StageVisit(JourneyStage.Use, T0, null, StageEntryReason.Trigger, JourneyTrigger.Delivered, default(InteractionId))).ParamName);
    }

    [Fact]
    public void A_visit_measures_its_duration_and_time_in_stage()
    {
        var closed = Closed(JourneyStage.Use, 1, 4);
        var open = Open(JourneyStage.Use, 1);

        Assert.Equal(TimeSpan.FromDays(3), closed.Duration);
        Assert.Equal(TimeSpan.FromDays(3), closed.TimeInStage(T0.AddDays(100)));
        Assert.Null(open.Duration);
        Assert.Equal(TimeSpan.FromDays(5), open.TimeInStage(T0.AddDays(6)));
        Assert.Equal(TimeSpan.Zero, open.TimeInStage(T0));
    }

    [Fact]
    public void Stage_and_trigger_names_follow_the_symbolic_name_rule()
    {
        var stage = Assert.Throws<ArgumentException>(() => new JourneyStage("1st"));
        Assert.StartsWith("JourneyStage name must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter, but was '1st'.", stage.Message, StringComparison.Ordinal);

        var trigger = Assert.Throws<ArgumentException>(() => new JourneyTrigger(new string('t', 65)));
        Assert.StartsWith("JourneyTrigger name must be 1-64", trigger.Message, StringComparison.Ordinal);

        Assert.True(JourneyStage.TryCreate("On-boarding_2", out var onboarding));
        Assert.Equal("On-boarding_2", onboarding.Name);
        Assert.False(JourneyStage.TryCreate("with space", out var invalid));
        Assert.True(invalid.IsEmpty);
        Assert.True(JourneyTrigger.TryCreate(new string('t', 64), out _));
        Assert.False(JourneyTrigger.TryCreate(null, out _));
        Assert.NotEqual(new JourneyStage("use"), JourneyStage.Use);
    }
}
