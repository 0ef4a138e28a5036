using System.Buffers;

namespace CxCore.Serialization;

/// <summary>
/// The ids read so far in one input, as 96 bits of their 128-bit hash (see <see cref="IdHash"/>; two distinct ids
/// share them with chance about n² / 2⁹⁷, under 10⁻¹¹ for a billion ids) with the line each was first read on. Open
/// addressing over one array of 16-byte slots, so an insert costs one cache miss, and no references, so the garbage
/// collector never scans it. The arrays are rented from the shared array pool and returned on <see cref="Dispose"/>: a
/// host reading one input after another reuses memory the process has already touched instead of faulting in megabytes
/// of fresh pages for every input (which cost about as much as the lookups themselves).
/// </summary>
internal sealed class SeenIds : IDisposable
{
    // A line number too large for a slot (past 4 billion lines) is kept here instead.
    private const uint LineElsewhere = uint.MaxValue;
    private const int InitialSlots = 1024; // a power of two

    private Slot[]? _slots = Rent(InitialSlots);
    private int _mask = InitialSlots - 1;
    private Dictionary<(ulong, uint), long>? _farLines;
    private int _count;

    /// <summary>Adds the id's hash, or returns false with the line the same hash was first added on.</summary>
    public bool TryAdd(UInt128 hash, long line, out long firstLine)
    {
        var lo = (ulong)hash;
        var hi = (uint)(hash >> 64);
        if ((lo | hi) == 0)
        {
            lo = 1; // 0 marks an empty slot; a hash of 0 (chance 2^-96) shares a slot with 1
        }

        ObjectDisposedException.ThrowIf(_slots is null, this);
        if ((_count + 1L) * 4 > (_mask + 1L) * 3)
        {
            Grow();
        }

        var slots = _slots!;
        var mask = _mask;
        for (var i = (int)lo & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if ((slot.Lo | slot.Hi) == 0)
            {
                var near = line < LineElsewhere ? (uint)line : LineElsewhere;
                if (near == LineElsewhere)
                {
                    (_farLines ??= [])[(lo, hi)] = line;
                }

                slot = new Slot(lo, hi, near);
                _count++;
                firstLine = 0;
                return true;
            }

            if (slot.Lo == lo && slot.Hi == hi)
            {
                firstLine = slot.Line == LineElsewhere ? _farLines![(lo, hi)] : slot.Line;
                return false;
            }
        }
    }

    /// <summary>Returns the table to the pool; the set must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_slots is { } slots)
        {
            _slots = null;
            ArrayPool<Slot>.Shared.Return(slots);
        }
    }

    // A cleared array of at least `size` slots (a rented array may be longer, and holds whatever its last user left).
    private static Slot[] Rent(int size)
    {
        var slots = ArrayPool<Slot>.Shared.Rent(size);
        Array.Clear(slots, 0, size);
        return slots;
    }

    private void Grow()
    {
        var old = _slots!;
        var oldSize = _mask + 1;
        var slots = Rent(oldSize * 2);
        var mask = (oldSize * 2) - 1;
        foreach (var slot in old.AsSpan(0, oldSize))
        {
            if ((slot.Lo | slot.Hi) != 0)
            {
                var i = (int)slot.Lo & mask;
                while ((slots[i].Lo | slots[i].Hi) != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        (_slots, _mask) = (slots, mask);
        ArrayPool<Slot>.Shared.Return(old);
    }

    private readonly record struct Slot(ulong Lo, uint Hi, uint Line);
}
