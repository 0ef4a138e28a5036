using System.Collections.Concurrent;
using System.Globalization;
using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// A host's scorer reads <see cref="ScoringContext.Earlier"/> while the engine records: the earlier interactions it
/// sees, read in place from the engine's compact storage, are the ones recorded, field by field, in time order.
/// </summary>
public sealed class EarlierInteractionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_purchase_scorer_in_a_hosted_engine_tells_the_first_purchase_from_later_ones()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<ScorerProbe>();
        builder.Services.AddCxCore(cx => cx.AddScorer<FirstPurchaseScorer>().ConfigureScoring(OnlyHostScorers));
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var engine = host.Services.GetRequiredService<ICxEngine>();
        var probe = host.Services.GetRequiredService<ScorerProbe>();
        var pipeline = host.Services.GetRequiredService<ScoringPipeline>();
        Assert.Equal([FirstPurchaseScorer.ScorerName], pipeline.Scorers.Select(s => s.Name));

        Interaction[] journey =
        [
            Make("fp-1", TestData.T0.ToOffset(TimeSpan.FromHours(-3)), "product_view"),
            Make("fp-2", TestData.T0.AddDays(1).ToOffset(TimeSpan.FromMinutes(345)), "purchase"),
            Make("fp-3", TestData.T0.AddDays(2), "support_request"),
            Make("ü-4", TestData.T0.AddDays(3).ToOffset(TimeSpan.FromHours(-14)), "purchase"),
        ];
        for (var n = 0; n < journey.Length; n++)
        {
            var result = await engine.RecordAsync(journey[n], Ct);

            Assert.Equal(RecordStatus.Recorded, result.Status);
            Assert.Equal(pipeline.Evaluate(journey[..(n + 1)], journey[n].Timestamp), result.Score);
        }

        Assert.Equal([FirstPurchaseScorer.First], probe.VerdictsFor("fp-2"));
        Assert.Equal([FirstPurchaseScorer.Repeat], probe.VerdictsFor("ü-4"));
        Assert.Empty(probe.VerdictsFor("fp-1"));
        Assert.Empty(probe.VerdictsFor("fp-3"));

        // A purchase that arrives late, before all the others: the second purchase is no longer the first.
        probe.Clear();
        var early = Make("fp-0", TestData.T0.AddDays(-1), "purchase");
        var late = await engine.RecordAsync(early, Ct);

        Assert.Equal(RecordStatus.RecordedLate, late.Status);
        Assert.Equal([FirstPurchaseScorer.First], probe.VerdictsFor("fp-0"));
        Assert.Equal([FirstPurchaseScorer.Repeat], probe.VerdictsFor("fp-2"));
        Assert.Equal([FirstPurchaseScorer.Repeat], probe.VerdictsFor("ü-4"));
        var all = journey.Prepend(early).ToArray();
        Assert.Equal(pipeline.Evaluate(all, journey[^1].Timestamp), late.Score);

        var snapshot = await engine.GetJourneyAsync(Id("c-fp"), journey[^1].Timestamp, Ct);
        Assert.NotNull(snapshot?.Score);
        Assert.Equal(
            [("fp-0", "first_purchase"), ("fp-2", "repeat_purchase"), ("ü-4", "repeat_purchase")],
            snapshot.Score.Contributions.Select(c => (c.InteractionId.Value, c.Component.Reason.Code)));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task A_scorer_reads_the_kind_text_attributes_and_timestamp_of_earlier_interactions()
    {
        var probe = new ScorerProbe();
        var pipeline = new ScoringPipelineBuilder().AddScorer(new PromiseKeptScorer(probe)).Build();
        var store = new InMemoryJourneyStore();
        var engine = CreateEngine(store, pipeline);
        var ticket = new Interaction(new InteractionId("ticket-é"), Id("c-fp"), new DateTimeOffset(2024, 3, 1, 14, 45, 0, TimeSpan.FromMinutes(345)), Channel.Phone, "support_request")
        {
            Touchpoint = new TouchpointId("support-line"),
            Mode = ServiceMode.Assisted,
            Outcome = InteractionOutcome.Failed,
            Signals = new InteractionSignals { Csat = 2, Wait = new TimeSpan(1), Value = 129.90m },
            Text = "Please refund my order, it arrived broken 😡",
            Attributes = new Dictionary<string, string> { ["promise"] = "refund", ["order"] = "o-77" },
        };
        var browse = Make(new string('p', 200), TestData.T0.AddDays(1), "product_view");
        var refund = Make("refund-1", TestData.T0.AddDays(2).ToOffset(TimeSpan.FromHours(-14)), "refund_issued");

        await engine.RecordAsync(ticket, Ct);
        await engine.RecordAsync(browse, Ct);
        var result = await engine.RecordAsync(refund, Ct);

        var seen = probe.ObservationsOf("refund-1");
        Assert.NotEmpty(seen);
        Assert.All(seen, o => Assert.Equal([Describe(ticket), Describe(browse)], o.Earlier));
        Assert.All(seen, o => Assert.Equal(PromiseKeptScorer.Kept, o.Verdict));
        Assert.Contains(seen, o => o.IsLatest);
        Assert.Equal(pipeline.Evaluate([ticket, browse, refund], refund.Timestamp), result.Score);
        Assert.NotEqual(CxBand.Unrated, result.Score.Band);

        // A new engine over the same store (a restart): the earlier interactions come back from the store's compact form.
        probe.Clear();
        var restarted = CreateEngine(store, pipeline);
        var second = Make("refund-2", TestData.T0.AddDays(3), "refund_issued");
        await restarted.RecordAsync(second, Ct);

        var afterRestart = probe.ObservationsOf("refund-2");
        Assert.NotEmpty(afterRestart);
        Assert.All(afterRestart, o => Assert.Equal([Describe(ticket), Describe(browse), Describe(refund)], o.Earlier));
        Assert.All(afterRestart, o => Assert.Equal(PromiseKeptScorer.Kept, o.Verdict));
        Assert.All(probe.ObservationsOf("refund-1"), o => Assert.Equal([Describe(ticket), Describe(browse)], o.Earlier));
    }

    [Fact]
    public async Task Without_the_promise_in_an_earlier_interaction_the_scorer_sees_none()
    {
        var probe = new ScorerProbe();
        var engine = CreateEngine(new InMemoryJourneyStore(), new ScoringPipelineBuilder().AddScorer(new PromiseKeptScorer(probe)).Build());
        var ticket = new Interaction(new InteractionId("ticket-1"), Id("c-fp"), TestData.T0, Channel.Phone, "support_request")
        {
            Text = "Where is my order?",
            Attributes = new Dictionary<string, string> { ["promise"] = "callback" },
        };

        await engine.RecordAsync(ticket, Ct);
        await engine.RecordAsync(Make("refund-1", TestData.T0.AddDays(1), "refund_issued"), Ct);

        Assert.NotEmpty(probe.ObservationsOf("refund-1"));
        Assert.All(probe.ObservationsOf("refund-1"), o => Assert.Equal(PromiseKeptScorer.Unprompted, o.Verdict));
    }

    private static void OnlyHostScorers(ScoringPipelineBuilder scoring)
    {
        foreach (var name in new[] { BuiltInScorers.Csat, BuiltInScorers.Nps, BuiltInScorers.Effort, BuiltInScorers.Outcome, BuiltInScorers.Sentiment, BuiltInScorers.Health })
        {
            scoring.RemoveScorer(name);
        }
    }

    private static CxEngine CreateEngine(IJourneyStore store, ScoringPipeline pipeline) =>
        new(store, DefaultJourney.Definition, InteractionClassifier.Default, pipeline, [], Options.Create(new CxCoreOptions()), new FixedTime(Now));

    private static Interaction Make(string id, DateTimeOffset at, string kind) =>
        new(new InteractionId(id), Id("c-fp"), at, Channel.Web, kind) { Outcome = InteractionOutcome.Succeeded };

    /// <summary>Everything a scorer can read of an interaction, as one string.</summary>
    private static string Describe(InteractionView view) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{view.Id}|{view.CustomerId}|{view.Kind}|{view.Channel}|{view.Timestamp:O}|{view.Touchpoint}|{view.Mode}|{view.Outcome}|{view.Signals}|{view.Text}|{string.Join(";", view.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))}");

    /// <summary>What the scorers saw, shared with the test (scorers are singletons called from any thread).</summary>
    private sealed class ScorerProbe
    {
        private readonly ConcurrentQueue<Observation> _observations = new();

        public void Record(InteractionView interaction, in ScoringContext context, string verdict)
        {
            var earlier = new List<string>();
            foreach (var view in context.Earlier)
            {
                earlier.Add(Describe(view));
            }

            _observations.Enqueue(new Observation(interaction.Id.Value, context.IsLatest, verdict, [.. earlier]));
        }

        public Observation[] ObservationsOf(string id) => [.. _observations.Where(o => o.Id == id)];

        public string[] VerdictsFor(string id) => [.. ObservationsOf(id).Select(o => o.Verdict).Distinct()];

        public void Clear() => _observations.Clear();
    }

    private sealed record Observation(string Id, bool IsLatest, string Verdict, string[] Earlier);

    /// <summary>Welcomes a customer's first purchase; a repeat purchase is merely fine.</summary>
    private sealed class FirstPurchaseScorer(ScorerProbe probe) : IInteractionScorer
    {
        public const string ScorerName = "first-purchase";
        public const string First = "first";
        public const string Repeat = "repeat";
        private static readonly ScoreReason Welcome = new("first_purchase", "First purchase completed");
        private static readonly ScoreReason Again = new("repeat_purchase", "Another purchase");

        public string Name => ScorerName;

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = default;
            if (interaction.Kind != "purchase")
            {
                return false;
            }

            var first = true;
            foreach (var earlier in context.Earlier)
            {
                first &= earlier.Kind != "purchase";
            }

            probe.Record(interaction, context, first ? First : Repeat);
            component = first ? new ScoreComponent(90, 1, Welcome) : new ScoreComponent(40, 1, Again);
            return true;
        }
    }

    /// <summary>A refund within a week of a support request that promised one (its text and attribute say so) keeps a promise.</summary>
    private sealed class PromiseKeptScorer(ScorerProbe probe) : IInteractionScorer
    {
        public const string Kept = "kept";
        public const string Unprompted = "unprompted";
        private static readonly ScoreReason PromiseKept = new("promise_kept", "Refund issued as promised");
        private static readonly ScoreReason Refund = new("refund", "Refund issued");

        public string Name => "promise-kept";

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = default;
            if (interaction.Kind != "refund_issued")
            {
                return false;
            }

            var kept = false;
            foreach (var earlier in context.Earlier)
            {
                kept |= earlier.Kind == "support_request"
                    && earlier.Attributes.TryGetValue("promise", out var promise) && promise == "refund"
                    && earlier.Text is { } text && text.Contains("refund", StringComparison.OrdinalIgnoreCase)
                    && interaction.Timestamp - earlier.Timestamp <= TimeSpan.FromDays(7);
            }

            probe.Record(interaction, context, kept ? Kept : Unprompted);
            component = kept ? new ScoreComponent(95, 1, PromiseKept) : new ScoreComponent(60, 1, Refund);
            return true;
        }
    }
}
