using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Analytics;

namespace CxCore.Serialization;

/// <summary>
/// Reads and writes <see cref="CsatResult.Counts"/> as a JSON array of five non-negative whole numbers, refusing anything
/// else with a <see cref="JsonException"/> (as every other analytics converter does) rather than the record's
/// <see cref="ArgumentException"/>.
/// </summary>
internal sealed class CsatCountsJsonConverter : JsonConverter<IReadOnlyList<int>>
{
    /// <inheritdoc/>
    public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"CSAT counts must be a JSON array of {CsatResult.Scale} whole numbers, but found {reader.TokenType}.");
        }

        var counts = new List<int>(CsatResult.Scale);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var count))
            {
                throw new JsonException($"CSAT counts must be whole numbers, but entry {counts.Count} is not.");
            }

            counts.Add(count);
        }

        return CsatResult.ProblemWith(counts) is { } problem ? throw new JsonException(problem) : counts;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var count in value)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
    }
}
