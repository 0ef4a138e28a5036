namespace CxCore.Scoring;

/// <summary>
/// Counts about a whole journey that <see cref="JourneyScorer"/> keeps as interactions arrive, so the health scorer
/// does not walk every earlier interaction each time it scores the latest.
/// </summary>
/// <param name="SessionGaps">Consecutive pairs more than <see cref="HealthScorer.SessionGap"/> apart, up to and including the scored interaction.</param>
/// <param name="NegativeStreak">Negative interactions at the end of the journey (neutral ones skipped), the scored interaction included.</param>
internal readonly record struct JourneyFacts(int SessionGaps, int NegativeStreak);
