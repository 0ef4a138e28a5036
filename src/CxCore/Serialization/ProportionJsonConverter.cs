using System.Text.Json;
using System.Text.Json.Serialization;
using CxCore.Analytics;

namespace CxCore.Serialization;

/// <summary>
/// Writes a <see cref="Proportion"/> as <c>{"successes", "trials", "estimate", "lower", "upper"}</c>; reads it back from
/// <c>successes</c> and <c>trials</c> through <see cref="Proportion.Of"/> (the other fields are derived and recomputed).
/// </summary>
internal sealed class ProportionJsonConverter : JsonConverter<Proportion>
{
    /// <inheritdoc/>
    public override Proportion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        int? successes = null, trials = null;
        foreach (var (name, value) in JsonObjects.ReadNumbers(ref reader, nameof(Proportion)))
        {
            if (name == "successes")
            {
                successes = WholeOrNull(value);
            }
            else if (name == "trials")
            {
                trials = WholeOrNull(value);
            }
        }

        if (successes is not { } s || trials is not { } t)
        {
            throw new JsonException("A Proportion needs both \"successes\" and \"trials\" as whole numbers.");
        }

        try
        {
            return Proportion.Of(s, t);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"A Proportion with {s} successes out of {t} trials is impossible: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Proportion value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteNumber("successes", value.Successes);
        writer.WriteNumber("trials", value.Trials);
        writer.WriteNumber("estimate", value.Estimate);
        writer.WriteNumber("lower", value.Lower);
        writer.WriteNumber("upper", value.Upper);
        writer.WriteEndObject();
    }

    private static int? WholeOrNull(double value)
    {
        if (Math.Floor(value) != value || value < int.MinValue || value > int.MaxValue)
        {
            return null;
        }

        return (int)value;
    }
}
