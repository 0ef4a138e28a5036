using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>How long completed visits of one stage lasted (<see cref="StageAnalysis.TimeInStage"/>).</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Visits">Completed visits of the stage that ended inside the range.</param>
/// <param name="Median">Median duration of those visits (Hyndman–Fan type 7, as the funnel's time-to-convert).</param>
/// <param name="P90">90th percentile of their duration, same method.</param>
public sealed record StageTime(JourneyStage Stage, int Visits, TimeSpan Median, TimeSpan P90);
