using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>What one interaction contributed to a <see cref="CxScore"/>, over all scorers.</summary>
/// <param name="InteractionIndex">The interaction's position in the journey (0 = oldest).</param>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Score">The interaction's own score: the weighted mean of the opinions on it, 0–100.</param>
/// <param name="Weight">The sum of the effective weights of the opinions on it (its share of the score, 0–1).</param>
/// <param name="Points">The points it added to the score; the points of all interactions add up to <see cref="CxScore.Value"/>.</param>
/// <param name="Reason">The reason that explains it best: its worst opinion's when <paramref name="Score"/> is below 50, its best opinion's otherwise.</param>
/// <param name="IsWorst">Whether it is the worst moment of the journey (the peak of peak–end).</param>
/// <param name="IsLatest">Whether it is the latest scored moment (the end of peak–end).</param>
public readonly record struct InteractionContribution(
    int InteractionIndex,
    InteractionId InteractionId,
    DateTimeOffset Timestamp,
    double Score,
    double Weight,
    double Points,
    ScoreReason Reason,
    bool IsWorst,
    bool IsLatest);
