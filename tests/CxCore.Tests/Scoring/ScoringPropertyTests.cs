using CsCheck;
using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

public sealed class ScoringPropertyTests
{
    private const double Rounding = 1e-9;
    private const long Iterations = 300;

    [Fact]
    public void Scores_are_finite_within_0_to_100_and_confidence_within_0_to_1()
    {
        Gen.Select(ScoringGen.Journey, ScoringGen.Settings).Sample((journey, settings) =>
        {
            var summary = settings.Build().Evaluate(journey, settings.AsOf(journey));
            Assert.True(double.IsFinite(summary.Value) && summary.Value is >= 0 and <= 100, $"value {summary.Value}");
            Assert.True(double.IsFinite(summary.Confidence) && summary.Confidence is >= 0 and <= 1, $"confidence {summary.Confidence}");
            Assert.True(Enum.IsDefined(summary.Band));
        }, iter: Iterations);
    }

    [Fact]
    public void Contributions_add_up_to_the_value_and_match_the_fast_path()
    {
        Gen.Select(ScoringGen.Journey, ScoringGen.Settings).Sample((journey, settings) =>
        {
            var pipeline = settings.Build();
            var asOf = settings.AsOf(journey);
            var score = pipeline.Score(journey, asOf);
            Assert.Equal(pipeline.Evaluate(journey, asOf), score.Summary);
            if (score.Band != CxBand.Unrated)
            {
                Assert.Equal(score.Value, score.Contributions.Sum(c => c.Points), Rounding);
                Assert.Equal(score.Value, score.ByScorer.Sum(c => c.Points), Rounding);
                Assert.Equal(score.Value, score.ByInteraction.Sum(c => c.Points), Rounding);
                Assert.Equal(1, score.Contributions.Sum(c => c.Weight), Rounding);
                Assert.Single(score.ByInteraction, c => c.IsWorst);
                Assert.Single(score.ByInteraction, c => c.IsLatest);
                Assert.False(string.IsNullOrWhiteSpace(score.Explain()));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Identical_input_gives_an_identical_score()
    {
        Gen.Select(ScoringGen.Journey, ScoringGen.Settings).Sample((journey, settings) =>
        {
            var asOf = settings.AsOf(journey);
            var first = settings.Build().Evaluate(journey, asOf);
            Assert.Equal(first, settings.Build().Evaluate(journey, asOf));
            Assert.Equal(first, settings.Build().Evaluate([.. journey], asOf));
        }, iter: Iterations);
    }

    [Fact]
    public void The_order_of_scorers_does_not_change_the_value_beyond_rounding()
    {
        Gen.Select(ScoringGen.Journey, ScoringGen.Settings).Sample((journey, settings) =>
        {
            var asOf = settings.AsOf(journey);
            var shuffled = settings.Build(shuffled: true).Evaluate(journey, asOf);
            var ordered = settings.Build(shuffled: false).Evaluate(journey, asOf);
            Assert.Equal(ordered.Value, shuffled.Value, Rounding);
            Assert.Equal(ordered.Confidence, shuffled.Confidence, Rounding);
            Assert.Equal(ordered.ComponentCount, shuffled.ComponentCount);
        }, iter: Iterations);
    }

    [Fact]
    public void Journey_scorer_in_any_arrival_order_equals_a_full_rescore()
    {
        Gen.Select(ScoringGen.Journey, ScoringGen.Settings, Gen.Int).Sample((journey, settings, seed) =>
        {
            var pipeline = settings.Build();
            var asOf = settings.AsOf(journey);
            var incremental = new JourneyScorer(pipeline);
            foreach (var interaction in journey.OrderBy(i => HashCode.Combine(i.Id, seed)))
            {
                incremental.Add(interaction);
            }

            Assert.Equal(pipeline.Evaluate(journey, asOf), incremental.Evaluate(asOf));
        }, iter: Iterations);
    }

    [Fact]
    public void Journey_scorer_equals_a_full_rescore_after_every_arrival_with_session_gaps_around_an_hour()
    {
        // Gaps of 1 minute to 3 hours, so the health scorer's session count (gaps over an hour), which the journey
        // scorer keeps incrementally, is exercised on both sides of the boundary, with late arrivals and asOf cuts.
        var gaps = Gen.Int[1, 180].Array[2, 25];
        Gen.Select(gaps, Gen.Int, Gen.Double[0, 60]).Sample((minutes, seed, asOfDays) =>
        {
            var at = Scenario.Start;
            var journey = minutes.Select((m, i) =>
            {
                at = at.AddMinutes(m == 60 ? 60 : m);
                return new Interaction(new InteractionId($"g-{i:D2}"), new CustomerId("c-gap"), at, Channel.Web, i % 3 == 0 ? "contact" : "page_view")
                {
                    Outcome = i % 4 == 0 ? InteractionOutcome.Failed : InteractionOutcome.Succeeded,
                };
            }).ToArray();
            var pipeline = ScoringPipeline.Default;
            var incremental = new JourneyScorer(pipeline);
            var arrived = new List<Interaction>();
            foreach (var interaction in journey.OrderBy(i => HashCode.Combine(i.Id, seed)))
            {
                incremental.Add(interaction);
                arrived.Add(interaction);
                var ordered = arrived.OrderBy(i => i.Timestamp).ToArray();
                var latest = ordered[^1].Timestamp;
                foreach (var asOf in new[] { latest, latest.AddDays(asOfDays), ordered[ordered.Length / 2].Timestamp })
                {
                    Assert.Equal(pipeline.Evaluate(ordered.Where(i => i.Timestamp <= asOf).ToArray(), asOf), incremental.Evaluate(asOf));
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Removing_any_scorer_or_dropping_any_signal_never_throws()
    {
        Gen.Select(ScoringGen.Journey, Gen.Int[0, 5]).Sample((journey, removed) =>
        {
            var pipeline = ScoringPipelineBuilder.CreateDefault().RemoveScorer(BuiltInScorers.Create()[removed].Name).Build();
            var stripped = journey.Select(i => new Interaction(i.Id, i.CustomerId, i.Timestamp, i.Channel, "page_view")).ToArray();
            var asOf = journey.Length == 0 ? Scenario.Start : journey[^1].Timestamp;
            Assert.InRange(pipeline.Score(journey, asOf).Value, 0, 100);
            Assert.Equal(CxBand.Unrated, pipeline.Score(stripped, asOf).Band);
        }, iter: 100);
    }
}
