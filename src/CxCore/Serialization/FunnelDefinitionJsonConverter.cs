using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Analytics;

namespace CxCore.Serialization;

/// <summary>
/// Writes a <see cref="FunnelDefinition"/> as a description — step names, window, mode, exclusions and breakdown name —
/// so a <see cref="FunnelResult"/> says what was measured. Its steps and breakdown are predicates, which JSON cannot
/// carry, so it cannot be read back: reading throws <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class FunnelDefinitionJsonConverter : JsonConverter<FunnelDefinition>
{
    /// <inheritdoc/>
    public override FunnelDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A FunnelDefinition holds predicates and cannot be read from JSON; its JSON form is a description only. Rebuild the definition in code.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FunnelDefinition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteStartArray("steps");
        foreach (var step in value.Steps)
        {
            writer.WriteStringValue(step.Name);
        }

        writer.WriteEndArray();
        writer.WriteString("window", value.Window.ToString("c", CultureInfo.InvariantCulture));
        writer.WriteString("mode", value.Mode.ToString());
        writer.WriteStartArray("exclusions");
        foreach (var exclusion in value.Exclusions)
        {
            writer.WriteStartObject();
            writer.WriteString("step", exclusion.Step.Name);
            writer.WriteNumber("afterStep", exclusion.AfterStep);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (value.Breakdown is { } breakdown)
        {
            writer.WriteString("breakdown", breakdown.Name);
        }

        writer.WriteEndObject();
    }
}
