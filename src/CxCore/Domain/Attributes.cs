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

        var copy = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException($"{paramName} keys must be 1-{MaxKeyLength} non-blank characters, but one was '{key}'.", paramName);
            }

            copy.Add(key, value ?? throw new ArgumentException($"{paramName}['{key}'] must not be null.", paramName));
        }

        return new ReadOnlyDictionary<string, string>(copy);
    }
}
