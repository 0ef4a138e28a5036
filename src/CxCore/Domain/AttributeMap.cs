using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>
/// An immutable string map in two objects (itself and one array of pairs, in the order they were given) instead of the
/// four of a <see cref="System.Collections.ObjectModel.ReadOnlyDictionary{TKey, TValue}"/> over a
/// <see cref="Dictionary{TKey, TValue}"/>: interactions keep their attributes for as long as they are stored, and most
/// carry one to three. Lookups scan the pairs (ordinal); maps of <see cref="IndexedFrom"/> pairs or more also keep a
/// dictionary for them. Like the read-only dictionary it replaces, it can be cast to <see cref="IDictionary{TKey, TValue}"/>,
/// which reports <see cref="ICollection{T}.IsReadOnly"/> and refuses every change with <see cref="NotSupportedException"/>.
/// </summary>
internal sealed class AttributeMap : IReadOnlyDictionary<string, string>, IDictionary<string, string>
{
    /// <summary>The map without attributes.</summary>
    public static readonly AttributeMap Empty = new([], index: null);

    /// <summary>From this many pairs on, lookups go through a dictionary instead of a scan.</summary>
    internal const int IndexedFrom = 9;

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly Dictionary<string, string>? _index;

    /// <summary>Wraps <paramref name="pairs"/>, which the caller hands over (and has checked: valid, distinct keys, non-null values).</summary>
    /// <param name="pairs">The pairs, in order.</param>
    /// <param name="index">The same pairs in an ordinal dictionary: required from <see cref="IndexedFrom"/> pairs on, null below.</param>
    public AttributeMap(KeyValuePair<string, string>[] pairs, Dictionary<string, string>? index)
    {
        if ((pairs.Length >= IndexedFrom) != (index is not null) || (index is not null && index.Count != pairs.Length))
        {
            throw new ArgumentException($"An index is required exactly from {IndexedFrom} pairs on, and must hold the same pairs.", nameof(index));
        }

        _pairs = pairs;
        _index = index;
    }

    /// <summary>
    /// A map of the pairs of <paramref name="checkedPairs"/>, in its enumeration order, for a caller that checked them
    /// as it filled it (valid keys, non-null values; a dictionary's keys are distinct): the reader. Enumerates the
    /// dictionary directly (no boxed enumerator, no second key check) and copies it for the index when one is needed.
    /// </summary>
    public static AttributeMap FromChecked(Dictionary<string, string> checkedPairs)
    {
        if (checkedPairs.Count == 0)
        {
            return Empty;
        }

        var pairs = new KeyValuePair<string, string>[checkedPairs.Count];
        var count = 0;
        foreach (var pair in checkedPairs)
        {
            pairs[count++] = pair;
        }

        return new AttributeMap(pairs, pairs.Length >= IndexedFrom ? new Dictionary<string, string>(checkedPairs, StringComparer.Ordinal) : null);
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

        var at = IndexOf(_pairs, key);
        value = at < 0 ? null : _pairs[at].Value;
        return at >= 0;
    }

    /// <summary>Where <paramref name="key"/> is among <paramref name="pairs"/> (ordinal), or -1: the scan of small maps.</summary>
    internal static int IndexOf(ReadOnlySpan<KeyValuePair<string, string>> pairs, string key)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    bool ICollection<KeyValuePair<string, string>>.IsReadOnly => true;

    /// <inheritdoc/>
    ICollection<string> IDictionary<string, string>.Keys => [.. Keys];

    /// <inheritdoc/>
    ICollection<string> IDictionary<string, string>.Values => [.. Values];

    /// <inheritdoc/>
    string IDictionary<string, string>.this[string key]
    {
        get => this[key];
        set => throw ReadOnly();
    }

    /// <inheritdoc/>
    bool ICollection<KeyValuePair<string, string>>.Contains(KeyValuePair<string, string> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<string>.Default.Equals(value, item.Value);

    /// <inheritdoc/>
    void ICollection<KeyValuePair<string, string>>.CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) => _pairs.CopyTo(array, arrayIndex);

    /// <inheritdoc/>
    void IDictionary<string, string>.Add(string key, string value) => throw ReadOnly();

    /// <inheritdoc/>
    bool IDictionary<string, string>.Remove(string key) => throw ReadOnly();

    /// <inheritdoc/>
    void ICollection<KeyValuePair<string, string>>.Add(KeyValuePair<string, string> item) => throw ReadOnly();

    /// <inheritdoc/>
    bool ICollection<KeyValuePair<string, string>>.Remove(KeyValuePair<string, string> item) => throw ReadOnly();

    /// <inheritdoc/>
    void ICollection<KeyValuePair<string, string>>.Clear() => throw ReadOnly();

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static NotSupportedException ReadOnly() => new("Attributes are read-only; build the interaction with the attributes it should have.");
}
