using System.Text;
using System.Text.Unicode;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// Reads the CSV form of the canonical format (RFC 4180: comma-separated, <c>"</c>-quoted fields that may hold commas,
/// quotes as <c>""</c> and line breaks). The header names the columns in any order; required columns must be there,
/// every column that is not a canonical field is an attribute.
/// </summary>
internal sealed class CsvParser(EventDraft draft)
{
    private readonly List<CsvField> _fields = [];
    private EventField[] _columns = [];
    private string[] _names = [];

    public bool HasHeader { get; private set; }

    /// <summary>The header's raw bytes and line break, written first to a CSV dead letter.</summary>
    public byte[] HeaderRaw { get; private set; } = [];

    /// <summary>Reads the header; an error here means no row can be read.</summary>
    public ReadError? ReadHeader(ReadOnlySpan<byte> record, ReadOnlySpan<byte> raw)
    {
        HasHeader = true;
        HeaderRaw = raw.ToArray();
        if (!Utf8.IsValid(record))
        {
            return draft.Error(null, EventDraft.Lossy(record), "the CSV header is not valid UTF-8");
        }

        if (Split(record) is { } splitError)
        {
            return draft.Error(null, null, "the CSV header is malformed: " + splitError);
        }

        _columns = new EventField[_fields.Count];
        _names = new string[_fields.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _fields.Count; i++)
        {
            var name = Encoding.UTF8.GetString(Value(record, _fields[i]));
            if (name.Length == 0)
            {
                return draft.Error(null, null, $"column {i + 1} of the CSV header has no name");
            }

            if (!seen.Add(name))
            {
                return draft.Error(name, null, $"the CSV header names column '{name}' more than once");
            }

            var field = EventFields.Match(name);
            _columns[i] = field == EventField.Attributes ? EventField.Unknown : field;
            _names[i] = name;
            if (field == EventField.Unknown && (string.IsNullOrWhiteSpace(name) || name.Length > Domain.Attributes.MaxKeyLength))
            {
                return draft.Error(name, null, $"attribute columns must be named with 1-{Domain.Attributes.MaxKeyLength} characters, not blank");
            }
        }

        foreach (var required in EventFields.Required)
        {
            if (Array.IndexOf(_columns, required) < 0)
            {
                var name = EventFields.NameOf(required);
                var near = Array.Find(_names, n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
                var hint = near is null ? string.Empty : $" (there is a column '{near}': names are case-sensitive and must not be padded)";
                return draft.Error(
                    name,
                    null,
                    $"the CSV header has no '{name}' column{hint}; the required columns are id, customerId, timestamp, channel and kind");
            }
        }

        return null;
    }

    /// <summary>Parses one row into <paramref name="target"/>'s next slot (not committed), or returns the first problem.</summary>
    public ReadError? Parse(ReadOnlySpan<byte> record, InteractionBatch target)
    {
        draft.CheckUtf8 = !Utf8.IsValid(record);
        if (Split(record) is { } splitError)
        {
            return draft.Error(null, null, splitError);
        }

        if (_fields.Count != _columns.Length)
        {
            return draft.Error(null, null, $"the row has {_fields.Count} fields, but the header has {_columns.Length} columns");
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            var field = _fields[i];
            var column = _columns[i];
            var value = Value(record, field);
            ReadError? error;
            if (column == EventField.Unknown)
            {
                if (field.Length == 0 && !field.Quoted)
                {
                    continue; // an empty unquoted field is absent; a quoted one ("") is an empty string
                }

                var name = _names[i];
                error = draft.DecodeAttributeValue(value, string.Empty, name, out var text) ?? draft.SetAttribute(name, text);
            }
            else if (value.IsEmpty && !(field.Quoted && IsStringField(column)))
            {
                continue;
            }
            else
            {
                error = draft.SetText(column, value);
            }

            if (error is not null)
            {
                return error;
            }
        }

        return draft.Build(target, probeOnly: false);
    }

    private static bool IsStringField(EventField field) =>
        field is EventField.Id or EventField.CustomerId or EventField.Kind or EventField.Touchpoint or EventField.Text;

    /// <summary>The unescaped content of a field (quotes removed, <c>""</c> turned into <c>"</c>).</summary>
    private ReadOnlySpan<byte> Value(ReadOnlySpan<byte> record, CsvField field)
    {
        var content = record.Slice(field.Start, field.Length);
        if (!field.HasEscapedQuotes)
        {
            return content;
        }

        var scratch = draft.Scratch(content.Length);
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            scratch[length++] = content[i];
            if (content[i] == '"')
            {
                i++; // skip the second quote of the pair
            }
        }

        return scratch.AsSpan(0, length);
    }

    private string ColumnName(int index) =>
        index < _names.Length ? $"column {index + 1} ('{_names[index]}')" : $"column {index + 1}";

    /// <summary>Splits a record into <see cref="_fields"/>; returns why it is malformed, or null.</summary>
    private string? Split(ReadOnlySpan<byte> record)
    {
        _fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                var start = i + 1;
                var j = start;
                var escaped = false;
                int close;
                while (true)
                {
                    var rel = record[j..].IndexOf((byte)'"');
                    if (rel < 0)
                    {
                        return $"{ColumnName(_fields.Count)} opens a quoted field that is never closed";
                    }

                    close = j + rel;
                    if (close + 1 < record.Length && record[close + 1] == '"')
                    {
                        escaped = true;
                        j = close + 2;
                        continue;
                    }

                    break;
                }

                _fields.Add(new CsvField(start, close - start, Quoted: true, escaped));
                i = close + 1;
                if (i == record.Length)
                {
                    return null;
                }

                if (record[i] != ',')
                {
                    return $"{ColumnName(_fields.Count - 1)} has '{(char)record[i]}' after its closing quote; a quote inside a quoted field must be doubled (\"\")";
                }

                i++;
            }
            else
            {
                var rel = record[i..].IndexOf((byte)',');
                if (rel < 0)
                {
                    _fields.Add(new CsvField(i, record.Length - i, Quoted: false, HasEscapedQuotes: false));
                    return null;
                }

                _fields.Add(new CsvField(i, rel, Quoted: false, HasEscapedQuotes: false));
                i += rel + 1;
            }
        }
    }
}
