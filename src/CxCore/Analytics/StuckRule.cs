namespace CxCore.Analytics;

/// <summary>Which threshold made a customer count as stuck (<see cref="StageAnalysis.Stuck"/>).</summary>
public enum StuckRule
{
    /// <summary>The 90th percentile of the stage's completed visits (ended at or before the instant).</summary>
    P90OfCompletedVisits = 0,

    /// <summary>The limit configured for the stage.</summary>
    ConfiguredLimit = 1,
}
