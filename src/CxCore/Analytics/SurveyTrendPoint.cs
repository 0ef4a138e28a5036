namespace CxCore.Analytics;

/// <summary>The survey metrics of one time bucket.</summary>
/// <param name="Start">The bucket's first instant (UTC, inclusive).</param>
/// <param name="End">The next bucket's first instant (UTC, exclusive).</param>
/// <param name="Summary">The metrics of the interactions in the bucket and the range.</param>
public sealed record SurveyTrendPoint(DateTimeOffset Start, DateTimeOffset End, SurveySummary Summary);
