using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Journeys;
using Microsoft.Extensions.DependencyInjection;

namespace CxCore.Tests.DependencyInjection;

/// <summary>What AddCxCore registers, and how a host overrides and customises it.</summary>
public sealed class AddCxCoreTests
{
    private static readonly JourneyStage Onboarding = new("Onboarding");
    private static readonly JourneyTrigger Onboarded = new("Onboarded");

    private static ServiceProvider Build(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static JourneyDefinition Subscription()
    {
        var trial = new JourneyStage("Trial");
        var active = new JourneyStage("Active");
        return new JourneyDefinitionBuilder("subscription").Stages(trial, active).InitialStage(trial)
            .From(trial).On(JourneyTrigger.Purchased).To(active)
            .Build();
    }

    [Fact]
    public void AddCxCore_registers_the_core_services_as_singletons_with_their_defaults()
    {
        using var provider = Build(s => s.AddCxCore());

        var journey = provider.GetRequiredService<JourneyDefinition>();
        Assert.Equal(DefaultJourney.Name, journey.Name);
        Assert.Equal(DefaultJourney.Definition.Stages, journey.Stages);
        Assert.Equal(DefaultJourney.Definition.Timeouts, journey.Timeouts);
        Assert.Equal(InteractionClassifier.Default.Mappings, Assert.IsType<InteractionClassifier>(provider.GetRequiredService<IInteractionClassifier>()).Mappings);
        Assert.Equal(ChannelRegistry.WellKnown.Channels, provider.GetRequiredService<ChannelRegistry>().Channels);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());

        var projector = provider.GetRequiredService<JourneyProjector>();
        Assert.Same(projector, provider.GetRequiredService<JourneyProjector>());
        Assert.Same(journey, provider.GetRequiredService<JourneyDefinition>());
        Assert.Equal(
            JourneyStage.Purchase,
            projector.Project(TestData.Customer, [TestData.At("e-1", 0, "purchase")], TestData.T0.AddDays(1)).CurrentStage);
    }

    [Theory]
    [InlineData(typeof(JourneyDefinition))]
    [InlineData(typeof(IInteractionClassifier))]
    [InlineData(typeof(ChannelRegistry))]
    [InlineData(typeof(JourneyProjector))]
    [InlineData(typeof(TimeProvider))]
    public void AddCxCore_registers_each_service_once_as_a_singleton(Type serviceType)
    {
        var services = new ServiceCollection();
        services.AddCxCore();

        var descriptor = Assert.Single(services, d => d.ServiceType == serviceType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    [Fact]
    public void Calling_AddCxCore_twice_registers_nothing_twice()
    {
        var once = new ServiceCollection();
        once.AddCxCore();
        var twice = new ServiceCollection();
        twice.AddCxCore();
        twice.AddCxCore(cx => { });

        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(
            once.Select(d => (d.ServiceType.FullName, d.ImplementationType?.FullName)).Order(),
            twice.Select(d => (d.ServiceType.FullName, d.ImplementationType?.FullName)).Order());
    }

    [Fact]
    public void AddCxCore_returns_a_builder_over_the_same_service_collection()
    {
        var services = new ServiceCollection();
        ICxCoreBuilder? seen = null;

        var builder = services.AddCxCore(cx => seen = cx);

        Assert.Same(services, builder.Services);
        Assert.Same(builder, seen);
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddCxCore());
        Assert.Throws<ArgumentNullException>(() => services.AddCxCore(null!));
    }

    [Fact]
    public void A_journey_the_host_registered_before_AddCxCore_wins()
    {
        var subscription = Subscription();
        using var provider = Build(s =>
        {
            s.AddSingleton(subscription);
            s.AddCxCore();
        });

        Assert.Same(subscription, provider.GetRequiredService<JourneyDefinition>());
        Assert.Equal(
            "Active",
            provider.GetRequiredService<JourneyProjector>().Project(TestData.Customer, [TestData.At("e-1", 0, "purchase")], TestData.T0).CurrentStage.Name);
    }

    [Fact]
    public void A_classifier_the_host_registered_before_AddCxCore_wins()
    {
        var classifier = new FixedClassifier(JourneyTrigger.Searched);
        using var provider = Build(s =>
        {
            s.AddSingleton<IInteractionClassifier>(classifier);
            s.AddCxCore();
        });

        Assert.Same(classifier, provider.GetRequiredService<IInteractionClassifier>());
        Assert.Equal(
            JourneyStage.Discovery,
            provider.GetRequiredService<JourneyProjector>().Project(TestData.Customer, [TestData.At("e-1", 0, "anything")], TestData.T0).CurrentStage);
    }

    [Fact]
    public void A_time_provider_the_host_registered_before_AddCxCore_wins()
    {
        var clock = new FixedTimeProvider(TestData.T0);
        using var provider = Build(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddCxCore();
        });

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void ConfigureJourney_extends_the_default_journey()
    {
        using var provider = Build(s => s.AddCxCore(cx => cx.ConfigureJourney(journey => journey
            .Stage(Onboarding)
            .From(JourneyStage.Purchase).On(Onboarded).To(Onboarding)
            .From(Onboarding).On(JourneyTrigger.Delivered).To(JourneyStage.Use))));

        var journey = provider.GetRequiredService<JourneyDefinition>();

        Assert.Equal(12, journey.Stages.Count);
        Assert.Equal(DefaultJourney.Name, journey.Name);
        Assert.True(journey.TryFire(JourneyStage.Purchase, Onboarded, TransitionContext.None, out var next));
        Assert.Equal(Onboarding, next);
        Assert.True(journey.TryFire(JourneyStage.Use, JourneyTrigger.SupportRequested, TransitionContext.None, out _));
    }

    [Fact]
    public void Several_ConfigureJourney_calls_apply_in_order()
    {
        using var provider = Build(s => s.AddCxCore(cx => cx
            .ConfigureJourney(journey => journey.Stage(Onboarding).From(JourneyStage.Purchase).On(Onboarded).To(Onboarding))
            .ConfigureJourney(journey => journey.From(Onboarding).After(TimeSpan.FromDays(3)).To(JourneyStage.Use))));

        var journey = provider.GetRequiredService<JourneyDefinition>();

        Assert.Contains(new TimeoutInfo(Onboarding, TimeSpan.FromDays(3), JourneyStage.Use), journey.Timeouts);
    }

    [Fact]
    public void UseJourney_replaces_the_default_journey()
    {
        var subscription = Subscription();
        using var provider = Build(s => s.AddCxCore(cx => cx.UseJourney(subscription)));

        Assert.Same(subscription, provider.GetRequiredService<JourneyDefinition>());
    }

    [Fact]
    public void UseJourney_after_ConfigureJourney_replaces_the_extended_default()
    {
        var subscription = Subscription();
        using var provider = Build(s => s.AddCxCore(cx => cx
            .ConfigureJourney(journey => journey.Stage(Onboarding).From(JourneyStage.Purchase).On(Onboarded).To(Onboarding))
            .UseJourney(subscription)));

        Assert.Same(subscription, provider.GetRequiredService<JourneyDefinition>());
    }

    [Fact]
    public void ConfigureClassifier_changes_the_registered_classifier()
    {
        using var provider = Build(s => s.AddCxCore(cx => cx
            .ConfigureClassifier(c => c.With("app_open", JourneyTrigger.ProductViewed))
            .ConfigureClassifier(c => c.Without("page_view"))));

        var classifier = provider.GetRequiredService<IInteractionClassifier>();

        Assert.True(classifier.TryClassify(TestData.At("e-1", 0, "app_open"), out var trigger));
        Assert.Equal(JourneyTrigger.ProductViewed, trigger);
        Assert.False(classifier.TryClassify(TestData.At("e-2", 0, "page_view"), out _));
        Assert.True(classifier.TryClassify(TestData.At("e-3", 0, "purchase"), out _));
    }

    [Fact]
    public void AddChannel_adds_a_channel_with_its_default_mode()
    {
        var kiosk = new Channel("kiosk");
        using var provider = Build(s => s.AddCxCore(cx => cx.AddChannel(kiosk, ServiceMode.SelfService).AddChannel(Channel.Chatbot, ServiceMode.Assisted)));

        var channels = provider.GetRequiredService<ChannelRegistry>();

        Assert.True(channels.TryGet("kiosk", out _));
        Assert.Equal(ServiceMode.SelfService, channels.DefaultModeOf(kiosk));
        Assert.Equal(ServiceMode.Assisted, channels.DefaultModeOf(Channel.Chatbot));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddCxCore().AddChannel(default, ServiceMode.SelfService));
    }

    [Fact]
    public void Configure_sets_options_in_code()
    {
        using var provider = Build(s => s.AddCxCore(cx => cx.Configure(o => o.DormantAfter = TimeSpan.FromDays(14))));

        var journey = provider.GetRequiredService<JourneyDefinition>();

        Assert.True(journey.TryGetTimeout(journey.GetStageIndex(JourneyStage.Use), out var after, out _));
        Assert.Equal(TimeSpan.FromDays(14), after);
    }

    private sealed class FixedClassifier(JourneyTrigger trigger) : IInteractionClassifier
    {
        public bool TryClassify(Interaction interaction, out JourneyTrigger classified)
        {
            classified = trigger;
            return true;
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
