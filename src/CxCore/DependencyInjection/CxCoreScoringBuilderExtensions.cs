using System.Diagnostics.CodeAnalysis;
using CxCore.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxCore.DependencyInjection;

/// <summary>
/// Scoring customisations: add scorers and configure the <see cref="ScoringPipeline"/> that CxCore registers (the
/// built-in scorers, then every <see cref="IInteractionScorer"/> in the container, then the
/// <see cref="ConfigureScoring"/> callbacks in order). The pipeline is validated when the host starts.
/// </summary>
/// <example>
/// <code>
/// services.AddCxCore(cx => cx
///     .AddScorer&lt;LoyaltyTierScorer&gt;()
///     .ConfigureScoring(scoring => scoring
///         .WithScorerWeight("loyalty-tier", 0.5)
///         .WithRecencyHalfLife(TimeSpan.FromDays(60))
///         .WithNegativityBias(2.5)));
/// </code>
/// </example>
public static class CxCoreScoringBuilderExtensions
{
    /// <summary>
    /// Adds a scorer to the pipeline, as a singleton from the container (so it may take dependencies). A scorer named
    /// like a built-in replaces it. Adding the same type twice adds it once.
    /// </summary>
    /// <typeparam name="T">The scorer type; thread-safe, as it is shared.</typeparam>
    /// <param name="builder">The CxCore builder.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder AddScorer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(this ICxCoreBuilder builder)
        where T : class, IInteractionScorer
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInteractionScorer, T>());
        return builder;
    }

    /// <summary>
    /// Configures the scoring pipeline: weights per scorer, recency half-life, negativity bias, peak–end weights,
    /// bands; add or remove scorers. Callbacks run in order, after the built-in and container scorers are added.
    /// </summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="configure">Adjusts the pipeline builder.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder ConfigureScoring(this ICxCoreBuilder builder, Action<ScoringPipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Registers the scoring pipeline (once; a host's own <see cref="ScoringPipeline"/> registered first wins).</summary>
    internal static IServiceCollection AddCxCoreScoring(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScoringPipeline)))
        {
            return services;
        }

        services.AddOptions<ScoringPipelineBuilder>()
            .Configure<IEnumerable<IInteractionScorer>>((scoring, scorers) =>
            {
                scoring.AddBuiltInScorers();
                foreach (var scorer in scorers)
                {
                    scoring.AddScorer(scorer);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringPipelineBuilder>, Validator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ScoringPipelineBuilder>>().Value.Build());
        return services;
    }

    // Runs at host start (ValidateOnStart), so a bad weight fails the start with every problem listed.
    private sealed class Validator : IValidateOptions<ScoringPipelineBuilder>
    {
        public ValidateOptionsResult Validate(string? name, ScoringPipelineBuilder options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var errors = options.Validate();
            return errors.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(errors.Select(e => "Scoring: " + e));
        }
    }
}
