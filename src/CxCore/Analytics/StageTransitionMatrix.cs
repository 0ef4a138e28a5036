using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Stage-to-stage transitions counted over the stage entries inside a range (<see cref="StageAnalysis.Transitions"/>):
/// every visit after a journey's first whose entry time is in the range, from the stage of the visit before it.
/// </summary>
/// <param name="Range">The range the entries happened in.</param>
/// <param name="Entries">All such entries; the sum of the rows' totals.</param>
/// <param name="Rows">One row per source stage with at least one entry, by total descending, then name (ordinal).</param>
public sealed record StageTransitionMatrix(TimeRange Range, int Entries, IReadOnlyList<StageTransitionRow> Rows)
{
    /// <summary>The cell <paramref name="from"/> → <paramref name="to"/>, or null when no such entry happened in the range.</summary>
    /// <param name="from">The stage left.</param>
    /// <param name="to">The stage entered.</param>
    /// <returns>The cell or null.</returns>
    public StageTransition? Cell(JourneyStage from, JourneyStage to) =>
        Rows.FirstOrDefault(r => r.From == from)?.To.FirstOrDefault(c => c.To == to);
}
