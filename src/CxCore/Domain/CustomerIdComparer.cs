namespace CxCore.Domain;

/// <summary>
/// Ordinal equality of customer ids that can also look an id up by its characters
/// (<see cref="IAlternateEqualityComparer{TAlternate, T}"/>), so the engine finds a customer from the bytes of an input
/// line without building the id's string. Hashes as <see cref="string.GetHashCode()"/> does (randomised per process).
/// </summary>
internal sealed class CustomerIdComparer : IEqualityComparer<CustomerId>, IAlternateEqualityComparer<ReadOnlySpan<char>, CustomerId>
{
    public static CustomerIdComparer Instance { get; } = new();

    private CustomerIdComparer()
    {
    }

    public bool Equals(CustomerId x, CustomerId y) => string.Equals(x.Value, y.Value, StringComparison.Ordinal);

    public int GetHashCode(CustomerId obj) => obj.Value is { } value ? string.GetHashCode(value.AsSpan()) : 0;

    public bool Equals(ReadOnlySpan<char> alternate, CustomerId other) => other.Value is { } value && alternate.SequenceEqual(value);

    public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);

    public CustomerId Create(ReadOnlySpan<char> alternate) => new(alternate.ToString());
}
