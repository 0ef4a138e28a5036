using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Journeys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxCore.Tests.DependencyInjection;

/// <summary>Options bound from configuration, and validated when a real generic host starts.</summary>
public sealed class CxCoreOptionsTests
{
    private static IHost CreateHost(Dictionary<string, string?> settings, Action<ICxCoreBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.Configure<CxCoreOptions>(builder.Configuration.GetSection(CxCoreOptions.SectionName));
        builder.Services.AddCxCore(configure ?? (_ => { }));
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartFails(Dictionary<string, string?> settings, Action<ICxCoreBuilder>? configure = null)
    {
        using var host = CreateHost(settings, configure);
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(typeof(CxCoreOptions), e.OptionsType);
        return e;
    }

    [Fact]
    public async Task A_host_with_default_settings_starts_and_serves_the_default_journey()
    {
        using var host = CreateHost([]);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var journey = host.Services.GetRequiredService<JourneyDefinition>();
        Assert.Equal(DefaultJourney.Definition.Timeouts, journey.Timeouts);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Settings_bound_from_configuration_change_the_timeouts_classifier_and_channels()
    {
        using var host = CreateHost(new()
        {
            ["CxCore:DormantAfter"] = "30.00:00:00",
            ["CxCore:ChurnedAfter"] = "60.00:00:00",
            ["CxCore:KindTriggers:app_open"] = "ProductViewed",
            ["CxCore:KindTriggers:page_view"] = "Engaged",
            ["CxCore:Channels:kiosk"] = "SelfService",
        });
        await host.StartAsync(TestContext.Current.CancellationToken);

        var journey = host.Services.GetRequiredService<JourneyDefinition>();
        Assert.Contains(new TimeoutInfo(JourneyStage.Use, TimeSpan.FromDays(30), JourneyStage.Dormant), journey.Timeouts);
        Assert.Contains(new TimeoutInfo(JourneyStage.Dormant, TimeSpan.FromDays(60), JourneyStage.Churned), journey.Timeouts);

        var classifier = host.Services.GetRequiredService<IInteractionClassifier>();
        Assert.True(classifier.TryClassify(TestData.At("e-1", 0, "APP_OPEN"), out var opened));
        Assert.Equal(JourneyTrigger.ProductViewed, opened);
        Assert.True(classifier.TryClassify(TestData.At("e-2", 0, "page_view"), out var viewed));
        Assert.Equal(JourneyTrigger.Engaged, viewed);

        Assert.Equal(ServiceMode.SelfService, host.Services.GetRequiredService<ChannelRegistry>().DefaultModeOf(new Channel("kiosk")));

        var projected = host.Services.GetRequiredService<JourneyProjector>().Project(TestData.Customer, [TestData.At("e-1", 0, "purchase")], TestData.T0.AddDays(31));
        Assert.Equal(JourneyStage.Dormant, projected.CurrentStage);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("3661.00:00:00")]
    public async Task An_invalid_DormantAfter_fails_at_start_naming_the_setting_the_value_and_the_expected_range(string value)
    {
        var e = await StartFails(new() { ["CxCore:DormantAfter"] = value });

        var failure = Assert.Single(e.Failures);
        Assert.Equal($"CxCore:DormantAfter must be a positive duration of at most 3660 days (e.g. '90.00:00:00'), but was '{TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture):c}'.", failure);
        Assert.Contains(failure, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_setting_is_reported_at_once()
    {
        var e = await StartFails(new()
        {
            ["CxCore:DormantAfter"] = "00:00:00",
            ["CxCore:ChurnedAfter"] = "-00:00:01",
            ["CxCore:Channels:Kiosk"] = "SelfService",
        });

        Assert.Equal(3, e.Failures.Count());
        Assert.Contains(e.Failures, f => f.StartsWith("CxCore:DormantAfter must be", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("CxCore:ChurnedAfter must be", StringComparison.Ordinal) && f.EndsWith("but was '-00:00:01'.", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.StartsWith("CxCore:Channels: 'Kiosk' is not a valid channel name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_kind_mapped_to_a_trigger_the_journey_does_not_use_fails_at_start()
    {
        var e = await StartFails(new() { ["CxCore:KindTriggers:app_open"] = "AppOpened" });

        Assert.Equal(
            "CxCore:KindTriggers:app_open: maps to trigger 'AppOpened', which journey 'cx-default' does not use; expected one of: " +
            "AdSeen, Searched, ProductViewed, Engaged, Purchased, Delivered, SupportRequested, SupportResolved, Reviewed, Referred.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task A_kind_mapped_to_an_invalid_trigger_name_fails_at_start()
    {
        var e = await StartFails(new() { ["CxCore:KindTriggers:app_open"] = "app opened" });

        Assert.Equal(
            "CxCore:KindTriggers:app_open: 'app opened' is not a valid trigger name; expected 1-64 ASCII letters, digits, '-' or '_', starting with a letter.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task An_invalid_channel_name_fails_at_start()
    {
        var e = await StartFails(new() { ["CxCore:Channels:Self Service Kiosk"] = "SelfService" });

        Assert.Equal(
            "CxCore:Channels: 'Self Service Kiosk' is not a valid channel name; expected 1-32 lower-case letters, digits, '-' or '_', starting with a letter.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task An_undefined_service_mode_fails_at_start()
    {
        var e = await StartFails([], cx => cx.AddChannel(new Channel("kiosk"), (ServiceMode)9));

        Assert.Equal(
            "CxCore:Channels:kiosk: service mode 9 is not defined; expected SelfService, Assisted or Automated.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task A_ConfigureJourney_that_makes_the_journey_invalid_fails_at_start_with_the_journey_errors()
    {
        var e = await StartFails([], cx => cx.ConfigureJourney(journey => journey
            .From(JourneyStage.Purchase).On(JourneyTrigger.Delivered).To(JourneyStage.Advocacy)));

        Assert.Equal(
            [
                "Journey 'cx-default': Ambiguous transition: from 'Purchase' on 'Delivered' is declared 2 times without a guard (#26 to 'Use', #47 to 'Advocacy'); give all but one a guard with When(…), or remove the duplicates.",
            ],
            e.Failures);
    }

    [Fact]
    public async Task An_unreachable_stage_added_by_ConfigureJourney_fails_at_start()
    {
        var e = await StartFails([], cx => cx.ConfigureJourney(journey => journey.Stage(new JourneyStage("Onboarding"))));

        Assert.Equal(
            "Journey 'cx-default': Stage 'Onboarding' is unreachable from the initial stage 'Awareness'; add a transition or timeout into it, or remove it.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task UseJourney_with_a_journey_that_uses_only_some_triggers_starts()
    {
        var trial = new JourneyStage("Trial");
        var active = new JourneyStage("Active");
        var subscription = new JourneyDefinitionBuilder("subscription").Stages(trial, active).InitialStage(trial)
            .From(trial).On(JourneyTrigger.Purchased).To(active)
            .Build();
        using var host = CreateHost([], cx => cx.UseJourney(subscription));

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Same(subscription, host.Services.GetRequiredService<JourneyDefinition>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task With_UseJourney_a_configured_kind_still_must_map_to_a_trigger_the_journey_uses()
    {
        var trial = new JourneyStage("Trial");
        var active = new JourneyStage("Active");
        var subscription = new JourneyDefinitionBuilder("subscription").Stages(trial, active).InitialStage(trial)
            .From(trial).On(JourneyTrigger.Purchased).To(active)
            .Build();

        var e = await StartFails(new() { ["CxCore:KindTriggers:signup"] = "Engaged" }, cx => cx.UseJourney(subscription));

        Assert.Equal(
            "CxCore:KindTriggers:signup: maps to trigger 'Engaged', which journey 'subscription' does not use; expected one of: Purchased.",
            Assert.Single(e.Failures));
    }

    [Fact]
    public async Task ConfigureJourney_after_UseJourney_fails_at_start_instead_of_dropping_the_journey()
    {
        var trial = new JourneyStage("Trial");
        var active = new JourneyStage("Active");
        var subscription = new JourneyDefinitionBuilder("subscription").Stages(trial, active).InitialStage(trial)
            .From(trial).On(JourneyTrigger.Purchased).To(active)
            .Build();

        var e = await StartFails([], cx => cx.UseJourney(subscription).ConfigureJourney(j => j.Stage(new JourneyStage("Extra"))));

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith("Journey 'subscription': ConfigureJourney cannot extend the journey given to UseJourney", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_a_service_before_start_still_reports_the_invalid_setting()
    {
        using var host = CreateHost(new() { ["CxCore:DormantAfter"] = "00:00:00" });

        var e = Assert.Throws<OptionsValidationException>(host.Services.GetRequiredService<JourneyDefinition>);

        Assert.Contains("CxCore:DormantAfter must be a positive duration", e.Message, StringComparison.Ordinal);
    }
}
