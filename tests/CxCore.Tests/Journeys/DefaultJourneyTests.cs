using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

/// <summary>The default CX journey, path by path.</summary>
public sealed class DefaultJourneyTests
{
    private static readonly JourneyDefinition Journey = DefaultJourney.Definition;

    private static JourneyStage? Fire(JourneyStage from, JourneyTrigger trigger, TransitionContext context = default) =>
        Journey.TryFire(from, trigger, in context, out var next) ? next : null;

    private static Journey Project(DateTimeOffset asOf, params Interaction[] interactions) =>
        new JourneyProjector(Journey, DefaultJourney.Classifier).Project(TestData.Customer, interactions, asOf);

    private static JourneyStage[] Stages(Journey journey) => [.. journey.StageHistory.Select(v => v.Stage)];

    [Fact]
    public void It_has_eleven_stages_in_journey_order_and_starts_in_Awareness()
    {
        Assert.Equal(DefaultJourney.Name, Journey.Name);
        Assert.Equal(
            ["Awareness", "Discovery", "Consideration", "Engagement", "Purchase", "Use", "Support", "RepeatPurchase", "Advocacy", "Dormant", "Churned"],
            Journey.Stages.Select(s => s.Name));
        Assert.Equal(JourneyStage.Awareness, Journey.InitialStage);
        Assert.Empty(Journey.TerminalStages);
    }

    [Fact]
    public void It_uses_the_ten_well_known_triggers_in_first_use_order()
    {
        Assert.Equal(
            [
                JourneyTrigger.AdSeen, JourneyTrigger.Searched, JourneyTrigger.ProductViewed, JourneyTrigger.Engaged, JourneyTrigger.Purchased,
                JourneyTrigger.Delivered, JourneyTrigger.SupportRequested, JourneyTrigger.SupportResolved, JourneyTrigger.Reviewed, JourneyTrigger.Referred,
            ],
            Journey.Triggers);
        Assert.Equal(46, Journey.Transitions.Count);
    }

    [Fact]
    public void Every_active_stage_goes_Dormant_after_90_days_and_Dormant_goes_Churned_after_180()
    {
        var expected = Journey.Stages
            .Where(s => s != JourneyStage.Dormant && s != JourneyStage.Churned)
            .Select(s => new TimeoutInfo(s, TimeSpan.FromDays(90), JourneyStage.Dormant))
            .Append(new TimeoutInfo(JourneyStage.Dormant, TimeSpan.FromDays(180), JourneyStage.Churned));

        Assert.Equal(expected, Journey.Timeouts);
        Assert.False(Journey.TryGetTimeout(Journey.GetStageIndex(JourneyStage.Churned), out _, out _));
    }

    [Theory]
    [InlineData("Awareness", "Searched,ProductViewed,Engaged,Purchased")]
    [InlineData("Purchase", "Purchased,Delivered,SupportRequested,Reviewed,Referred")]
    [InlineData("Use", "Purchased,SupportRequested,Reviewed,Referred")]
    [InlineData("Support", "Purchased,SupportResolved,Reviewed,Referred")]
    [InlineData("Advocacy", "Purchased,SupportRequested,Reviewed")]
    [InlineData("Dormant", "AdSeen,Searched,ProductViewed,Engaged,Purchased,SupportRequested")]
    public void Permitted_triggers_per_stage(string stage, string triggers) =>
        Assert.Equal(triggers.Split(','), Journey.GetPermittedTriggers(new JourneyStage(stage)).Select(t => t.Name));

    [Theory]
    [InlineData("Awareness", "Searched", "Discovery")]
    [InlineData("Awareness", "ProductViewed", "Consideration")]
    [InlineData("Awareness", "Engaged", "Engagement")]
    [InlineData("Discovery", "ProductViewed", "Consideration")]
    [InlineData("Consideration", "Engaged", "Engagement")]
    [InlineData("Engagement", "Purchased", "Purchase")]
    public void Pre_purchase_stages_move_forward_and_may_skip(string from, string trigger, string to) =>
        Assert.Equal(new JourneyStage(to), Fire(new JourneyStage(from), new JourneyTrigger(trigger)));

    [Fact]
    public void A_purchase_straight_from_Awareness_skips_to_Purchase() =>
        Assert.Equal(JourneyStage.Purchase, Fire(JourneyStage.Awareness, JourneyTrigger.Purchased, TestData.Context()));

    [Theory]
    [InlineData(InteractionOutcome.Failed)]
    [InlineData(InteractionOutcome.Abandoned)]
    public void A_failed_or_abandoned_purchase_does_not_move_the_customer(InteractionOutcome outcome)
    {
        Assert.Null(Fire(JourneyStage.Engagement, JourneyTrigger.Purchased, TestData.Context(outcome)));
        Assert.Null(Fire(JourneyStage.Use, JourneyTrigger.Purchased, TestData.Context(outcome)));
    }

    [Fact]
    public void A_purchase_with_unknown_outcome_counts_as_completed() =>
        Assert.Equal(JourneyStage.Purchase, Fire(JourneyStage.Consideration, JourneyTrigger.Purchased, TestData.Context(InteractionOutcome.Unknown)));

    [Fact]
    public void Fire_from_Purchase_on_Delivered_moves_to_Use() =>
        Assert.Equal(JourneyStage.Use, Fire(JourneyStage.Purchase, JourneyTrigger.Delivered));

    [Fact]
    public void Fire_from_RepeatPurchase_on_Delivered_moves_to_Use() =>
        Assert.Equal(JourneyStage.Use, Fire(JourneyStage.RepeatPurchase, JourneyTrigger.Delivered));

    [Fact]
    public void Delivered_before_a_purchase_does_not_move() =>
        Assert.Null(Fire(JourneyStage.Awareness, JourneyTrigger.Delivered));

    [Fact]
    public void Use_regresses_to_Support_and_returns_to_Use_when_resolved()
    {
        Assert.Equal(JourneyStage.Support, Fire(JourneyStage.Use, JourneyTrigger.SupportRequested));
        Assert.Equal(JourneyStage.Use, Fire(JourneyStage.Support, JourneyTrigger.SupportResolved));
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(4, null)]
    [InlineData(null, 9)]
    [InlineData(null, 10)]
    public void A_positive_review_in_Use_leads_to_Advocacy(int? csat, int? nps) =>
        Assert.Equal(JourneyStage.Advocacy, Fire(JourneyStage.Use, JourneyTrigger.Reviewed, TestData.Context(csat: csat, nps: nps)));

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(null, 0)]
    [InlineData(null, 6)]
    public void A_negative_review_in_Use_leads_back_to_Support(int? csat, int? nps) =>
        Assert.Equal(JourneyStage.Support, Fire(JourneyStage.Use, JourneyTrigger.Reviewed, TestData.Context(csat: csat, nps: nps)));

    [Theory]
    [InlineData(3, null)]
    [InlineData(null, 7)]
    [InlineData(null, 8)]
    [InlineData(null, null)]
    public void A_neutral_or_scoreless_review_does_not_move(int? csat, int? nps) =>
        Assert.Null(Fire(JourneyStage.Use, JourneyTrigger.Reviewed, TestData.Context(csat: csat, nps: nps)));

    [Fact]
    public void A_negative_review_from_Advocacy_falls_back_to_Support_and_a_positive_one_from_Support_leads_to_Advocacy()
    {
        Assert.Equal(JourneyStage.Support, Fire(JourneyStage.Advocacy, JourneyTrigger.Reviewed, TestData.Context(csat: 1)));
        Assert.Equal(JourneyStage.Advocacy, Fire(JourneyStage.Support, JourneyTrigger.Reviewed, TestData.Context(nps: 10)));
        Assert.Null(Fire(JourneyStage.Support, JourneyTrigger.Reviewed, TestData.Context(csat: 1)));
    }

    [Fact]
    public void A_referral_from_Use_leads_to_Advocacy() =>
        Assert.Equal(JourneyStage.Advocacy, Fire(JourneyStage.Use, JourneyTrigger.Referred));

    [Theory]
    [InlineData("Purchase")]
    [InlineData("Use")]
    [InlineData("Support")]
    [InlineData("RepeatPurchase")]
    [InlineData("Advocacy")]
    [InlineData("Dormant")]
    [InlineData("Churned")]
    public void Buying_again_after_the_first_purchase_is_a_RepeatPurchase(string from) =>
        Assert.Equal(JourneyStage.RepeatPurchase, Fire(new JourneyStage(from), JourneyTrigger.Purchased, TestData.Context()));

    [Theory]
    [InlineData("Dormant", "Searched", "Discovery")]
    [InlineData("Churned", "Searched", "Discovery")]
    [InlineData("Dormant", "AdSeen", "Awareness")]
    [InlineData("Churned", "ProductViewed", "Consideration")]
    [InlineData("Dormant", "Engaged", "Engagement")]
    [InlineData("Dormant", "SupportRequested", "Support")]
    public void A_quiet_customer_is_reactivated_by_new_activity(string from, string trigger, string to) =>
        Assert.Equal(new JourneyStage(to), Fire(new JourneyStage(from), new JourneyTrigger(trigger)));

    [Fact]
    public void An_ad_does_not_move_an_active_customer_back_to_Awareness() =>
        Assert.Null(Fire(JourneyStage.Use, JourneyTrigger.AdSeen));

    [Fact]
    public void A_customer_goes_Dormant_after_90_quiet_days_and_Churned_180_days_later()
    {
        var journey = Project(TestData.T0.AddDays(400), TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 3, "delivered"));

        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Dormant, JourneyStage.Churned], Stages(journey));
        var dormant = journey.StageHistory[3];
        var churned = journey.StageHistory[4];
        Assert.Equal(StageEntryReason.Inactivity, dormant.Reason);
        Assert.Equal(TestData.T0.AddDays(3 + 90), dormant.EnteredAt);
        Assert.Null(dormant.Trigger);
        Assert.Equal(TestData.T0.AddDays(3 + 90 + 180), churned.EnteredAt);
        Assert.Equal(StageEntryReason.Inactivity, churned.Reason);
    }

    [Fact]
    public void A_Dormant_customer_who_buys_again_is_a_RepeatPurchase()
    {
        var journey = Project(TestData.T0.AddDays(130), TestData.At("e-1", 0, "purchase"), TestData.At("e-2", 120, "order"));

        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Dormant, JourneyStage.RepeatPurchase], Stages(journey));
    }

    [Fact]
    public void A_Dormant_customer_who_searches_is_back_in_Discovery()
    {
        var journey = Project(TestData.T0.AddDays(100), TestData.At("e-1", 0, "ad_view"), TestData.At("e-2", 95, "search"));

        Assert.Equal([JourneyStage.Awareness, JourneyStage.Dormant, JourneyStage.Discovery], Stages(journey));
        Assert.Equal(TestData.T0.AddDays(90), journey.StageHistory[1].EnteredAt);
    }

    [Fact]
    public void CreateBuilder_uses_the_given_timeouts()
    {
        var definition = DefaultJourney.CreateBuilder(TimeSpan.FromDays(30), TimeSpan.FromDays(60)).Build();

        Assert.Contains(new TimeoutInfo(JourneyStage.Use, TimeSpan.FromDays(30), JourneyStage.Dormant), definition.Timeouts);
        Assert.Contains(new TimeoutInfo(JourneyStage.Dormant, TimeSpan.FromDays(60), JourneyStage.Churned), definition.Timeouts);
    }

    [Fact]
    public void CreateBuilder_rejects_a_zero_or_negative_timeout()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultJourney.CreateBuilder(dormantAfter: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => DefaultJourney.CreateBuilder(churnedAfter: TimeSpan.FromDays(-1)));
    }

    [Fact]
    public void CreateBuilder_returns_an_extensible_builder_that_leaves_the_default_definition_alone()
    {
        var onboarding = new JourneyStage("Onboarding");
        var onboarded = new JourneyTrigger("Onboarded");
        var extended = DefaultJourney.CreateBuilder()
            .Stage(onboarding)
            .From(JourneyStage.Purchase).On(onboarded).To(onboarding)
            .From(onboarding).On(JourneyTrigger.Delivered).To(JourneyStage.Use)
            .Build();

        Assert.Equal(12, extended.Stages.Count);
        Assert.Equal(onboarding, extended.TryFire(JourneyStage.Purchase, onboarded, TransitionContext.None, out var next) ? next : default);
        Assert.Equal(11, DefaultJourney.Definition.Stages.Count);
        Assert.Same(InteractionClassifier.Default, DefaultJourney.Classifier);
    }
}
