using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores a CSAT answer (1–5) linearly: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100, weight 1. No opinion without a CSAT.
/// </summary>
public sealed class CsatScorer : IInteractionScorer, ILatestIndependentScorer
{
    private static readonly ScoreReason[] ReasonByAnswer =
        [Reasons.CsatVeryDissatisfied, Reasons.CsatDissatisfied, Reasons.CsatNeutral, Reasons.CsatSatisfied, Reasons.CsatVerySatisfied];

    /// <inheritdoc/>
    public string Name => BuiltInScorers.Csat;

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        if (interaction.Csat is not { } csat)
        {
            component = default;
            return false;
        }

        component = new ScoreComponent((csat - 1) * 25.0, 1, ReasonByAnswer[csat - 1]);
        return true;
    }
}
