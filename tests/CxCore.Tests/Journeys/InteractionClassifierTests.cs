using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

public sealed class InteractionClassifierTests
{
    private static bool Classify(InteractionClassifier classifier, string kind, out JourneyTrigger trigger) =>
        classifier.TryClassify(TestData.At("e-1", 0, kind), out trigger);

    [Theory]
    [InlineData("ad_view", "AdSeen")]
    [InlineData("campaign_open", "AdSeen")]
    [InlineData("search", "Searched")]
    [InlineData("product_view", "ProductViewed")]
    [InlineData("add_to_cart", "Engaged")]
    [InlineData("checkout_start", "Engaged")]
    [InlineData("purchase", "Purchased")]
    [InlineData("renewal", "Purchased")]
    [InlineData("delivered", "Delivered")]
    [InlineData("support_request", "SupportRequested")]
    [InlineData("warranty_claim", "SupportRequested")]
    [InlineData("support_resolved", "SupportResolved")]
    [InlineData("refund", "SupportResolved")]
    [InlineData("review", "Reviewed")]
    [InlineData("survey_response", "Reviewed")]
    [InlineData("referral", "Referred")]
    public void The_default_classifier_maps_common_kinds_to_the_well_known_triggers(string kind, string trigger)
    {
        Assert.True(Classify(InteractionClassifier.Default, kind, out var classified));
        Assert.Equal(new JourneyTrigger(trigger), classified);
    }

    [Fact]
    public void The_default_classifier_covers_38_kinds_and_every_trigger_of_the_default_journey()
    {
        Assert.Equal(38, InteractionClassifier.Default.Mappings.Count);
        Assert.Equal(DefaultJourney.Definition.Triggers.Select(t => t.Name).Order(), InteractionClassifier.Default.Mappings.Values.Distinct().Select(t => t.Name).Order());
        Assert.Empty(InteractionClassifier.Default.FindUnusedTriggers(DefaultJourney.Definition));
    }

    [Theory]
    [InlineData("PURCHASE")]
    [InlineData("Purchase")]
    [InlineData("pUrChAsE")]
    public void Kinds_are_compared_case_insensitively(string kind)
    {
        Assert.True(Classify(InteractionClassifier.Default, kind, out var trigger));
        Assert.Equal(JourneyTrigger.Purchased, trigger);
    }

    [Theory]
    [InlineData("email_open")]
    [InlineData("page-view")]
    [InlineData("purchase_")]
    public void Unknown_kinds_fire_no_trigger(string kind)
    {
        Assert.False(Classify(InteractionClassifier.Default, kind, out var trigger));
        Assert.True(trigger.IsEmpty);
    }

    [Fact]
    public void With_adds_a_mapping_in_a_new_classifier_and_leaves_the_original_unchanged()
    {
        var trialStarted = new JourneyTrigger("TrialStarted");
        var classifier = InteractionClassifier.Default.With("app_open", JourneyTrigger.ProductViewed).With("Trial_Start", trialStarted);

        Assert.True(Classify(classifier, "APP_OPEN", out var opened));
        Assert.Equal(JourneyTrigger.ProductViewed, opened);
        Assert.True(Classify(classifier, "trial_start", out var trial));
        Assert.Equal(trialStarted, trial);
        Assert.Equal(39, classifier.Mappings.Count);

        Assert.False(Classify(InteractionClassifier.Default, "app_open", out _));
        Assert.True(Classify(InteractionClassifier.Default, "trial_start", out var original));
        Assert.Equal(JourneyTrigger.Engaged, original);
    }

    [Fact]
    public void Without_removes_a_mapping_whatever_its_case()
    {
        var classifier = InteractionClassifier.Default.Without("PAGE_VIEW");

        Assert.False(Classify(classifier, "page_view", out _));
        Assert.True(Classify(classifier, "product_view", out _));
        Assert.Equal(37, classifier.Mappings.Count);
        Assert.True(Classify(InteractionClassifier.Default, "page_view", out _));
        Assert.Equal(38, InteractionClassifier.Default.Without("not_mapped").Mappings.Count);
    }

    [Fact]
    public void Kinds_that_differ_only_in_case_are_rejected_as_duplicates()
    {
        var e = Assert.Throws<ArgumentException>(() => new InteractionClassifier(
        [
            KeyValuePair.Create("signup", JourneyTrigger.Engaged),
            KeyValuePair.Create("SignUp", JourneyTrigger.Purchased),
        ]));

        Assert.Equal("mappings", e.ParamName);
        Assert.StartsWith("Kind 'SignUp' is mapped twice (kinds are compared case-insensitively).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_kinds_and_default_triggers_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new InteractionClassifier([KeyValuePair.Create(" ", JourneyTrigger.Engaged)]));
        Assert.Throws<ArgumentException>(() => new InteractionClassifier([KeyValuePair.Create("signup", default(JourneyTrigger))]));
        Assert.Throws<ArgumentException>(() => InteractionClassifier.Default.With("", JourneyTrigger.Engaged));
        Assert.Equal("trigger", Assert.Throws<ArgumentException>(() => InteractionClassifier.Default.With("x", default)).ParamName);
        Assert.Throws<ArgumentException>(() => InteractionClassifier.Default.Without(" "));
        Assert.Throws<ArgumentNullException>(() => InteractionClassifier.Default.TryClassify(null!, out _));
    }

    [Fact]
    public void FindUnusedTriggers_lists_the_mappings_a_definition_would_never_fire_ordered_by_kind()
    {
        var subscription = new JourneyDefinitionBuilder("subscription")
            .Stages(new JourneyStage("Trial"), new JourneyStage("Active"))
            .InitialStage(new JourneyStage("Trial"))
            .From(new JourneyStage("Trial")).On(JourneyTrigger.Purchased).To(new JourneyStage("Active"))
            .Build();
        var classifier = new InteractionClassifier(
        [
            KeyValuePair.Create("renewal", JourneyTrigger.Purchased),
            KeyValuePair.Create("Zap", new JourneyTrigger("Zapped")),
            KeyValuePair.Create("app_open", JourneyTrigger.ProductViewed),
        ]);

        Assert.Equal(
            [KeyValuePair.Create("app_open", JourneyTrigger.ProductViewed), KeyValuePair.Create("Zap", new JourneyTrigger("Zapped"))],
            classifier.FindUnusedTriggers(subscription));
    }
}
