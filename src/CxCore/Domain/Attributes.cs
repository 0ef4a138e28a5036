using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>Copies and validates free-form string attributes so domain values stay immutable.</summary>
internal static class Attributes
{
    public const int MaxKeyLength = 128;

    public static IReadOnlyDictionary<string, string> Empty { get; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>An attribute name (or CSV attribute column): 1-<see cref="MaxKeyLength"/> characters, not blank.</summary>
    public static bool IsValidKey([NotNullWhen(true)] string? key) => !string.IsNullOrWhiteSpace(key) && key.Length <= MaxKeyLength;

    public static IReadOnlyDictionary<string, string> Freeze(IReadOnlyDictionary<string, string>? source, string paramName)
    {
        if (source is null || source.Count == 0)
        {
            return Empty;
        }

        if (source is AttributeMap frozen)
        {
            return frozen; // immutable and checked when it was made
        }

        var pairs = new KeyValuePair<string, string>[source.Count];
        var seen = pairs.Length >= AttributeMap.IndexedFrom ? new HashSet<string>(StringComparer.Ordinal) : null;
        var count = 0;
        foreach (var (key, value) in source)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException($"{paramName} keys must be 1-{MaxKeyLength} non-blank characters, but one was '{key}'.", paramName);
            }

            // A source that is not a dictionary may repeat a key or change while it is read.
            if (count == pairs.Length || (seen is null ? Contains(pairs.AsSpan(0, count), key) : !seen.Add(key)))
            {
                throw new ArgumentException($"{paramName} must have distinct keys and a stable count, but '{key}' broke that.", paramName);
            }

            pairs[count++] = KeyValuePair.Create(key, value ?? throw new ArgumentException($"{paramName}['{key}'] must not be null.", paramName));
        }

        if (count != pairs.Length)
        {
            throw new ArgumentException($"{paramName} enumerated {count} pairs but counted {pairs.Length}.", paramName);
        }

        return new AttributeMap(pairs);
    }

    private static bool Contains(ReadOnlySpan<KeyValuePair<string, string>> pairs, string key)
    {
        foreach (var pair in pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
