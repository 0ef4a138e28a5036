using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="TouchpointId"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class TouchpointIdJsonConverter : JsonConverter<TouchpointId>
{
    /// <inheritdoc/>
    public override TouchpointId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A TouchpointId must be a JSON string, not null.");
        try
        {
            return new TouchpointId(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TouchpointId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
