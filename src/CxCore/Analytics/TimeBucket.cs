namespace CxCore.Analytics;

/// <summary>The width of time buckets in trends. Buckets are computed in UTC.</summary>
public enum TimeBucket
{
    /// <summary>Calendar days (UTC).</summary>
    Day = 0,

    /// <summary>ISO 8601 weeks, Monday to Sunday (UTC).</summary>
    IsoWeek = 1,

    /// <summary>Calendar months (UTC).</summary>
    Month = 2,
}
