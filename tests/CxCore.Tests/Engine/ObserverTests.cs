using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>The closed loop: stage and band events, after the commit, and a failing observer never hurts recording.</summary>
public sealed class ObserverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stage_changes_are_raised_in_order_with_from_to_reason_and_interaction()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);
        var path = HappyPath("c-1");

        await engine.RecordAllAsync(path);
        await engine.RecordAsync(path[2], Ct);

        Assert.Equal(
            [
                (JourneyStage.Awareness, JourneyStage.Consideration),
                (JourneyStage.Consideration, JourneyStage.Engagement),
                (JourneyStage.Engagement, JourneyStage.Purchase),
                (JourneyStage.Purchase, JourneyStage.Use),
                (JourneyStage.Use, JourneyStage.Advocacy),
            ],
            observer.StageChanges.Select(c => (c.From, c.To)));
        Assert.Equal(path.Select(i => (InteractionId?)i.Id), observer.StageChanges.Select(c => c.InteractionId));
        Assert.Equal(path.Select(i => i.Timestamp), observer.StageChanges.Select(c => c.At));
        Assert.All(observer.StageChanges, c => Assert.Equal(StageEntryReason.Trigger, c.Reason));
        Assert.All(observer.StageChanges, c => Assert.Equal(Id("c-1"), c.CustomerId));
    }

    [Fact]
    public async Task Inactivity_that_fires_before_an_interaction_is_raised_as_its_own_stage_change()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);
        await engine.RecordAsync(Of("c-1", "e-1", 0, "purchase"), Ct);

        await engine.RecordAsync(Of("c-1", "e-2", 100, "search"), Ct);

        var changes = observer.StageChanges;
        Assert.Equal((JourneyStage.Purchase, JourneyStage.Dormant, StageEntryReason.Inactivity), (changes[1].From, changes[1].To, changes[1].Reason));
        Assert.Null(changes[1].InteractionId);
        Assert.Equal(TestData.T0.AddDays(90), changes[1].At);
        Assert.Equal((JourneyStage.Dormant, JourneyStage.Discovery, (InteractionId?)new InteractionId("e-2")), (changes[2].From, changes[2].To, changes[2].InteractionId));
    }

    [Fact]
    public async Task A_late_interaction_that_changes_the_current_stage_raises_one_change()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);
        await engine.RecordAsync(Of("c-1", "e-2", 5, "delivered"), Ct);
        Assert.Empty(observer.StageChanges);

        await engine.RecordAsync(Of("c-1", "e-1", 1, "purchase"), Ct);

        var change = Assert.Single(observer.StageChanges);
        Assert.Equal((JourneyStage.Awareness, JourneyStage.Use), (change.From, change.To));
        Assert.Equal(new InteractionId("e-2"), change.InteractionId);
    }

    [Fact]
    public async Task A_late_interaction_after_stage_changes_in_order_reports_the_interaction_that_entered_the_current_stage()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);
        await engine.RecordAsync(Of("c-1", "e-1", 0, "add_to_cart"), Ct);
        await engine.RecordAsync(Of("c-1", "e-3", 2, "delivered"), Ct);
        await engine.RecordAsync(Of("c-1", "e-4", 3, "page_view"), Ct);
        var before = observer.StageChanges.Count;

        // The purchase arrives late: Engagement → Purchase → Use, so the journey is now in Use, entered by e-3.
        await engine.RecordAsync(Of("c-1", "e-2", 1, "purchase"), Ct);

        var change = Assert.Single(observer.StageChanges.Skip(before));
        Assert.Equal((JourneyStage.Engagement, JourneyStage.Use, StageEntryReason.Trigger), (change.From, change.To, change.Reason));
        Assert.Equal(new InteractionId("e-3"), change.InteractionId);
        Assert.Equal(TestData.T0.AddDays(2), change.At);
    }

    [Fact]
    public async Task A_customer_who_becomes_unhappy_raises_a_band_change_that_is_an_alert()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);

        await engine.RecordAllAsync(HappyPath("c-1"));
        var happyBand = (await engine.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(6), Ct))!.Score!.Band;
        await engine.RecordAsync(Of("c-1", "e-bad-1", 7, "complaint", InteractionOutcome.Failed, csat: 1, nps: 0), Ct);
        await engine.RecordAsync(Of("c-1", "e-bad-2", 7.5, "contact", InteractionOutcome.Abandoned, csat: 1, nps: 0), Ct);
        await engine.RecordAsync(Of("c-1", "e-bad-3", 8, "contact", InteractionOutcome.Failed, csat: 1, nps: 0), Ct);
        var last = await engine.RecordAsync(Of("c-1", "e-bad-4", 8.5, "contact", InteractionOutcome.Failed, csat: 1, nps: 0), Ct);

        var bands = observer.BandChanges;
        Assert.NotEmpty(bands);
        Assert.Equal(CxBand.Unrated, bands[0].From);
        Assert.False(bands[0].IsAlert);
        Assert.All(bands.Zip(bands.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
        Assert.Contains(bands, b => b.To == happyBand);
        Assert.True(last.Score.Band is CxBand.AtRisk or CxBand.Detractor, $"band was {last.Score.Band}");
        var alert = Assert.Single(bands, b => b.IsAlert);
        Assert.True(alert.To is CxBand.AtRisk or CxBand.Detractor);
        Assert.StartsWith("e-bad-", alert.InteractionId.Value, StringComparison.Ordinal);
        Assert.Equal(bands[^1].To, last.Score.Band);
        Assert.Equal(bands[^1].To, bands[^1].Score.Band);
    }

    [Theory]
    [InlineData(CxBand.Neutral, CxBand.AtRisk, true)]
    [InlineData(CxBand.Unrated, CxBand.Detractor, true)]
    [InlineData(CxBand.AtRisk, CxBand.Detractor, true)]
    [InlineData(CxBand.Detractor, CxBand.AtRisk, false)]
    [InlineData(CxBand.AtRisk, CxBand.Neutral, false)]
    [InlineData(CxBand.Unrated, CxBand.Satisfied, false)]
    public void BandChange_is_an_alert_only_when_the_band_falls_to_AtRisk_or_Detractor(CxBand from, CxBand to, bool alert)
    {
        var change = new BandChange(Id("c-1"), from, to, default, new InteractionId("e-1"));

        Assert.Equal(alert, change.IsAlert);
    }

    [Fact]
    public async Task Observers_run_after_the_state_is_committed()
    {
        var observer = new ReadingObserver();
        var engine = Create(observers: [observer]);
        observer.Engine = engine;

        await engine.RecordAllAsync(HappyPath("c-1"));

        Assert.Equal(5, observer.Seen.Count);
        Assert.All(observer.Seen, s => Assert.Equal(s.Expected, s.Actual));
    }

    [Fact]
    public async Task A_throwing_observer_is_logged_and_neither_blocks_recording_nor_the_next_observer()
    {
        var throwing = new ThrowingObserver();
        var recording = new RecordingObserver();
        using var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var engine = Create(observers: [throwing, recording], logger: factory.CreateLogger<CxEngine>());
        var path = HappyPath("c-1");

        var results = new List<RecordResult>();
        foreach (var interaction in path)
        {
            results.Add(await engine.RecordAsync(interaction, Ct));
        }

        Assert.Equal(JourneyStage.Advocacy, results[^1].Stage);
        Assert.Equal(5, recording.StageChanges.Count);
        Assert.True(throwing.Calls >= 5);
        var errors = provider.Entries.Where(e => e.Level == LogLevel.Error).ToList();
        Assert.Equal(throwing.Calls, errors.Count);
        Assert.All(errors, e => Assert.IsType<InvalidOperationException>(e.Exception));
        Assert.All(errors, e => Assert.Contains(nameof(ThrowingObserver), e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("c-1", e.Message, StringComparison.Ordinal));
        var (reference, score) = Reference(Id("c-1"), path, Now);
        AssertSameJourney(reference, score, await engine.GetJourneyAsync(Id("c-1"), Now, Ct));
        Assert.Equal(RecordStatus.Duplicate, (await engine.RecordAsync(path[0], Ct)).Status);
    }

    [Fact]
    public async Task Observers_added_with_AddObserver_receive_events_from_the_hosted_engine()
    {
        using var provider = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(provider);
        builder.Services.AddCxCore(cx => cx.AddObserver<ThrowingObserver>().AddObserver<RecordingObserver>().AddObserver<RecordingObserver>());
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var engine = host.Services.GetRequiredService<ICxEngine>();
        await engine.RecordAllAsync(HappyPath("c-1"));

        var observers = host.Services.GetServices<IJourneyObserver>().ToList();
        Assert.Equal(2, observers.Count);
        var recording = Assert.Single(observers.OfType<RecordingObserver>());
        Assert.Equal(5, recording.StageChanges.Count);
        Assert.Contains(provider.Entries, e => e.Level == LogLevel.Error && e.Category == typeof(CxEngine).FullName && e.Exception is InvalidOperationException);
        await host.StopAsync(Ct);
    }

    /// <summary>Looks the journey up from inside the event, to see whether the change is already visible.</summary>
    private sealed class ReadingObserver : IJourneyObserver
    {
        public CxEngine? Engine { get; set; }

        public List<(JourneyStage Expected, JourneyStage? Actual)> Seen { get; } = [];

        public async ValueTask OnStageChangedAsync(StageChange change, CancellationToken cancellationToken)
        {
            var journey = await Engine!.GetJourneyAsync(change.CustomerId, change.At, cancellationToken);
            Seen.Add((change.To, journey?.CurrentStage));
        }
    }
}
