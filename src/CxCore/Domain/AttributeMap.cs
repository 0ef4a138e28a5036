using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>
/// An immutable string map in two objects (itself and one array of pairs, in the order they were given) instead of the
/// four of a <see cref="System.Collections.ObjectModel.ReadOnlyDictionary{TKey, TValue}"/> over a
/// <see cref="Dictionary{TKey, TValue}"/>: interactions keep their attributes for as long as they are stored, and most
/// carry one to three. Lookups scan the pairs (ordinal); maps with more than <see cref="IndexedFrom"/> pairs also keep
/// a dictionary for them.
/// </summary>
internal sealed class AttributeMap : IReadOnlyDictionary<string, string>
{
    /// <summary>From this many pairs on, lookups go through a dictionary instead of a scan.</summary>
    internal const int IndexedFrom = 9;

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly Dictionary<string, string>? _index;

    /// <summary>Wraps <paramref name="pairs"/>, which the caller hands over (and has checked: valid, distinct keys, non-null values).</summary>
    public AttributeMap(KeyValuePair<string, string>[] pairs)
    {
        _pairs = pairs;
        if (pairs.Length >= IndexedFrom)
        {
            _index = new Dictionary<string, string>(pairs, StringComparer.Ordinal);
        }
    }

    /// <inheritdoc/>
    public int Count => _pairs.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    /// <inheritdoc/>
    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    /// <inheritdoc/>
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The attribute '{key}' is not present.");

    /// <inheritdoc/>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out value);
        }

        foreach (var (k, v) in _pairs)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
