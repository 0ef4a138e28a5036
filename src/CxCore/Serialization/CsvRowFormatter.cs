using System.Buffers;
using System.Globalization;
using System.Text;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Formats interactions as canonical CSV rows (RFC 4180) into a reusable buffer.</summary>
internal sealed class CsvRowFormatter
{
    // Throws on lone surrogates rather than writing U+FFFD: a writer that silently changes text is not lossless.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly IReadOnlyList<string> _attributeColumns;
    private readonly HashSet<string> _attributeSet;

    public CsvRowFormatter(IReadOnlyList<string> attributeColumns)
    {
        _attributeColumns = attributeColumns;
        _attributeSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in attributeColumns)
        {
            if (!Domain.Attributes.IsValidKey(column))
            {
                throw new ArgumentException(
                    $"Attribute columns must be named with 1-{Domain.Attributes.MaxKeyLength} characters, not blank, but one was '{column}'.",
                    nameof(attributeColumns));
            }

            if (EventFields.IsCanonical(column))
            {
                throw new ArgumentException(
                    $"'{column}' is a canonical field name and cannot be an attribute column in CSV.",
                    nameof(attributeColumns));
            }

            if (!_attributeSet.Add(column))
            {
                throw new ArgumentException($"Attribute column '{column}' is listed more than once.", nameof(attributeColumns));
            }
        }
    }

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public int WrittenCount => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void WriteHeader()
    {
        var first = true;
        foreach (var field in EventFields.CsvColumns)
        {
            Separator(ref first);
            Ascii(EventFields.NameOf(field));
        }

        foreach (var column in _attributeColumns)
        {
            Separator(ref first);
            Text(column);
        }

        Ascii("\n");
    }

    public void Write(Interaction interaction)
    {
        EventFormat.EnsureValidUtf16(interaction);
        foreach (var key in interaction.Attributes.Keys)
        {
            if (!_attributeSet.Contains(key))
            {
                throw new InvalidOperationException(
                    $"Interaction '{interaction.Id}' has attribute '{key}', which has no CSV column: pass it in attributeColumns"
                    + (EventFields.IsCanonical(key) ? " (it cannot be one, since it is a canonical field name; write JSON Lines instead)." : "."));
            }
        }

        var signals = interaction.Signals;
        Text(interaction.Id.Value);
        Comma();
        Text(interaction.CustomerId.Value);
        Comma();
        var span = _buffer.GetSpan(Iso8601.MaxFormattedLength);
        _buffer.Advance(Iso8601.Format(interaction.Timestamp, span));
        Comma();
        Ascii(interaction.Channel.Name);
        Comma();
        if (interaction.Touchpoint is { } touchpoint)
        {
            Text(touchpoint.Value);
        }

        Comma();
        Text(interaction.Kind);
        Comma();
        if (EventFormat.OutcomeName(interaction.Outcome) is { } outcome)
        {
            Ascii(outcome);
        }

        Comma();
        Number(signals.Csat);
        Comma();
        Number(signals.Nps);
        Comma();
        Number(signals.Ces);
        Comma();
        Number(signals.Wait is { } wait ? EventFormat.Seconds(wait) : null);
        Comma();
        Number(signals.HandlingTime is { } handling ? EventFormat.Seconds(handling) : null);
        Comma();
        Number(signals.Value);
        Comma();
        if (interaction.Text is { } text)
        {
            Text(text);
        }

        Comma();
        if (interaction.Mode is { } mode)
        {
            Ascii(EventFormat.ModeName(mode));
        }

        foreach (var column in _attributeColumns)
        {
            Comma();
            if (interaction.Attributes.TryGetValue(column, out var value))
            {
                Text(value);
            }
        }

        Ascii("\n");
    }

    private void Separator(ref bool first)
    {
        if (first)
        {
            first = false;
        }
        else
        {
            Comma();
        }
    }

    private void Comma() => _buffer.Write(","u8);

    private void Ascii(string value)
    {
        var span = _buffer.GetSpan(value.Length);
        _buffer.Advance(Encoding.ASCII.GetBytes(value, span));
    }

    private void Number(int? value)
    {
        if (value is { } v)
        {
            var span = _buffer.GetSpan(11);
            v.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
            _buffer.Advance(written);
        }
    }

    private void Number(decimal? value)
    {
        if (value is { } v)
        {
            var span = _buffer.GetSpan(64);
            v.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
            _buffer.Advance(written);
        }
    }

    /// <summary>
    /// Writes a string field, quoted when it is empty (so it reads back as "" and not as absent) or holds a comma,
    /// quote or line break, with quotes doubled.
    /// </summary>
    private void Text(string value)
    {
        var quote = value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            var span = _buffer.GetSpan(StrictUtf8.GetMaxByteCount(value.Length));
            _buffer.Advance(StrictUtf8.GetBytes(value, span));
            return;
        }

        var escaped = value.Contains('"', StringComparison.Ordinal) ? value.Replace("\"", "\"\"", StringComparison.Ordinal) : value;
        var quoted = _buffer.GetSpan(StrictUtf8.GetMaxByteCount(escaped.Length) + 2);
        quoted[0] = (byte)'"';
        var length = StrictUtf8.GetBytes(escaped, quoted[1..]);
        quoted[length + 1] = (byte)'"';
        _buffer.Advance(length + 2);
    }
}
