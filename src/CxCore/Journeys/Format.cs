using System.Globalization;

namespace CxCore.Journeys;

/// <summary>Human-readable formatting shared by messages and diagram exports.</summary>
internal static class Format
{
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? span.TotalDays.ToString("0", CultureInfo.InvariantCulture) + "d"
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? span.TotalHours.ToString("0", CultureInfo.InvariantCulture) + "h"
        : span.TotalMinutes >= 1 && span.Ticks % TimeSpan.TicksPerMinute == 0 ? span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + "min"
        : span.ToString("c", CultureInfo.InvariantCulture);
}
