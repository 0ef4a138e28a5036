using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Analytics;

namespace CxCore.Serialization;

/// <summary>
/// Writes a <see cref="TimeRange"/> as <c>{"from", "to"}</c> (ISO 8601 with offset) and reads it back through its
/// validating constructor (a struct's default constructor would otherwise win and lose both ends).
/// </summary>
internal sealed class TimeRangeJsonConverter : JsonConverter<TimeRange>
{
    /// <inheritdoc/>
    public override TimeRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A TimeRange must be a JSON object, but found {reader.TokenType}.");
        }

        DateTimeOffset? from = null, to = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "from": from = reader.GetDateTimeOffset(); break;
                case "to": to = reader.GetDateTimeOffset(); break;
                default: reader.Skip(); break;
            }
        }

        if (from is not { } f || to is not { } t)
        {
            throw new JsonException("A TimeRange needs both \"from\" and \"to\".");
        }

        try
        {
            return new TimeRange(f, t);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TimeRange value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("from", value.From);
        writer.WriteString("to", value.To);
        writer.WriteEndObject();
    }
}
