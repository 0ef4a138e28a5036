namespace CxCore.Analytics;

/// <summary>The result of <see cref="SurveyAnalysis.Compute"/>.</summary>
/// <param name="Range">The time range.</param>
/// <param name="Total">The metrics over every answer in the range.</param>
/// <param name="Groups">One summary per breakdown value, ordered by responses (descending) then key; empty without a breakdown.</param>
/// <param name="Trend">One point per time bucket that overlaps the range, oldest first, empty buckets included; empty without a bucket width.</param>
public sealed record SurveyMetricsResult(TimeRange Range, SurveySummary Total, IReadOnlyList<SurveySummary> Groups, IReadOnlyList<SurveyTrendPoint> Trend);
