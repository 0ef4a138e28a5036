using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CxCore.Tests.Scoring;

public sealed class ScoringDependencyInjectionTests
{
    [Fact]
    public async Task A_host_gets_the_built_ins_plus_its_scorer_with_its_settings()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new LoyaltyTiers("gold"));
        builder.Services.AddCxCore(cx => cx
            .AddScorer<LoyaltyTierScorer>()
            .ConfigureScoring(scoring => scoring
                .WithScorerWeight(LoyaltyTierScorer.ScorerName, 0.5)
                .WithScorerWeight(BuiltInScorers.Sentiment, 0.75)
                .WithRecencyHalfLife(TimeSpan.FromDays(60))
                .WithNegativityBias(2.5)));

        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var pipeline = host.Services.GetRequiredService<ScoringPipeline>();

        Assert.Equal(["csat", "nps", "effort", "outcome", "sentiment", "health", "loyalty-tier"], pipeline.Scorers.Select(s => s.Name));
        Assert.Equal(0.5, pipeline.WeightOf("loyalty-tier"));
        Assert.Equal(0.75, pipeline.WeightOf("sentiment"));
        Assert.Equal(TimeSpan.FromDays(60), pipeline.RecencyHalfLife);
        Assert.Equal(2.5, pipeline.NegativityBias);
        Assert.Same(pipeline, host.Services.GetRequiredService<ScoringPipeline>());

        var purchase = Scenario.Make(0, "purchase", outcome: InteractionOutcome.Succeeded);
        var score = pipeline.Score([purchase], purchase.Timestamp);
        Assert.Contains(score.ByScorer, c => c.Scorer == "loyalty-tier");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_invalid_scoring_configuration_fails_the_host_start_with_every_problem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCxCore(cx => cx.ConfigureScoring(scoring => scoring
            .WithScorerWeight(BuiltInScorers.Csat, -1)
            .WithNegativityBias(double.NaN)));

        using var host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Scoring: Scorer 'csat' has weight -1; expected a finite number of at least 0 (0 disables it).", e.Failures);
        Assert.Contains("Scoring: NegativityBias must be a finite number of at least 1 (1 = no bias, 2 = a negative opinion counts twice), but was NaN.", e.Failures);
    }

    [Fact]
    public void Registration_is_idempotent_and_a_host_pipeline_registered_first_wins()
    {
        var services = new ServiceCollection();
        services.AddCxCore(cx => cx.AddScorer<LoyaltyTierScorer>().AddScorer<LoyaltyTierScorer>());
        services.AddCxCore();
        services.AddSingleton(new LoyaltyTiers("gold"));
        Assert.Single(services, d => d.ServiceType == typeof(ScoringPipeline));
        Assert.Single(services, d => d.ServiceType == typeof(IInteractionScorer));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(7, provider.GetRequiredService<ScoringPipeline>().Scorers.Count);

        var own = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).Build();
        var hosted = new ServiceCollection().AddSingleton(own);
        hosted.AddCxCore();
        using var hostedProvider = hosted.BuildServiceProvider();
        Assert.Same(own, hostedProvider.GetRequiredService<ScoringPipeline>());
    }

    [Fact]
    public void A_container_scorer_named_like_a_built_in_replaces_it()
    {
        var services = new ServiceCollection();
        services.AddCxCore(cx => cx.AddScorer<StrictCsatScorer>());
        using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<ScoringPipeline>();
        Assert.IsType<StrictCsatScorer>(pipeline.Scorers[0]);
        Assert.Equal(6, pipeline.Scorers.Count);
    }

    private sealed record LoyaltyTiers(string Premium);

    private sealed class LoyaltyTierScorer(LoyaltyTiers tiers) : IInteractionScorer
    {
        public const string ScorerName = "loyalty-tier";
        private static readonly ScoreReason Premium = new("premium_purchase", "Purchase by a premium-tier customer");

        public string Name => ScorerName;

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = default;
            if (interaction.Kind != "purchase" || tiers.Premium.Length == 0)
            {
                return false;
            }

            component = new ScoreComponent(70, 0.5, Premium);
            return true;
        }
    }

    private sealed class StrictCsatScorer : IInteractionScorer
    {
        private static readonly ScoreReason Strict = new("strict_csat", "Only a 5 counts as satisfied");

        public string Name => BuiltInScorers.Csat;

        public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
        {
            component = interaction.Signals.Csat is { } csat ? new ScoreComponent(csat == 5 ? 100 : 0, 1, Strict) : default;
            return !component.IsEmpty;
        }
    }
}
