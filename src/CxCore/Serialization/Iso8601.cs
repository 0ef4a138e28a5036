namespace CxCore.Serialization;

/// <summary>
/// The timestamp form of the canonical format: RFC 3339 / ISO 8601 extended <c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±hh:mm)</c>.
/// Parsed and formatted by hand on UTF-8 bytes so JSON and CSV accept exactly the same text, an offset is mandatory
/// (the BCL parsers silently assume local time without one), and the hot path does not allocate.
/// </summary>
internal static class Iso8601
{
    /// <summary>The longest text <see cref="Format"/> writes: 19 + 8 (fraction) + 6 (offset).</summary>
    public const int MaxFormattedLength = 33;

    /// <summary>The message for a timestamp without offset; the format contract names it.</summary>
    public const string MissingOffsetReason =
        "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous";

    public const string InvalidReason =
        "timestamp must be an ISO 8601 date and time with a UTC offset, e.g. 2024-03-01T09:15:00+00:00 or 2024-03-01T09:15:00.5Z";

    public const string OutOfRangeReason = "timestamp is outside the range a DateTimeOffset can represent";

    private const int MaxOffsetMinutes = 14 * 60;

    public static TimestampParseStatus TryParse(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19
            || !TryDigits(s, 0, 4, out var year) || s[4] != '-'
            || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day) || s[10] is not ((byte)'T' or (byte)'t')
            || !TryDigits(s, 11, 2, out var hour) || s[13] != ':'
            || !TryDigits(s, 14, 2, out var minute) || s[16] != ':'
            || !TryDigits(s, 17, 2, out var second))
        {
            return TimestampParseStatus.Invalid;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return TimestampParseStatus.Invalid;
        }

        var i = 19;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                // Ticks are 100 ns: digits past the seventh cannot be represented and are truncated.
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                }

                digits++;
                i++;
            }

            if (digits == 0)
            {
                return TimestampParseStatus.Invalid;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (i == s.Length)
        {
            return TimestampParseStatus.MissingOffset;
        }

        int offsetMinutes;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is (byte)'+' or (byte)'-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            i++;
            if (!TryDigits(s, i, 2, out var oh))
            {
                return TimestampParseStatus.Invalid;
            }

            i += 2;
            if (i < s.Length && s[i] == ':')
            {
                i++;
            }

            if (!TryDigits(s, i, 2, out var om) || om > 59)
            {
                return TimestampParseStatus.Invalid;
            }

            i += 2;
            offsetMinutes = sign * ((oh * 60) + om);
            if (Math.Abs(offsetMinutes) > MaxOffsetMinutes)
            {
                return TimestampParseStatus.Invalid;
            }
        }
        else
        {
            return TimestampParseStatus.Invalid;
        }

        if (i != s.Length)
        {
            return TimestampParseStatus.Invalid;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        var utc = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks || local > DateTime.MaxValue.Ticks)
        {
            return TimestampParseStatus.OutOfRange;
        }

        value = new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes));
        return TimestampParseStatus.Ok;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±hh:mm</c>: the fraction only when not zero and
    /// without trailing zeros, the offset always (<c>+00:00</c> for UTC), so that parsing it gives back the same value.
    /// </summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        var dt = value.DateTime;
        Digits(destination, 0, 4, dt.Year);
        destination[4] = (byte)'-';
        Digits(destination, 5, 2, dt.Month);
        destination[7] = (byte)'-';
        Digits(destination, 8, 2, dt.Day);
        destination[10] = (byte)'T';
        Digits(destination, 11, 2, dt.Hour);
        destination[13] = (byte)':';
        Digits(destination, 14, 2, dt.Minute);
        destination[16] = (byte)':';
        Digits(destination, 17, 2, dt.Second);
        var i = 19;
        var fraction = (int)(dt.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            destination[i++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            Digits(destination, i, digits, fraction);
            i += digits;
        }

        var offset = (int)value.Offset.TotalMinutes;
        destination[i++] = offset < 0 ? (byte)'-' : (byte)'+';
        offset = Math.Abs(offset);
        Digits(destination, i, 2, offset / 60);
        destination[i + 2] = (byte)':';
        Digits(destination, i + 3, 2, offset % 60);
        return i + 5;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool TryDigits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static void Digits(Span<byte> destination, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
