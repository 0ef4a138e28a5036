using System.Text;

namespace CxCore.Adapters;

/// <summary>
/// Reads RFC 4180 records from text: comma-separated, <c>"</c>-quoted fields that may hold commas, quotes as <c>""</c>
/// and line breaks (kept as <c>\n</c>). Tracks the physical line each record starts on. Blank lines are skipped.
/// The byte-order mark is removed by the <see cref="StreamReader"/> that feeds it.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private long _line;

    /// <summary>Physical lines consumed so far.</summary>
    public long LinesRead => _line;

    /// <summary>The next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        string? text;
        do
        {
            text = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return null;
            }

            _line++;
        }
        while (text.Length == 0);

        var start = _line;
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            _field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        var next = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                        if (next is null)
                        {
                            return new CsvRecord(start, [], $"field {fields.Count + 1} opens a quote that is not closed before the end of the file");
                        }

                        _line++;
                        _field.Append('\n');
                        (text, i) = (next, 0);
                        continue;
                    }

                    var c = text[i++];
                    if (c != '"')
                    {
                        _field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                if (i < text.Length && text[i] != ',')
                {
                    return new CsvRecord(start, [], $"field {fields.Count + 1} has text after its closing quote (a quote inside a quoted field must be doubled)");
                }
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                _field.Append(text, i, end - i);
                i = end;
            }

            fields.Add(_field.ToString());
            if (i >= text.Length)
            {
                return new CsvRecord(start, [.. fields], null);
            }

            i++; // the comma; a comma at the very end leaves an empty last field
            if (i == text.Length)
            {
                fields.Add(string.Empty);
                return new CsvRecord(start, [.. fields], null);
            }
        }
    }
}
