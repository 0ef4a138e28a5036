namespace CxCore.Analytics;

/// <summary>The result of <see cref="PainPointAnalysis.Analyze"/>.</summary>
/// <param name="Range">The range analysed.</param>
/// <param name="FollowUpWindow">The follow-up window used.</param>
/// <param name="Horizon">The censoring horizon used: <see cref="PainPointOptions.Horizon"/>, else the latest instant in the snapshot.</param>
/// <param name="Interactions">Interactions inside the range that passed the filter.</param>
/// <param name="Customers">Customers with at least one of them.</param>
/// <param name="MeanScore">Mean own score of all scored interactions among them; null when none was scored.</param>
/// <param name="Touchpoints">Per touchpoint (interactions without one are left out), by impact descending, then volume descending, then name.</param>
/// <param name="Channels">Per channel, same order.</param>
public sealed record PainPointResult(
    TimeRange Range,
    TimeSpan FollowUpWindow,
    DateTimeOffset Horizon,
    int Interactions,
    int Customers,
    double? MeanScore,
    IReadOnlyList<PainPoint> Touchpoints,
    IReadOnlyList<PainPoint> Channels);
