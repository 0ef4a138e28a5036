using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Analytics;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="ProportionDifference"/> as <c>{"estimate", "lower", "upper"}</c> and reads it back as written.</summary>
internal sealed class ProportionDifferenceJsonConverter : JsonConverter<ProportionDifference>
{
    /// <inheritdoc/>
    public override ProportionDifference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double? estimate = null, lower = null, upper = null;
        foreach (var (name, value) in JsonObjects.ReadNumbers(ref reader, nameof(ProportionDifference)))
        {
            switch (name)
            {
                case "estimate": estimate = value; break;
                case "lower": lower = value; break;
                case "upper": upper = value; break;
            }
        }

        if (estimate is not { } e || lower is not { } l || upper is not { } u || !(l <= e && e <= u))
        {
            throw new JsonException("A ProportionDifference needs \"estimate\", \"lower\" and \"upper\" with lower <= estimate <= upper.");
        }

        return ProportionDifference.FromParts(e, l, u);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ProportionDifference value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("estimate", value.Estimate);
        writer.WriteNumber("lower", value.Lower);
        writer.WriteNumber("upper", value.Upper);
        writer.WriteEndObject();
    }
}
