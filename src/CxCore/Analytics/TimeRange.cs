using System.Globalization;

namespace CxCore.Analytics;

/// <summary>
/// A half-open time range <c>[From, To)</c>: an instant <c>t</c> is inside when <c>From &lt;= t &lt; To</c>, so
/// consecutive ranges (days, weeks) never count the same interaction twice.
/// </summary>
public readonly record struct TimeRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="from">The first instant inside the range.</param>
    /// <param name="to">The first instant after the range; must be later than <paramref name="from"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not later than <paramref name="from"/>.</exception>
    public TimeRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A time range must end after it starts, but from was {from:O} and to was {to:O}."), nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The first instant inside the range (inclusive).</summary>
    public DateTimeOffset From { get; }

    /// <summary>The first instant after the range (exclusive).</summary>
    public DateTimeOffset To { get; }

    /// <summary>Whether <paramref name="instant"/> is inside <c>[From, To)</c>.</summary>
    /// <param name="instant">The instant to test.</param>
    /// <returns>True when <c>From &lt;= instant &lt; To</c>.</returns>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{From:O}, {To:O})");
}
