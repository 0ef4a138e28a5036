using System.Globalization;
using System.Text;

namespace CxCore.Adapters;

/// <summary>One Olist CSV file being read: its header's column positions and its records.</summary>
internal sealed class OlistTable : IDisposable
{
    private readonly StreamReader _text;
    private readonly CsvRecordReader _reader;
    private readonly Dictionary<string, int> _columns;

    private OlistTable(string fileName, StreamReader text, CsvRecordReader reader, Dictionary<string, int> columns)
    {
        FileName = fileName;
        _text = text;
        _reader = reader;
        _columns = columns;
        Width = columns.Count; // names are unique, so this is the header's field count
    }

    /// <summary>The file's name (no folder), for error messages.</summary>
    public string FileName { get; }

    /// <summary>The number of header columns; every record must have as many fields.</summary>
    public int Width { get; }

    /// <summary>Opens <paramref name="path"/> and reads its header; fails when a required column is missing.</summary>
    /// <exception cref="OlistReadException">The file is empty, its header is malformed, or it lacks a required column.</exception>
    public static async Task<OlistTable> OpenAsync(string path, IReadOnlyList<string> required, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var text = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        try
        {
            var reader = new CsvRecordReader(text);
            var header = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new OlistReadException(new OlistReadError(fileName, new(0, null, null, "the file is empty; it needs a header row")));
            if (header.Error is { } error)
            {
                throw new OlistReadException(new OlistReadError(fileName, new(header.Line, null, null, "the header is malformed: " + error)));
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Fields.Length; i++)
            {
                // A byte-order mark is normally removed by the reader; one left inside the text (e.g. after a concatenation) is not part of the name.
                var name = header.Fields[i].Trim().TrimStart('\uFEFF');
                if (!columns.TryAdd(name, i))
                {
                    throw new OlistReadException(new OlistReadError(
                        fileName,
                        new(header.Line, name, name, string.Create(CultureInfo.InvariantCulture, $"the header names column '{name}' twice (columns {columns[name] + 1} and {i + 1}); column names must be unique"))));
                }
            }

            foreach (var name in required)
            {
                if (!columns.ContainsKey(name))
                {
                    throw new OlistReadException(new OlistReadError(
                        fileName,
                        new(header.Line, name, null, string.Create(CultureInfo.InvariantCulture, $"the header has no '{name}' column; the required columns are {string.Join(", ", required)}"))));
                }
            }

            return new OlistTable(fileName, text, reader, columns);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The next record, or null at the end of the file.</summary>
    public ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <summary>The value of <paramref name="column"/> in <paramref name="record"/>; empty when the column is optional and absent.</summary>
    public string Get(CsvRecord record, string column) =>
        _columns.TryGetValue(column, out var i) ? record.Fields[i] : string.Empty;

    /// <inheritdoc/>
    public void Dispose() => _text.Dispose();
}
