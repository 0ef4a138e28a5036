namespace CxCore.Domain;

/// <summary>Identifies a customer.</summary>
/// <remarks>
/// Any non-empty string of at most 256 characters without control characters or surrounding white space.
/// Comparison is ordinal and case-sensitive. <c>default(CustomerId)</c> is not a valid id: APIs reject it.
/// </remarks>
/// <example><code>var id = new CustomerId("c-42"); // the key every interaction of one person is filed under</code></example>
public readonly record struct CustomerId
{
    /// <summary>Creates an id from its string form.</summary>
    /// <param name="value">The id; see the type remarks for what is accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or contains control characters.</exception>
    public CustomerId(string value) => Value = IdText.Validate(value, nameof(CustomerId), nameof(value));

    /// <summary>The id's string form; null only for <c>default(CustomerId)</c>.</summary>
    public string Value { get; }

    /// <summary>True for <c>default(CustomerId)</c>, which no API accepts.</summary>
    public bool IsEmpty => Value is null;

    // For values read back from storage, which were validated when first created.
    private CustomerId(string value, bool _) => Value = value;

    /// <summary>Wraps a value that was validated before (read back from compact storage) without validating it again.</summary>
    internal static CustomerId Trusted(string value) => new(value, true);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Throws when this id is the default value; used by APIs that take an id.</summary>
    /// <param name="paramName">The name of the parameter or field that holds the id.</param>
    /// <returns>This id.</returns>
    internal CustomerId EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Value, nameof(CustomerId), paramName);
        return this;
    }
}
