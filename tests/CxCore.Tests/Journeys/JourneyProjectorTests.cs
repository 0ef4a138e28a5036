using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

public sealed class JourneyProjectorTests
{
    private static readonly JourneyProjector Projector = new(DefaultJourney.Definition, DefaultJourney.Classifier);
    private static readonly DateTimeOffset T0 = TestData.T0;

    private static Journey Project(double asOfDays, params Interaction[] interactions) =>
        Projector.Project(TestData.Customer, interactions, T0.AddDays(asOfDays));

    private static string[] Stages(Journey journey) => [.. journey.StageHistory.Select(v => v.Stage.Name)];

    private static Interaction[] Purchase_and_delivery() =>
    [
        TestData.At("e-1", 0, "ad_view"),
        TestData.At("e-2", 1, "search"),
        TestData.At("e-3", 2, "purchase"),
        TestData.At("e-4", 5, "delivered"),
        TestData.At("e-5", 20, "support_request"),
        TestData.At("e-6", 21, "support_resolved"),
    ];

    [Fact]
    public void Without_interactions_the_journey_is_in_the_initial_stage_since_asOf()
    {
        var journey = Project(10);

        var visit = Assert.Single(journey.StageHistory);
        Assert.Equal(JourneyStage.Awareness, visit.Stage);
        Assert.Equal(StageEntryReason.Initial, visit.Reason);
        Assert.Equal(T0.AddDays(10), visit.EnteredAt);
        Assert.Empty(journey.Interactions);
    }

    [Fact]
    public void Each_stage_change_records_its_trigger_interaction_and_entry_time()
    {
        var journey = Project(30, Purchase_and_delivery());

        Assert.Equal(["Awareness", "Discovery", "Purchase", "Use", "Support", "Use"], Stages(journey));
        Assert.Equal(T0, journey.StageHistory[0].EnteredAt);
        Assert.Equal(StageEntryReason.Initial, journey.StageHistory[0].Reason);
        var use = journey.StageHistory[3];
        Assert.Equal(StageEntryReason.Trigger, use.Reason);
        Assert.Equal(JourneyTrigger.Delivered, use.Trigger);
        Assert.Equal(new InteractionId("e-4"), use.InteractionId);
        Assert.Equal(T0.AddDays(5), use.EnteredAt);
        Assert.Equal(T0.AddDays(20), use.ExitedAt);
        Assert.Equal(TimeSpan.FromDays(15 + 9), journey.TimeInStage(JourneyStage.Use, T0.AddDays(30)));
        Assert.Equal(T0.AddDays(21), journey.LastInteractionAt);
    }

    [Fact]
    public void The_order_of_arrival_does_not_change_the_journey()
    {
        var inOrder = Project(200, Purchase_and_delivery());
        var shuffled = Project(200, [.. Purchase_and_delivery().Reverse()]);

        Assert.Equal(inOrder.StageHistory, shuffled.StageHistory);
        Assert.Equal(inOrder.Interactions.Select(i => i.Id), shuffled.Interactions.Select(i => i.Id));
    }

    [Fact]
    public void Interactions_at_the_same_instant_are_ordered_by_id()
    {
        var deliveredFirst = Project(10, TestData.At("a", 1, "delivered"), TestData.At("b", 1, "purchase"));
        var purchasedFirst = Project(10, TestData.At("b", 1, "delivered"), TestData.At("a", 1, "purchase"));

        Assert.Equal(["Awareness", "Purchase"], Stages(deliveredFirst));
        Assert.Equal(["Awareness", "Purchase", "Use"], Stages(purchasedFirst));
    }

    [Fact]
    public void A_duplicate_interaction_id_is_ignored_and_the_first_occurrence_wins()
    {
        var journey = Project(
            10,
            TestData.At("e-1", 1, "purchase"),
            TestData.At("e-1", 1, "purchase"),
            TestData.At("e-2", 2, "review", signals: new InteractionSignals { Csat = 5 }),
            TestData.At("e-2", 2, "review", signals: new InteractionSignals { Csat = 1 }));

        Assert.Equal(["e-1", "e-2"], journey.Interactions.Select(i => i.Id.Value));
        Assert.Equal(["Awareness", "Purchase", "Advocacy"], Stages(journey));
    }

    [Fact]
    public void A_late_interaction_corrects_the_history()
    {
        var before = Project(10, TestData.At("e-1", 0, "ad_view"), TestData.At("e-3", 5, "delivered"));
        var after = Project(10, TestData.At("e-1", 0, "ad_view"), TestData.At("e-3", 5, "delivered"), TestData.At("e-2", 3, "purchase"));

        Assert.Equal(["Awareness"], Stages(before));
        Assert.Equal(["Awareness", "Purchase", "Use"], Stages(after));
        Assert.Equal(T0.AddDays(3), after.StageHistory[1].EnteredAt);
        Assert.Equal(["e-1", "e-2", "e-3"], after.Interactions.Select(i => i.Id.Value));
    }

    [Fact]
    public void Timeouts_are_applied_between_interactions()
    {
        var journey = Project(350, TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 300, "search"));

        Assert.Equal(["Awareness", "Purchase", "Dormant", "Churned", "Discovery"], Stages(journey));
        Assert.Equal(T0.AddDays(90), journey.StageHistory[2].EnteredAt);
        Assert.Equal(T0.AddDays(270), journey.StageHistory[3].EnteredAt);
        Assert.Equal(T0.AddDays(300), journey.StageHistory[4].EnteredAt);
    }

    [Theory]
    [InlineData(89.9, new[] { "Awareness", "Purchase" })]
    [InlineData(90, new[] { "Awareness", "Purchase", "Dormant" })]
    [InlineData(269.9, new[] { "Awareness", "Purchase", "Dormant" })]
    [InlineData(270, new[] { "Awareness", "Purchase", "Dormant", "Churned" })]
    public void Timeouts_are_applied_up_to_asOf_inclusive(double asOfDays, string[] expected) =>
        Assert.Equal(expected, Stages(Project(asOfDays, TestData.At("e-1", 0, "purchase"))));

    [Fact]
    public void Kinds_that_fire_no_trigger_still_count_as_activity()
    {
        var journey = Project(200, TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 60, "email_open"));

        Assert.Equal(["Awareness", "Purchase", "Dormant"], Stages(journey));
        Assert.Equal(T0.AddDays(150), journey.StageHistory[2].EnteredAt);
    }

    [Fact]
    public void Triggers_that_do_not_move_the_customer_still_count_as_activity()
    {
        var journey = Project(120, TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 60, "ad_view"));

        Assert.Equal(["Awareness", "Purchase"], Stages(journey));
    }

    [Fact]
    public void A_timeout_counts_from_entry_into_the_stage_when_that_is_later_than_the_last_interaction()
    {
        var journey = Project(1_000, TestData.At("e-1", 0, "purchase"));

        Assert.Equal(T0.AddDays(90 + 180), journey.StageHistory[3].EnteredAt);
    }

    [Fact]
    public void A_trigger_unknown_to_the_definition_is_ignored()
    {
        var projector = new JourneyProjector(DefaultJourney.Definition, DefaultJourney.Classifier.With("app_open", new JourneyTrigger("AppOpened")));

        var journey = projector.Project(TestData.Customer, [TestData.At("e-1", 0, "app_open")], T0.AddDays(1));

        Assert.Equal(["Awareness"], Stages(journey));
        Assert.Single(journey.Interactions);
    }

    [Fact]
    public void Guards_see_the_time_the_customer_has_spent_in_the_stage()
    {
        var trial = new JourneyStage("Trial");
        var active = new JourneyStage("Active");
        var definition = new JourneyDefinitionBuilder("trial").Stages(trial, active).InitialStage(trial)
            .From(trial).On(JourneyTrigger.Engaged).When((in TransitionContext c) => c.TimeInStage >= TimeSpan.FromDays(7), "after a week").To(active)
            .Build();
        var projector = new JourneyProjector(definition, DefaultJourney.Classifier);

        var early = projector.Project(TestData.Customer, [TestData.At("e-1", 0, "signup"), TestData.At("e-2", 6, "signup")], T0.AddDays(10));
        var late = projector.Project(TestData.Customer, [TestData.At("e-1", 0, "signup"), TestData.At("e-2", 7, "signup")], T0.AddDays(10));

        Assert.Equal(["Trial"], Stages(early));
        Assert.Equal(["Trial", "Active"], Stages(late));
    }

    [Fact]
    public void An_interaction_of_another_customer_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Project(10, TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 1, "review", customer: new CustomerId("c-7"))));

        Assert.Equal("interactions", e.ParamName);
        Assert.StartsWith("Interaction 'e-2' belongs to customer 'c-7', not 'c-42'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new JourneyProjector(null!, DefaultJourney.Classifier));
        Assert.Throws<ArgumentNullException>(() => new JourneyProjector(DefaultJourney.Definition, null!));
        Assert.Throws<ArgumentException>(() => Projector.Project(default, [], T0));
        Assert.Throws<ArgumentNullException>(() => Projector.Project(TestData.Customer, null!, T0));
        Assert.Throws<ArgumentNullException>(() => Projector.Project(TestData.Customer, [null!], T0));
    }

    [Fact]
    public void A_timeout_beyond_the_calendar_never_fires_instead_of_overflowing()
    {
        var definition = new JourneyDefinitionBuilder("far")
            .Stages(JourneyStage.Awareness, JourneyStage.Dormant)
            .InitialStage(JourneyStage.Awareness)
            .From(JourneyStage.Awareness).After(TimeSpan.MaxValue).To(JourneyStage.Dormant)
            .Build();
        var projector = new JourneyProjector(definition, DefaultJourney.Classifier);

        var journey = projector.Project(TestData.Customer, [TestData.At("e-1", 0, "ad_view")], DateTimeOffset.MaxValue);

        Assert.Equal(JourneyStage.Awareness, journey.CurrentStage);
    }

    [Fact]
    public void A_timeout_that_would_fire_after_year_9999_never_fires_instead_of_overflowing()
    {
        var late = new Interaction(new InteractionId("e-1"), TestData.Customer, new DateTimeOffset(9999, 12, 1, 0, 0, 0, TimeSpan.Zero), Channel.Web, "purchase");

        var journey = Projector.Project(TestData.Customer, [late], DateTimeOffset.MaxValue);

        Assert.Equal(JourneyStage.Purchase, journey.CurrentStage);
    }
}
