using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="JourneyStage"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class JourneyStageJsonConverter : JsonConverter<JourneyStage>
{
    /// <inheritdoc/>
    public override JourneyStage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A JourneyStage must be a JSON string, not null.");
        try
        {
            return new JourneyStage(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, JourneyStage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Name);
    }
}
