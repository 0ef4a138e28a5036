using System.Globalization;

namespace CxCore.Scoring;

/// <summary>Checks shared by the scorers' settings, so the same mistake gets the same message everywhere.</summary>
internal static class ScoringGuards
{
    /// <summary>Returns <paramref name="value"/> when positive; otherwise throws naming the setting and an example.</summary>
    public static TimeSpan Positive(TimeSpan value, string name, string example) =>
        value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (e.g. {example}), but was {value.ToString("c", CultureInfo.InvariantCulture)}.");
}
