namespace CxCore.Domain;

/// <summary>
/// Hands out the byte blocks of <see cref="InteractionLog"/>s as segments of a few large shared arrays (slabs of
/// <see cref="SlabBytes"/>, on the large object heap) instead of one array per customer. A store of millions of
/// customers then holds a few hundred objects the garbage collector never moves or scans (the slabs hold no
/// references) instead of millions of arrays it copies from generation to generation while they are young: during an
/// ingest, that copying was most of the collector's time. Segments come in size classes 1.5 times apart; a freed
/// segment is cleared (erasure leaves nothing behind) and reused for the next request of its class. Blocks larger
/// than <see cref="MaxSegmentBytes"/> are arrays of their own. Thread-safe.
/// </summary>
internal sealed class SlabArena
{
    /// <summary>The size of a slab: large enough to be on the large object heap, small enough to fill quickly.</summary>
    public const int SlabBytes = 1 << 20;

    /// <summary>The largest segment taken from a slab; larger blocks get an array of their own.</summary>
    public const int MaxSegmentBytes = 64 * 1024;

    private static readonly int[] ClassBytes = CreateClasses();

    private readonly Lock _gate = new();
    private readonly Stack<(byte[] Slab, int Offset)>[] _free;
    private byte[] _slab = [];
    private int _used;
    private long _slabs;

    public SlabArena()
    {
        _free = new Stack<(byte[], int)>[ClassBytes.Length];
        for (var i = 0; i < _free.Length; i++)
        {
            _free[i] = new Stack<(byte[], int)>();
        }
    }

    /// <summary>How many slabs the arena holds (for tests and diagnostics).</summary>
    public long SlabCount => Interlocked.Read(ref _slabs);

    /// <summary>A zeroed segment of at least <paramref name="bytes"/> bytes (the whole class size: callers may use the rest).</summary>
    public Segment Allocate(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        if (bytes > MaxSegmentBytes)
        {
            return new Segment(new byte[bytes], 0, bytes);
        }

        var sizeClass = ClassOf(bytes);
        var size = ClassBytes[sizeClass];
        lock (_gate)
        {
            if (_free[sizeClass].TryPop(out var free))
            {
                return new Segment(free.Slab, free.Offset, size);
            }

            if (_slab.Length - _used < size)
            {
                // The tail of the previous slab is left unused: at most one segment of the largest class per slab.
                _slab = new byte[SlabBytes];
                _used = 0;
                _slabs++;
            }

            var segment = new Segment(_slab, _used, size);
            _used += size;
            return segment;
        }
    }

    /// <summary>Clears a segment this arena handed out and keeps it for reuse; a block of its own is left to the collector.</summary>
    public void Free(in Segment segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        segment.Span.Clear();
        if (segment.Length > MaxSegmentBytes || segment.Array.Length != SlabBytes)
        {
            return;
        }

        var sizeClass = ClassOf(segment.Length);
        lock (_gate)
        {
            _free[sizeClass].Push((segment.Array, segment.Offset));
        }
    }

    // The smallest class that holds `bytes` (binary search over a few dozen sizes).
    private static int ClassOf(int bytes)
    {
        var index = Array.BinarySearch(ClassBytes, bytes);
        return index >= 0 ? index : ~index;
    }

    private static int[] CreateClasses()
    {
        var classes = new List<int>();
        for (double size = 64; size < MaxSegmentBytes; size *= 1.5)
        {
            classes.Add(((int)size + 15) & ~15);
        }

        classes.Add(MaxSegmentBytes);
        return [.. classes];
    }
}

/// <summary>A block of bytes: part of a slab, or an array of its own.</summary>
internal readonly record struct Segment(byte[] Array, int Offset, int Length)
{
    /// <summary>No block.</summary>
    public static Segment None => new([], 0, 0);

    /// <summary>The block's bytes.</summary>
    public Span<byte> Span => Array.AsSpan(Offset, Length);
}
