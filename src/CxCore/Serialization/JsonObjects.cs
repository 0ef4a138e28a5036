using System.Text.Json;

namespace CxCore.Serialization;

/// <summary>Small helpers for the hand-written converters.</summary>
internal static class JsonObjects
{
    /// <summary>
    /// Reads a flat JSON object of numbers (the reader on its start token) and returns its properties; properties that are
    /// not numbers are skipped. Leaves the reader on the end of the object, as converters must.
    /// </summary>
    public static List<(string Name, double Value)> ReadNumbers(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A {typeName} must be a JSON object, but found {reader.TokenType}.");
        }

        var properties = new List<(string, double)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? string.Empty;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number)
            {
                properties.Add((name, reader.GetDouble()));
            }
            else
            {
                reader.Skip();
            }
        }

        return properties;
    }
}
