namespace CxCore.Analytics;

/// <summary>Time in stage over the visits that ended inside a range (<see cref="StageAnalysis.TimeInStage"/>).</summary>
/// <param name="Range">The range the visits ended in.</param>
/// <param name="Stages">One entry per stage with at least one such visit, by visit count descending, then name (ordinal).</param>
public sealed record StageTimeResult(TimeRange Range, IReadOnlyList<StageTime> Stages);
