namespace CxCore.Scoring;

/// <summary>What one scorer contributed to a <see cref="CxScore"/>, over all interactions.</summary>
/// <param name="Scorer">The scorer's name.</param>
/// <param name="Count">How many interactions it had an opinion on.</param>
/// <param name="Weight">The sum of the effective weights of its opinions (the share of the score it decides, 0–1).</param>
/// <param name="Points">The points it added to the score; the points of all scorers add up to <see cref="CxScore.Value"/>.</param>
public readonly record struct ScorerContribution(string Scorer, int Count, double Weight, double Points)
{
    /// <summary>The weighted average of this scorer's opinions (<see cref="Points"/> / <see cref="Weight"/>), 0–100.</summary>
    public double AverageScore => Weight > 0 ? Points / Weight : 0;
}
