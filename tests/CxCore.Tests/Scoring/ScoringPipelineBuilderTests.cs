using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

public sealed class ScoringPipelineBuilderTests
{
    [Fact]
    public void Default_pipeline_has_the_built_ins_with_weight_1_and_documented_settings()
    {
        var pipeline = ScoringPipeline.Default;
        Assert.Equal(["csat", "nps", "effort", "outcome", "sentiment", "health"], pipeline.Scorers.Select(s => s.Name));
        Assert.All(pipeline.Scorers, s => Assert.Equal(1, pipeline.WeightOf(s.Name)));
        Assert.Equal(TimeSpan.FromDays(90), pipeline.RecencyHalfLife);
        Assert.Equal(2, pipeline.NegativityBias);
        Assert.Equal(new PeakEndWeights(0.6, 0.25, 0.15), pipeline.PeakEnd);
        Assert.Equal(3, pipeline.EvidenceScale);
        Assert.Equal(new BandThresholds(80, 60, 45, 30), pipeline.Bands);
        Assert.Contains("No scorer named 'loyalty'", Assert.Throws<KeyNotFoundException>(() => pipeline.WeightOf("loyalty")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_weight_is_rejected_naming_the_scorer_and_value()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithScorerWeight("nps", -1).Build());
        Assert.Equal("The scoring configuration is invalid: Scorer 'nps' has weight -1; expected a finite number of at least 0 (0 disables it).", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_weight_is_rejected(double weight, string shown)
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithScorerWeight("csat", weight).Build());
        Assert.Equal([$"Scorer 'csat' has weight {shown}; expected a finite number of at least 0 (0 disables it)."], e.Errors);
    }

    [Fact]
    public void Zero_total_weight_is_rejected_listing_the_weights()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => new ScoringPipelineBuilder().AddScorer(new CsatScorer(), 0).AddScorer(new NpsScorer(), 0).Build());
        Assert.Equal(["The total scorer weight is 0 (csat=0, nps=0); give at least one scorer a positive weight."], e.Errors);
    }

    [Fact]
    public void No_scorer_is_rejected()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => new ScoringPipelineBuilder().Build());
        Assert.Equal(["The pipeline has no scorers; add at least one (AddBuiltInScorers() adds csat, nps, effort, outcome, sentiment and health)."], e.Errors);
    }

    [Theory]
    [InlineData(0.5, "NegativityBias must be a finite number of at least 1 (1 = no bias, 2 = a negative opinion counts twice), but was 0.5.")]
    [InlineData(double.NaN, "NegativityBias must be a finite number of at least 1 (1 = no bias, 2 = a negative opinion counts twice), but was NaN.")]
    public void Negativity_bias_below_1_or_NaN_is_rejected(double factor, string message)
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithNegativityBias(factor).Build());
        Assert.Equal([message], e.Errors);
    }

    [Fact]
    public void Half_life_must_be_positive()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithRecencyHalfLife(TimeSpan.Zero).Build());
        Assert.Equal(["RecencyHalfLife must be positive and at most 36600 days (e.g. 90 days), but was 00:00:00."], e.Errors);
    }

    [Fact]
    public void Peak_end_weights_must_be_non_negative_finite_and_not_all_zero()
    {
        var negative = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithPeakEnd(new PeakEndWeights(0.5, -0.1, double.NaN)).Build());
        Assert.Equal(
            ["Peak-end weight Worst must be a finite number of at least 0, but was -0.1.", "Peak-end weight Latest must be a finite number of at least 0, but was NaN."],
            negative.Errors);
        var zero = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithPeakEnd(new PeakEndWeights(0, 0, 0)).Build());
        Assert.Equal(["Peak-end weights must not all be zero: give Mean, Worst or Latest a positive weight (default 0.6, 0.25, 0.15)."], zero.Errors);
    }

    [Fact]
    public void Evidence_scale_and_bands_are_checked()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault()
            .WithEvidenceScale(0)
            .WithBands(new BandThresholds(80, 85, 45, 30))
            .Build());
        Assert.Equal(
            [
                "EvidenceScale must be a finite positive number (default 3), but was 0.",
                "Band thresholds must decrease strictly (Delighted > Satisfied > Neutral > AtRisk), but Satisfied (85) is not below Delighted (80).",
            ],
            e.Errors);
        var outOfRange = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault().WithBands(new BandThresholds(120, 60, 45, 30)).Build());
        Assert.Equal(["Band threshold Delighted must be between 0 and 100, but was 120."], outOfRange.Errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<ScoringConfigurationException>(() => ScoringPipelineBuilder.CreateDefault()
            .WithScorerWeight("csat", -2)
            .WithNegativityBias(0)
            .WithRecencyHalfLife(TimeSpan.FromDays(-1))
            .Build());
        Assert.Equal(3, e.Errors.Count);
        Assert.StartsWith("The scoring configuration is invalid (3 problems):", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_or_blank_scorer_names_are_rejected()
    {
        var blank = Assert.Throws<ScoringConfigurationException>(() => new ScoringPipelineBuilder().AddScorer(new NamedScorer(" ")).Build());
        Assert.Equal(["Scorer NamedScorer has a blank Name; expected a short lower-case token such as 'csat'."], blank.Errors);
    }

    [Fact]
    public void Weighting_an_unknown_scorer_fails_at_once_naming_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ScoringPipelineBuilder.CreateDefault().WithScorerWeight("loyalty", 2));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("No scorer named 'loyalty' has been added; add it first. Scorers: csat, nps, effort, outcome, sentiment, health.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_pipeline_is_unaffected_by_later_changes_to_the_builder()
    {
        var builder = ScoringPipelineBuilder.CreateDefault();
        var pipeline = builder.Build();
        builder.RemoveScorer("csat").WithNegativityBias(5);
        Assert.Equal(6, pipeline.Scorers.Count);
        Assert.Equal(2, pipeline.NegativityBias);
    }

    private sealed class NamedScorer(string name) : IInteractionScorer
    {
        public string Name => name;

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = default;
            return false;
        }
    }
}
