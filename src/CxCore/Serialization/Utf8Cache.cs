namespace CxCore.Serialization;

/// <summary>
/// Maps short UTF-8 byte strings straight to values (strings, touchpoint ids, channels) without decoding them first:
/// the values that repeat line after line are looked up from the input bytes, so reading them neither transcodes nor
/// allocates. Open addressing with a bounded probe; bounded size, so unique values cannot make it grow.
/// </summary>
/// <typeparam name="T">The cached value.</typeparam>
internal sealed class Utf8Cache<T>
{
    /// <summary>Longer keys are not cached (they are rarely repeated values).</summary>
    public const int MaxKeyBytes = 128;

    private const int Capacity = 4096; // a power of two
    private const int MaxProbes = 8;
    private const int MaxEntries = Capacity / 2;

    private readonly byte[]?[] _keys = new byte[Capacity][];
    private readonly T[] _values = new T[Capacity];
    private int _count;

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        if (key.Length <= MaxKeyBytes)
        {
            var slot = Hash(key);
            for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (Capacity - 1))
            {
                var stored = _keys[slot];
                if (stored is null)
                {
                    break;
                }

                if (key.SequenceEqual(stored))
                {
                    value = _values[slot];
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (key.Length > MaxKeyBytes || _count >= MaxEntries)
        {
            return;
        }

        var slot = Hash(key);
        for (var probe = 0; probe < MaxProbes; probe++, slot = (slot + 1) & (Capacity - 1))
        {
            if (_keys[slot] is null)
            {
                _keys[slot] = key.ToArray();
                _values[slot] = value;
                _count++;
                return;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> key) => (int)(IdHash.Quick(key) & (Capacity - 1));
}
