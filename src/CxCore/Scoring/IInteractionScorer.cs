using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Gives an opinion on one interaction: a <see cref="ScoreComponent"/> (0–100, a weight and a reason), or no opinion
/// when the signal it reads is absent, which is normal. A <see cref="ScoringPipeline"/> combines the opinions of all
/// its scorers on all of a customer's interactions into a <see cref="CxScore"/>.
/// </summary>
/// <remarks>
/// <para>Implementations must be thread-safe and deterministic: the same interaction, earlier interactions and
/// context must always give the same component.</para>
/// <para>An opinion on an interaction that is not the latest (<see cref="ScoringContext.IsLatest"/> false) must depend
/// only on that interaction and the ones before it — never on <see cref="ScoringContext.AsOf"/> — so that
/// <see cref="JourneyScorer"/> can keep it while later interactions arrive. Journey-level estimates that depend on
/// the scoring instant (like <see cref="HealthScorer"/>) give their opinion on the latest interaction only.</para>
/// <para>Scoring runs on every recorded interaction, so keep <see cref="TryScore"/> free of allocations: reuse
/// <see cref="ScoreReason"/> instances held in static fields.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class FirstPurchaseScorer : IInteractionScorer
/// {
///     private static readonly ScoreReason Welcome = new("first_purchase", "First purchase completed");
///
///     public string Name => "first-purchase";
///
///     public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
///     {
///         component = default;
///         if (interaction.Kind != "purchase" || interaction.Outcome != InteractionOutcome.Succeeded)
///         {
///             return false;
///         }
///
///         foreach (var earlier in context.Earlier)
///         {
///             if (earlier.Kind == "purchase")
///             {
///                 return false;
///             }
///         }
///
///         component = new ScoreComponent(80, 0.5, Welcome);
///         return true;
///     }
/// }
/// </code>
/// </example>
public interface IInteractionScorer
{
    /// <summary>
    /// The scorer's name: a short lower-case token such as <c>csat</c>, unique within a pipeline. Weights are
    /// configured and contributions reported under this name.
    /// </summary>
    string Name { get; }

    /// <summary>Scores one interaction.</summary>
    /// <param name="interaction">The interaction to score.</param>
    /// <param name="context">The customer's earlier interactions and the instant the journey is scored as of.</param>
    /// <param name="component">The opinion, when this returns true; otherwise <c>default</c>.</param>
    /// <returns>True when the scorer has an opinion on <paramref name="interaction"/>.</returns>
    bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component);
}
