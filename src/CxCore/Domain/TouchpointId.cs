namespace CxCore.Domain;

/// <summary>Identifies a touchpoint, the place where a customer meets the business (for example <c>order-status-bot</c>).</summary>
/// <remarks>
/// Any non-empty string of at most 256 characters without control characters or surrounding white space.
/// Comparison is ordinal and case-sensitive. <c>default(TouchpointId)</c> is not a valid id: APIs reject it.
/// </remarks>
/// <example><code>var id = new TouchpointId("support-line");</code></example>
public readonly record struct TouchpointId
{
    /// <summary>Creates an id from its string form.</summary>
    /// <param name="value">The id; see the type remarks for what is accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long or contains control characters.</exception>
    public TouchpointId(string value) => Value = IdText.Validate(value, nameof(TouchpointId), nameof(value));

    /// <summary>The id's string form; null only for <c>default(TouchpointId)</c>.</summary>
    public string Value { get; }

    /// <summary>True for <c>default(TouchpointId)</c>, which no API accepts.</summary>
    public bool IsEmpty => Value is null;

    // For values read back from storage, which were validated when first created.
    private TouchpointId(string value, bool _) => Value = value;

    /// <summary>Wraps a value that was validated before (read back from compact storage) without validating it again.</summary>
    internal static TouchpointId Trusted(string value) => new(value, true);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Throws when this id is the default value; used by APIs that take an id.</summary>
    /// <param name="paramName">The name of the parameter or field that holds the id.</param>
    /// <returns>This id.</returns>
    internal TouchpointId EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Value, nameof(TouchpointId), paramName);
        return this;
    }
}
