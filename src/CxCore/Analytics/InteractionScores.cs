using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Analytics;

/// <summary>
/// The per-interaction score the analyses share: an interaction's <see cref="InteractionContribution.Score"/> (its own
/// 0–100 score), keyed by its index in the journey. One place, so pain points, channel mix and drivers read the same number.
/// </summary>
internal static class InteractionScores
{
    /// <summary>Scores the whole journey once, as of its last interaction (the journey must have interactions).</summary>
    public static CxScore ScoreAsOfLast(Journey journey, ScoringPipeline pipeline) =>
        ScoreAsOfLast(journey.Interactions, pipeline);

    /// <summary>Scores the interactions once, as of the last one (the list must not be empty).</summary>
    public static CxScore ScoreAsOfLast(IReadOnlyList<Interaction> interactions, ScoringPipeline pipeline) =>
        pipeline.Score(interactions, interactions[^1].Timestamp);

    /// <summary>Each scored interaction's own score by its index in the journey; unscored interactions are absent.</summary>
    public static Dictionary<int, double> Of(CxScore score)
    {
        var scores = new Dictionary<int, double>(score.ByInteraction.Count);
        foreach (var c in score.ByInteraction)
        {
            scores[c.InteractionIndex] = c.Score;
        }

        return scores;
    }

    /// <summary>
    /// As <see cref="Of(CxScore)"/>, for a score computed earlier (a journey's stored score): only contributions whose index
    /// still points at the same interaction are kept.
    /// </summary>
    public static Dictionary<int, double> Of(CxScore score, IReadOnlyList<Interaction> interactions)
    {
        var scores = new Dictionary<int, double>(score.ByInteraction.Count);
        foreach (var c in score.ByInteraction)
        {
            if (c.InteractionIndex < interactions.Count && interactions[c.InteractionIndex].Id == c.InteractionId)
            {
                scores[c.InteractionIndex] = c.Score;
            }
        }

        return scores;
    }
}
