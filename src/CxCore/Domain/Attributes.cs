using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>Copies and validates free-form string attributes so domain values stay immutable.</summary>
internal static class Attributes
{
    public const int MaxKeyLength = 128;

    public static IReadOnlyDictionary<string, string> Empty => AttributeMap.Empty;

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

        // Sized by Count, but a source that changes while it is read (a concurrent dictionary) may yield more or fewer:
        // what it enumerates is what is kept, as a snapshot.
        var pairs = new KeyValuePair<string, string>[source.Count];
        Dictionary<string, string>? index = null; // from AttributeMap.IndexedFrom pairs on: the map's lookup index
        var count = 0;
        foreach (var (key, value) in source)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException($"{paramName} keys must be 1-{MaxKeyLength} non-blank characters, but one was '{key}'.", paramName);
            }

            // A source that is not a dictionary may repeat a key: a scan for the few keys an interaction usually has;
            // from the pair that makes the map indexed on, the index the map keeps anyway.
            if (count == AttributeMap.IndexedFrom - 1 && index is null)
            {
                index = new Dictionary<string, string>(pairs.AsSpan(0, count).ToArray(), StringComparer.Ordinal);
            }

            if (index is null ? AttributeMap.IndexOf(pairs.AsSpan(0, count), key) >= 0 : !index.TryAdd(key, value!))
            {
                throw new ArgumentException($"{paramName} must not repeat a key, but '{key}' appears more than once.", paramName);
            }

            if (count == pairs.Length)
            {
                Array.Resize(ref pairs, Math.Max(4, count * 2));
            }

            pairs[count++] = KeyValuePair.Create(key, value ?? throw new ArgumentException($"{paramName}['{key}'] must not be null.", paramName));
        }

        if (count != pairs.Length)
        {
            Array.Resize(ref pairs, count);
        }

        return count == 0 ? Empty : new AttributeMap(pairs, index);
    }
}
