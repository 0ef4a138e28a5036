using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

public sealed class ScoringPipelineTests
{
    private const double Rounding = 1e-9;

    /// <summary>The worked example of docs/scoring.md: a great delivery, a failed bot contact, then a promoter answer.</summary>
    internal static Scenario WorkedExample() => new Scenario()
        .Add(0, "delivered", Channel.Delivery, InteractionOutcome.Succeeded, new InteractionSignals { Csat = 5 })
        .Add(30, "support_request", Channel.Chatbot, InteractionOutcome.Failed)
        .Add(90, "survey", Channel.Email, signals: new InteractionSignals { Nps = 9 });

    [Fact]
    public void Worked_example_of_the_docs_holds()
    {
        var s = WorkedExample();
        var score = ScoringPipeline.Default.Score(s.Interactions, s.Last);

        Assert.Equal(51.78, score.Mean, 2);
        Assert.Equal(0.6925, score.Shares.Mean, 4);
        Assert.Equal(0.1575, score.Shares.Worst, 4);
        Assert.Equal(0.15, score.Shares.Latest, 4);
        Assert.Equal(49.36, score.Value, 2);
        Assert.Equal(CxBand.Neutral, score.Band);
        Assert.Equal(0.53, score.Confidence, 2);
        Assert.Equal(4, score.Contributions.Count);

        var byInteraction = score.ByInteraction;
        Assert.Equal([95, 0, 90], byInteraction.Select(c => Math.Round(c.Score, 2)));
        Assert.Equal([14.25, 0, 35.10], byInteraction.Select(c => Math.Round(c.Points, 2)));
        Assert.True(byInteraction[1].IsWorst);
        Assert.True(byInteraction[2].IsLatest);
        Assert.Equal("support_unresolved", byInteraction[1].Reason.Code);

        var byScorer = score.ByScorer.ToDictionary(c => c.Scorer);
        Assert.Equal(12.00, byScorer["csat"].Points, 2);
        Assert.Equal(35.10, byScorer["nps"].Points, 2);
        Assert.Equal(2.25, byScorer["outcome"].Points, 2);
        Assert.Equal(0.4899, byScorer["outcome"].Weight, 4);
    }

    [Fact]
    public void Plain_average_would_say_delighted_where_peak_end_says_neutral()
    {
        var s = WorkedExample();
        var csatOnly = s.Interactions.Where(i => i.Signals.Csat is not null).Average(i => (i.Signals.Csat!.Value - 1) * 25.0);
        Assert.Equal(100, csatOnly);
        Assert.Equal(CxBand.Neutral, ScoringPipeline.Default.Evaluate(s.Interactions, s.Last).Band);
    }

    [Fact]
    public void One_very_bad_interaction_among_good_ones_lowers_far_more_than_one_very_good_among_bad_ones_raises()
    {
        var csatOnly = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).Build();
        static Scenario Journey(int ordinary, int odd) =>
            Enumerable.Range(0, 10).Aggregate(new Scenario(), (s, i) => s.Csat(i * 0.01, i == 4 ? odd : ordinary));

        var allGood = csatOnly.Evaluate(Journey(5, 5).Interactions, Scenario.Start.AddDays(1)).Value;
        var oneBad = csatOnly.Evaluate(Journey(5, 1).Interactions, Scenario.Start.AddDays(1)).Value;
        var allBad = csatOnly.Evaluate(Journey(1, 1).Interactions, Scenario.Start.AddDays(1)).Value;
        var oneGood = csatOnly.Evaluate(Journey(1, 5).Interactions, Scenario.Start.AddDays(1)).Value;

        var drop = allGood - oneBad;
        var rise = oneGood - allBad;

        // A plain average moves 10 points either way. Here: 100 → 64.1 (−35.9) against 0 → 3.2 (+3.2).
        Assert.Equal(100, allGood, 6);
        Assert.Equal(0, allBad, 6);
        Assert.Equal(64.09, oneBad, 1);
        Assert.Equal(3.16, oneGood, 1);
        Assert.True(drop > 30, $"drop {drop:0.0}");
        Assert.True(rise < 5, $"rise {rise:0.0}");
        Assert.True(drop > 10 * rise, $"drop {drop:0.0} vs rise {rise:0.0}");
    }

    [Fact]
    public void With_every_built_in_the_bad_moment_still_hurts_far_more_than_the_good_one_helps()
    {
        static Scenario Journey(bool good, bool oddOneOut)
        {
            var s = new Scenario();
            for (var i = 0; i < 10; i++)
            {
                var positive = i == 4 && oddOneOut ? !good : good;
                s.Add(i, "support_resolved", Channel.Phone, positive ? InteractionOutcome.Succeeded : InteractionOutcome.Failed,
                    new InteractionSignals { Csat = positive ? 5 : 1, Nps = positive ? 10 : 0, Ces = positive ? 1 : 7 },
                    positive ? "excelente atendimento, resolveram tudo" : "péssimo, não resolveram nada", issue: $"case-{i}");
            }

            return s;
        }

        double Value(Scenario s) => ScoringPipeline.Default.Evaluate(s.Interactions, s.Last).Value;
        var drop = Value(Journey(good: true, oddOneOut: false)) - Value(Journey(good: true, oddOneOut: true));
        var rise = Value(Journey(good: false, oddOneOut: true)) - Value(Journey(good: false, oddOneOut: false));
        Assert.True(drop > 25, $"drop {drop:0.0}");
        Assert.True(drop > 5 * rise, $"drop {drop:0.0} vs rise {rise:0.0}");
    }

    [Fact]
    public void Negativity_bias_makes_a_negative_opinion_count_k_times_in_the_mean()
    {
        var s = new Scenario().Csat(0, 5).Csat(0.001, 1);
        ScoringPipeline Pipeline(double k) => new ScoringPipelineBuilder().AddScorer(new CsatScorer())
            .WithNegativityBias(k).WithPeakEnd(PeakEndWeights.MeanOnly).Build();
        Assert.Equal(50, Pipeline(1).Score(s.Interactions, s.Last).Mean, 2);
        Assert.Equal(100.0 / 3, Pipeline(2).Score(s.Interactions, s.Last).Mean, 2);
        Assert.Equal(20, Pipeline(4).Score(s.Interactions, s.Last).Mean, 2);
    }

    [Fact]
    public void Recency_halves_an_opinion_every_half_life_counted_back_from_the_latest_interaction()
    {
        var s = new Scenario().Csat(0, 1).Csat(90, 5);
        var pipeline = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).WithNegativityBias(1)
            .WithPeakEnd(PeakEndWeights.MeanOnly).WithRecencyHalfLife(TimeSpan.FromDays(90)).Build();

        // weights 0.5 and 1: (0.5·0 + 1·100) / 1.5
        Assert.Equal(66.667, pipeline.Evaluate(s.Interactions, s.Last).Value, 3);

        // A quiet customer's value does not drift; confidence does.
        var now = pipeline.Evaluate(s.Interactions, s.Last);
        var later = pipeline.Evaluate(s.Interactions, s.Last.AddDays(180));
        Assert.Equal(now.Value, later.Value, 12);
        Assert.True(later.Confidence < now.Confidence / 2);
    }

    [Fact]
    public void The_worst_moment_fades_with_its_age()
    {
        ScoringPipeline pipeline = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).Build();
        var recent = new Scenario().Csat(0, 5).Csat(1, 1).Csat(2, 5);
        var old = new Scenario().Csat(0, 1).Csat(360, 5).Csat(361, 5);
        var recentScore = pipeline.Score(recent.Interactions, recent.Last);
        var oldScore = pipeline.Score(old.Interactions, old.Last);
        Assert.True(recentScore.Shares.Worst > 0.24);
        Assert.True(oldScore.Shares.Worst < 0.02);
        Assert.True(oldScore.Value > recentScore.Value + 20);
        Assert.Equal(1, oldScore.Shares.Mean + oldScore.Shares.Worst + oldScore.Shares.Latest, 12);
    }

    [Fact]
    public void Contributions_add_up_to_the_value_and_weights_to_one()
    {
        var s = ScoringTestData.RichJourney();
        var score = ScoringPipeline.Default.Score(s.Interactions, s.Last.AddDays(5));
        Assert.Equal(score.Value, score.Contributions.Sum(c => c.Points), Rounding);
        Assert.Equal(score.Value, score.ByScorer.Sum(c => c.Points), Rounding);
        Assert.Equal(score.Value, score.ByInteraction.Sum(c => c.Points), Rounding);
        Assert.Equal(1, score.Contributions.Sum(c => c.Weight), Rounding);
        Assert.All(score.Contributions, c => Assert.Equal(c.Weight * c.Component.Score, c.Points, Rounding));
    }

    [Fact]
    public void Score_and_Evaluate_agree_exactly()
    {
        var s = ScoringTestData.RichJourney();
        var asOf = s.Last.AddDays(20);
        Assert.Equal(ScoringPipeline.Default.Evaluate(s.Interactions, asOf), ScoringPipeline.Default.Score(s.Interactions, asOf).Summary);
    }

    [Fact]
    public void Explain_tells_the_score_in_one_sentence()
    {
        var s = WorkedExample();
        var text = ScoringPipeline.Default.Score(s.Interactions, s.Last).Explain();
        Assert.Equal(
            "Score 49 (Neutral, confidence 0.53) from 4 opinions on 3 interactions: the weighted mean is 52; " +
            "the worst moment, e-2 on 2024-03-31 (Support request left unresolved), scored 0 and weighs 16%; " +
            "the latest, e-3 on 2024-05-30 (Promoter (NPS 9-10)), scored 90 and weighs 15%; nps contributed most (35 points).",
            text);
    }

    [Fact]
    public void No_opinion_at_all_is_unrated_at_50_with_no_confidence()
    {
        var s = new Scenario().Add(0).Add(1, "product_view");
        var score = ScoringPipeline.Default.Score(s.Interactions, s.Last);
        Assert.Equal(CxBand.Unrated, score.Band);
        Assert.Equal(50, score.Value);
        Assert.Equal(0, score.Confidence);
        Assert.Empty(score.Contributions);
        Assert.False(score.Summary.IsRated);
        Assert.StartsWith("Unrated: no scorer had an opinion on any of the 2 interactions", score.Explain(), StringComparison.Ordinal);
        Assert.Equal(CxBand.Unrated, ScoringPipeline.Default.Evaluate([], Scenario.Start).Band);
    }

    [Fact]
    public void Interactions_after_as_of_are_ignored()
    {
        var s = new Scenario().Csat(0, 5).Csat(10, 1);
        var before = ScoringPipeline.Default.Score(s.Interactions, Scenario.Start.AddDays(5));
        Assert.Equal(1, before.InteractionCount);
        Assert.Equal(100, before.Value, 9);
    }

    [Fact]
    public void Out_of_order_or_null_interactions_are_rejected_with_the_index()
    {
        Interaction[] swapped = [Scenario.Make(5, id: "late"), Scenario.Make(1, id: "early")];
        var e = Assert.Throws<ArgumentException>(() => ScoringPipeline.Default.Evaluate(swapped, Scenario.Start.AddDays(9)));
        Assert.Contains("interactions[1] ('early'", e.Message, StringComparison.Ordinal);
        var n = Assert.Throws<ArgumentException>(() => ScoringPipeline.Default.Score(new List<Interaction> { null! }, Scenario.Start));
        Assert.Contains("interactions[0] is null", n.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_or_removing_scorers_and_missing_signals_never_throw()
    {
        var s = ScoringTestData.RichJourney();
        var builder = ScoringPipelineBuilder.CreateDefault();
        foreach (var name in BuiltInScorers.Create().Select(x => x.Name).SkipLast(1))
        {
            builder.RemoveScorer(name);
            var score = builder.Build().Score(s.Interactions, s.Last);
            Assert.InRange(score.Value, 0, 100);
            Assert.Equal(score.Value, score.Contributions.Sum(c => c.Points), Rounding);
        }

        builder.RemoveScorer("no-such-scorer").AddScorer(new CsatScorer()).AddScorer(new CsatScorer(), 2);
        Assert.Equal(2, builder.Build().WeightOf("csat"));
        Assert.Equal(2, builder.Build().Scorers.Count);
        var empty = ScoringPipeline.Default.Score([Scenario.Make(0, signals: new InteractionSignals { Value = 10m })], Scenario.Start);
        Assert.Equal(CxBand.Unrated, empty.Band);
    }

    [Fact]
    public void A_zero_weight_scorer_is_silent()
    {
        var s = new Scenario().Csat(0, 1).Add(1, signals: new InteractionSignals { Nps = 10 });
        var pipeline = ScoringPipelineBuilder.CreateDefault().WithScorerWeight("csat", 0).Build();
        var score = pipeline.Score(s.Interactions, s.Last);
        Assert.DoesNotContain(score.Contributions, c => c.Scorer == "csat");
        Assert.Equal(100, score.Value, 9);
    }

    [Fact]
    public void A_custom_scorer_plugs_in_and_replaces_a_built_in_of_the_same_name()
    {
        var s = new Scenario().Add(0, "purchase", outcome: InteractionOutcome.Succeeded);
        var pipeline = ScoringPipelineBuilder.CreateDefault().AddScorer(new FirstPurchaseScorer(), 3).AddScorer(new AlwaysNeutralOutcome()).Build();
        var score = pipeline.Score(s.Interactions, s.Last);
        Assert.Equal(["outcome", "first-purchase"], score.ByScorer.Select(c => c.Scorer));
        Assert.Equal(((80 * 3 * 0.5) + (50 * 1)) / 2.5, score.Value, 9);
    }

    [Fact]
    public void ScoreInteraction_reports_each_scorers_opinion_in_pipeline_order()
    {
        var s = ScoringTestData.RichJourney();
        var components = new ScoreComponent[ScoringPipeline.Default.Scorers.Count];
        var count = ScoringPipeline.Default.ScoreInteraction(s.Interactions, s.Interactions.Count - 1, s.Last, components);
        Assert.Equal(components.Count(c => !c.IsEmpty), count);
        Assert.Equal(6, count);
        Assert.Equal("csat_neutral", components[0].Reason.Code);
        Assert.Equal("nps_passive", components[1].Reason.Code);
        Assert.Equal("wait_very_long", components[2].Reason.Code); // 7 minutes on the phone (2.3× the expectation) is worse than the repeat
        Assert.Equal("support_resolved", components[3].Reason.Code);
        Assert.True(components[4].Score > 50, "'agent was great, the bot not so much' reads as praise");

        // The abandoned bot contact, then a high-effort call (CES 5): two bad experiences in a row.
        Assert.Equal("health_negative_streak", components[5].Reason.Code);

        var earlier = ScoringPipeline.Default.ScoreInteraction(s.Interactions, 1, s.Last, components);
        Assert.Equal(0, earlier);
        Assert.All(components, c => Assert.True(c.IsEmpty));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringPipeline.Default.ScoreInteraction(s.Interactions, 99, s.Last, components));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScoringPipeline.Default.ScoreInteraction(s.Interactions, 0, s.Last, new ScoreComponent[2]));
    }

    [Fact]
    public void Bands_follow_the_thresholds()
    {
        var bands = BandThresholds.Default;
        Assert.Equal(CxBand.Delighted, bands.BandOf(80));
        Assert.Equal(CxBand.Satisfied, bands.BandOf(79.99));
        Assert.Equal(CxBand.Neutral, bands.BandOf(45));
        Assert.Equal(CxBand.AtRisk, bands.BandOf(30));
        Assert.Equal(CxBand.Detractor, bands.BandOf(29.99));
        var custom = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).WithBands(new BandThresholds(95, 90, 85, 80)).Build();
        Assert.Equal(CxBand.Detractor, custom.Evaluate([Scenario.Make(0, signals: new InteractionSignals { Csat = 4 })], Scenario.Start).Band);
    }

    [Fact]
    public void Hot_paths_do_not_allocate()
    {
        var s = ScoringTestData.RichJourney().ToArray();
        var components = new ScoreComponent[ScoringPipeline.Default.Scorers.Count];
        var journey = new JourneyScorer(ScoringPipeline.Default);
        foreach (var interaction in s)
        {
            journey.Add(interaction);
        }

        var asOf = s[^1].Timestamp.AddDays(40);
        for (var i = 0; i < 50; i++)
        {
            ScoringPipeline.Default.ScoreInteraction(s, s.Length - 1, asOf, components);
            ScoringPipeline.Default.Evaluate(s, asOf);
            journey.Evaluate(asOf);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ScoringPipeline.Default.ScoreInteraction(s, s.Length - 1, asOf, components);
            ScoringPipeline.Default.Evaluate(s, asOf);
            journey.Evaluate(asOf);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Component_and_reason_guard_their_values()
    {
        var reason = new ScoreReason("late_delivery", "Delivered after the promised date");
        Assert.Contains("between 0 and 100, but was 101", Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreComponent(101, 1, reason)).Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 100, but was NaN", Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreComponent(double.NaN, 1, reason)).Message, StringComparison.Ordinal);
        Assert.Contains("greater than 0 and at most 10, but was 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreComponent(50, 0, reason)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ScoreComponent(50, 1, null!));
        Assert.Contains("but was 'Late Delivery'", Assert.Throws<ArgumentException>(() => new ScoreReason("Late Delivery", "x")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ScoreReason("late", " "));
        Assert.True(default(ScoreComponent).IsEmpty);
        Assert.Equal("late_delivery: Delivered after the promised date", reason.ToString());
    }

    private sealed class FirstPurchaseScorer : IInteractionScorer
    {
        private static readonly ScoreReason Welcome = new("first_purchase", "First purchase completed");

        public string Name => "first-purchase";

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = default;
            if (interaction.Kind != "purchase" || interaction.Outcome != InteractionOutcome.Succeeded)
            {
                return false;
            }

            foreach (var earlier in context.Earlier)
            {
                if (earlier.Kind == "purchase")
                {
                    return false;
                }
            }

            component = new ScoreComponent(80, 0.5, Welcome);
            return true;
        }
    }

    private sealed class AlwaysNeutralOutcome : IInteractionScorer
    {
        private static readonly ScoreReason Neutral = new("neutral", "Neutral");

        public string Name => "outcome";

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = new ScoreComponent(50, 1, Neutral);
            return true;
        }
    }

    [Fact]
    public void A_score_cannot_be_changed_through_its_lists()
    {
        var s = WorkedExample();
        var score = ScoringPipeline.Default.Score(s.Interactions, s.Last);

        Assert.True(((ICollection<ScoreContribution>)score.Contributions).IsReadOnly);
        Assert.True(((ICollection<ScorerContribution>)score.ByScorer).IsReadOnly);
        Assert.True(((ICollection<InteractionContribution>)score.ByInteraction).IsReadOnly);
        Assert.Throws<NotSupportedException>(() => ((IList<ScoreContribution>)score.Contributions)[0] = default);
    }
}
