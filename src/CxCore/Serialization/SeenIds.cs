namespace CxCore.Serialization;

/// <summary>
/// The ids read so far in one input, as 96 bits of their 128-bit hash (see <see cref="IdHash"/>; two distinct ids
/// share them with chance about n² / 2⁹⁷, under 10⁻¹¹ for a billion ids) with the line each was first read on. Open
/// addressing over one array of 16-byte slots, so an insert costs one cache miss, and no references, so the garbage
/// collector never scans it.
/// </summary>
internal sealed class SeenIds
{
    // A line number too large for a slot (past 4 billion lines) is kept here instead.
    private const uint LineElsewhere = uint.MaxValue;

    private Slot[] _slots = new Slot[1024];
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

        if ((_count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        for (var i = (int)lo & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
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

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if ((slot.Lo | slot.Hi) != 0)
            {
                var i = (int)slot.Lo & mask;
                while ((_slots[i].Lo | _slots[i].Hi) != 0)
                {
                    i = (i + 1) & mask;
                }

                _slots[i] = slot;
            }
        }
    }

    private readonly record struct Slot(ulong Lo, uint Hi, uint Line);
}
