using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores a Net Promoter answer (0–10) with its promoter / passive / detractor meaning: detractors (0–6) map to 0–40
/// (below neutral, so the negativity bias applies), passives (7–8) to 60 and 70, promoters (9–10) to 90 and 100;
/// weight 1. No opinion without an NPS answer.
/// </summary>
public sealed class NpsScorer : IInteractionScorer, ILatestIndependentScorer
{
    private static readonly double[] ScoreByAnswer = [0, 40.0 / 6, 80.0 / 6, 20, 160.0 / 6, 200.0 / 6, 40, 60, 70, 90, 100];

    /// <inheritdoc/>
    public string Name => BuiltInScorers.Nps;

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        if (interaction.Nps is not { } nps)
        {
            component = default;
            return false;
        }

        var reason = nps >= 9 ? Reasons.NpsPromoter : nps >= 7 ? Reasons.NpsPassive : Reasons.NpsDetractor;
        component = new ScoreComponent(ScoreByAnswer[nps], 1, reason);
        return true;
    }
}
