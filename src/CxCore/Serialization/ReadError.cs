using System.Globalization;
using System.Text;

namespace CxCore.Serialization;

/// <summary>
/// Why one line (JSONL) or row (CSV) of canonical events was rejected: where, which field, which value and why.
/// </summary>
/// <param name="LineNumber">
/// The 1-based physical line the rejected line or row starts on (a CSV row with quoted line breaks spans several);
/// 0 when the problem is not tied to a line.
/// </param>
/// <param name="Field">The canonical field name (<c>nps</c>, <c>attributes.region</c>) or CSV column, when one is to blame.</param>
/// <param name="Value">The offending value as text, shortened to <see cref="MaxValueLength"/> characters; null when there is none.</param>
/// <param name="Reason">Why the line was rejected, as a sentence a person can act on.</param>
/// <example>
/// <c>new ReadError(7, "nps", "11", "NPS must be between 0 and 10, but was 11.").ToString()</c> is
/// <c>line 7: field 'nps': value '11': NPS must be between 0 and 10, but was 11.</c>
/// </example>
public sealed record ReadError(long LineNumber, string? Field, string? Value, string Reason)
{
    /// <summary>The longest <see cref="Value"/> kept, in characters; longer values are cut and end with <c>…</c>.</summary>
    public const int MaxValueLength = 200;

    /// <summary>A domain refusal as a reason: the exception's own sentence, without the " (Parameter 'x')" and "Actual value was" lines the BCL appends.</summary>
    internal static string ReasonOf(ArgumentException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf('\n', StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    /// <summary>The 1-based line number; 0 when the problem is not tied to a line.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public long LineNumber { get; init => field = CheckLineNumber(value, nameof(LineNumber)); } = CheckLineNumber(LineNumber, nameof(LineNumber));

    /// <summary>The canonical field name or CSV column to blame, if any.</summary>
    public string? Field { get; init; } = Field;

    /// <summary>The offending value, shortened to <see cref="MaxValueLength"/> characters.</summary>
    public string? Value { get; init => field = Shorten(value); } = Shorten(Value);

    /// <summary>Why the line was rejected.</summary>
    /// <exception cref="ArgumentException">Null, empty or white space.</exception>
    public string Reason { get; init => field = CheckReason(value, nameof(Reason)); } = CheckReason(Reason, nameof(Reason));

    /// <summary>Formats the error as <c>line 7: field 'nps': value '11': NPS must be between 0 and 10, but was 11.</c></summary>
    /// <returns>The one-line description, leaving out the parts that are absent.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(64 + Reason.Length);
        if (LineNumber > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"line {LineNumber}: ");
        }

        if (Field is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"field '{Field}': ");
        }

        if (Value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"value '{Value}': ");
        }

        return text.Append(Reason).ToString();
    }

    // Called from both the initialisers (the constructor) and the init accessors (`with`), so neither bypasses them.
    private static long CheckLineNumber(long value, string paramName) => value >= 0
        ? value
        : throw new ArgumentOutOfRangeException(paramName, value, "LineNumber must be 0 or more.");

    private static string CheckReason(string value, string paramName) => !string.IsNullOrWhiteSpace(value)
        ? value
        : throw new ArgumentException("Reason must not be empty.", paramName);

    private static string? Shorten(string? value) =>
        value is { Length: > MaxValueLength } ? string.Concat(value.AsSpan(0, MaxValueLength - 1), "…") : value;
}
