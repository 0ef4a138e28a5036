namespace CxCore.Adapters;

/// <summary>How <see cref="OlistAdapter"/> reads the Olist files: bad-row handling and the time zone of the timestamps.</summary>
/// <example>
/// <code>
/// var options = new OlistOptions { OnError = e => Console.Error.WriteLine(e) }; // keep valid rows, report the others
/// var strict = new OlistOptions { Strict = true };                            // stop at the first bad row
/// </code>
/// </example>
public sealed class OlistOptions
{
    /// <summary>The offset Olist timestamps are read with by default: São Paulo time, UTC−03:00.</summary>
    public static readonly TimeSpan SaoPauloOffset = TimeSpan.FromHours(-3);

    /// <summary>
    /// When true, the first rejected row stops the read with an <see cref="OlistReadException"/>; when false (default)
    /// it is reported to <see cref="OnError"/> and skipped, and every valid row is kept.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Receives every rejected row, as it is found; may be null.</summary>
    public Action<OlistReadError>? OnError { get; init; }

    /// <summary>
    /// The UTC offset given to Olist's timestamps, which carry none. Default <see cref="SaoPauloOffset"/> (−03:00):
    /// most of the data is São Paulo time, and a fixed offset keeps the order of events exactly as written.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a whole number of minutes between −14:00 and +14:00.</exception>
    public TimeSpan UtcOffset
    {
        get;
        init
        {
            if (value < TimeSpan.FromHours(-14) || value > TimeSpan.FromHours(14) || value.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(UtcOffset), value, "UtcOffset must be a whole number of minutes between -14:00 and +14:00.");
            }

            field = value;
        }
    } = SaoPauloOffset;
}
