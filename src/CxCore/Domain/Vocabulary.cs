using System.Collections.Concurrent;

namespace CxCore.Domain;

/// <summary>
/// A process-wide table of the distinct strings of one field (kinds, channels, touchpoints), so that a stored
/// interaction holds a small index instead of a reference: <see cref="InteractionLog"/> records are 32 bytes because of
/// it. Index 0 means "none"; strings are added on first sight and kept for the life of the process (a few hundred kinds
/// and touchpoints in practice). Lookups are lock-free; adding takes a lock.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private string[] _values = new string[64];
    private int _count = 1;

    /// <summary>Creates a table that holds up to <paramref name="capacity"/> strings.</summary>
    /// <param name="capacity">The largest index the caller can store.</param>
    internal Vocabulary(int capacity) => _capacity = capacity;

    /// <summary>Interaction kinds (indexes fit 16 bits).</summary>
    public static Vocabulary Kinds { get; } = new(ushort.MaxValue);

    /// <summary>Channel names (indexes fit 16 bits).</summary>
    public static Vocabulary Channels { get; } = new(ushort.MaxValue);

    /// <summary>Touchpoint ids.</summary>
    public static Vocabulary Touchpoints { get; } = new(int.MaxValue - 1);

    /// <summary>How many strings the table holds.</summary>
    public int Count => Volatile.Read(ref _count) - 1;

    /// <summary>The string at <paramref name="index"/> (1 or more), the same instance every time.</summary>
    public string this[int index] => Volatile.Read(ref _values)[index];

    /// <summary>The index of <paramref name="value"/>, adding it when new; false only when the table is full.</summary>
    public bool TryGetIndex(string value, out int index)
    {
        if (_indexes.TryGetValue(value, out index))
        {
            return true;
        }

        lock (_gate)
        {
            if (_indexes.TryGetValue(value, out index))
            {
                return true;
            }

            if (_count > _capacity)
            {
                index = 0;
                return false;
            }

            index = _count;
            var values = _values;
            if (index == values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
            }

            // Published before the index, so a reader that finds the index also finds the string.
            values[index] = value;
            Volatile.Write(ref _values, values);
            Volatile.Write(ref _count, index + 1);
            _indexes[value] = index;
            return true;
        }
    }
}
