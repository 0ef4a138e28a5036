using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="Channel"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class ChannelJsonConverter : TextValueJsonConverter<Channel>
{
    /// <inheritdoc/>
    protected override Channel Parse(string text) => new(text);

    /// <inheritdoc/>
    protected override string Format(Channel value) => value.Name;
}
