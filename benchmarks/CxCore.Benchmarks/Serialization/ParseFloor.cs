using System.Text.Json;

namespace CxCore.Benchmarks.Serialization;

/// <summary>
/// The physical floor of reading canonical JSONL: split lines and read every token with <see cref="Utf8JsonReader"/>,
/// building nothing. Shared by every benchmark that compares against the floor, so they all measure the same thing.
/// </summary>
internal static class ParseFloor
{
    public static int CountTokens(ReadOnlySpan<byte> data)
    {
        var tokens = 0;
        while (!data.IsEmpty)
        {
            var end = data.IndexOf((byte)'\n');
            var line = end < 0 ? data : data[..end];
            var json = new Utf8JsonReader(line);
            while (json.Read())
            {
                tokens++;
            }

            data = end < 0 ? default : data[(end + 1)..];
        }

        return tokens;
    }
}
