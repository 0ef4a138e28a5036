using System.Text;

namespace CxCore.Serialization;

/// <summary>
/// Reuses the strings that repeat line after line (kinds, touchpoints, attribute names) so reading them does not
/// allocate each time. Bounded: once full it only looks up, so high-cardinality values cannot make it grow.
/// </summary>
internal sealed class StringCache
{
    private const int MaxEntries = 4096;
    private const int MaxChars = 128;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string for <paramref name="utf8"/>, which must be valid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxChars)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxChars];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return Get(chars[..length]);
    }

    public string Get(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var existing))
        {
            return existing;
        }

        var created = new string(chars);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created);
        }

        return created;
    }
}
