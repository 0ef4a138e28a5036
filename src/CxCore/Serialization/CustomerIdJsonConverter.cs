using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Writes a <see cref="CustomerId"/> as its text (a JSON string) and reads it back through its validating constructor.</summary>
internal sealed class CustomerIdJsonConverter : TextValueJsonConverter<CustomerId>
{
    /// <inheritdoc/>
    protected override CustomerId Parse(string text) => new(text);

    /// <inheritdoc/>
    protected override string Format(CustomerId value) => value.Value;
}
