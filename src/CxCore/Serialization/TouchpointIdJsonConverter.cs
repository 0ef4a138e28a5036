using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="TouchpointId"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class TouchpointIdJsonConverter : TextValueJsonConverter<TouchpointId>
{
    /// <inheritdoc/>
    protected override TouchpointId Parse(string text) => new(text);

    /// <inheritdoc/>
    protected override string Format(TouchpointId value) => value.Value;
}
