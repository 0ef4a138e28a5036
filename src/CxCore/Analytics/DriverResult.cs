namespace CxCore.Analytics;

/// <summary>The result of <see cref="DriverAnalysis.Analyze"/>: which touchpoints' scores move the journey score.</summary>
/// <param name="Range">The range analysed.</param>
/// <param name="Journeys">Customers kept by the filter with at least one interaction at a touchpoint inside the range.</param>
/// <param name="Unscored">Of them, skipped because the journey has no score (<see cref="CxCore.Domain.Journey.Score"/> null and no <see cref="DriverOptions.Pipeline"/>).</param>
/// <param name="WithoutTouchpointScores">Of them, skipped because none of their counted interactions at a modelled touchpoint was scored.</param>
/// <param name="Customers">Customers in the model (n): <c>Journeys − Unscored − WithoutTouchpointScores</c>.</param>
/// <param name="RSquared">Share of the journey score's variance the touchpoint scores explain together; null when no model could be fitted (no touchpoint with enough customers, fewer than 3 customers, or a constant journey score).</param>
/// <param name="Drivers">The touchpoints in the model, by relative weight descending, then name (ordinal).</param>
/// <param name="Excluded">The touchpoints left out, with their sample size and reason, by customers descending, then name.</param>
public sealed record DriverResult(
    TimeRange Range,
    int Journeys,
    int Unscored,
    int WithoutTouchpointScores,
    int Customers,
    double? RSquared,
    IReadOnlyList<TouchpointDriver> Drivers,
    IReadOnlyList<ExcludedTouchpoint> Excluded);
