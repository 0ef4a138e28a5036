using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// One scorer's opinion of one interaction and its exact share of a <see cref="CxScore"/>:
/// <see cref="Points"/> = <see cref="Weight"/> × <see cref="ScoreComponent.Score"/>, and the points of all
/// contributions add up to <see cref="CxScore.Value"/>.
/// </summary>
/// <param name="InteractionIndex">The interaction's position in the journey (0 = oldest).</param>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Scorer">The scorer's name.</param>
/// <param name="Component">The scorer's opinion, as it gave it.</param>
/// <param name="Weight">The effective weight after scorer weight, recency, negativity bias and peak–end; all weights add up to 1.</param>
/// <param name="Points">The points this opinion adds to the score: <paramref name="Weight"/> × score.</param>
public readonly record struct ScoreContribution(
    int InteractionIndex,
    InteractionId InteractionId,
    string Scorer,
    ScoreComponent Component,
    double Weight,
    double Points);
