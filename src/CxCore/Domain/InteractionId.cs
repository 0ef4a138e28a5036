namespace CxCore.Domain;

/// <summary>Identifies one interaction. It is also the idempotency key.</summary>
/// <remarks>
/// Any non-empty string of at most 256 characters without control characters or surrounding white space.
/// Comparison is ordinal and case-sensitive. <c>default(InteractionId)</c> is not a valid id: APIs reject it.
/// </remarks>
/// <example><code>var id = new InteractionId("e-1001"); // recording the same id twice changes nothing</code></example>
public readonly record struct InteractionId
{
    /// <summary>Creates an id from its string form.</summary>
    /// <param name="value">The id; see the type remarks for what is accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or contains control characters.</exception>
    public InteractionId(string value) => Value = IdText.Validate(value, nameof(InteractionId), nameof(value));

    /// <summary>The id's string form; null only for <c>default(InteractionId)</c>.</summary>
    public string Value { get; }

    /// <summary>True for <c>default(InteractionId)</c>, which no API accepts.</summary>
    public bool IsEmpty => Value is null;

    // For values read back from storage, which were validated when first created.
    private InteractionId(string value, bool _) => Value = value;

    /// <summary>Wraps a value that was validated before (read back from compact storage) without validating it again.</summary>
    internal static InteractionId Trusted(string value) => new(value, true);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Throws when this id is the default value; used by APIs that take an id.</summary>
    /// <param name="paramName">The name of the parameter or field that holds the id.</param>
    /// <returns>This id.</returns>
    internal InteractionId EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Value, nameof(InteractionId), paramName);
        return this;
    }
}
