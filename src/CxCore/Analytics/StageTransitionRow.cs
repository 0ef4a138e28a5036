using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>One row of the transition matrix: every entry that left <paramref name="From"/>.</summary>
/// <param name="From">The stage the customers left.</param>
/// <param name="Total">Entries inside the range whose previous stage was <paramref name="From"/>; the sum of the cells' counts.</param>
/// <param name="To">The non-empty cells of the row, by count descending, then target name (ordinal).</param>
public sealed record StageTransitionRow(JourneyStage From, int Total, IReadOnlyList<StageTransition> To);
