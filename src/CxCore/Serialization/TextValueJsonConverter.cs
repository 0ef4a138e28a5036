using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxCore.Serialization;

/// <summary>
/// Writes a domain value that is a validated piece of text (a channel, a customer id, a stage …) as a JSON string, and
/// reads it back through the value's validating constructor, turning its refusal into a <see cref="JsonException"/>.
/// </summary>
/// <typeparam name="T">The domain value.</typeparam>
internal abstract class TextValueJsonConverter<T> : JsonConverter<T>
{
    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} must be a JSON string, not null.");
        try
        {
            return Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }

    /// <summary>The value of <paramref name="text"/>; throws <see cref="ArgumentException"/> when it is not valid.</summary>
    protected abstract T Parse(string text);

    /// <summary>The value's text.</summary>
    protected abstract string Format(T value);
}
