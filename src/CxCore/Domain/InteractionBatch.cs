namespace CxCore.Domain;

/// <summary>
/// A run of <see cref="PackedInteraction"/>s in input order and the bytes of their ids: what the reader hands the
/// engine's bulk ingest instead of one <see cref="Interaction"/> object per line. Pooled: the consumer returns it with
/// <see cref="Release"/> (once per holder, see <see cref="Share"/>), which hands it back to its source for reuse.
/// </summary>
internal sealed class InteractionBatch
{
    /// <summary>Interactions in a full batch.</summary>
    public const int Capacity = 256;

    private readonly Action<InteractionBatch>? _recycle;
    private byte[] _bytes = new byte[4096];
    private int _used;
    private int _holders = 1;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="recycle">Takes the batch back once every holder released it; null to drop it.</param>
    public InteractionBatch(Action<InteractionBatch>? recycle = null) => _recycle = recycle;

    /// <summary>The interactions; the first <see cref="Count"/> are valid.</summary>
    public PackedInteraction[] Items { get; } = new PackedInteraction[Capacity];

    /// <summary>How many interactions the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>Whether no more interactions fit.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>The bytes the interactions' ids point into.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _used);

    /// <summary>The next slot, to be filled and then kept with <see cref="Commit"/> (or left, to be overwritten).</summary>
    public ref PackedInteraction Next => ref Items[Count];

    /// <summary>Keeps the slot <see cref="Next"/> returned.</summary>
    public void Commit() => Count++;

    /// <summary>Adds a copy of <paramref name="packed"/>, whose ids are in <paramref name="bytes"/> (another batch's).</summary>
    public void Add(in PackedInteraction packed, ReadOnlySpan<byte> bytes)
    {
        ref var copy = ref Next;
        copy = packed;
        copy.IdStart = Append(packed.Id(bytes));
        copy.CustomerStart = Append(packed.Customer(bytes));
        Commit();
    }

    /// <summary>Copies <paramref name="utf8"/> into the batch's bytes; returns where it starts.</summary>
    public int Append(ReadOnlySpan<byte> utf8)
    {
        if (_used + utf8.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + utf8.Length));
        }

        var start = _used;
        utf8.CopyTo(_bytes.AsSpan(start));
        _used += utf8.Length;
        return start;
    }

    /// <summary>Forgets the bytes appended since <paramref name="mark"/> (a slot that was not committed).</summary>
    public void Truncate(int mark) => _used = mark;

    /// <summary>Where the next <see cref="Append"/> starts.</summary>
    public int BytesUsed => _used;

    /// <summary>Sets how many holders will call <see cref="Release"/> (one by default).</summary>
    public void Share(int holders) => Volatile.Write(ref _holders, holders);

    /// <summary>Called by each holder when done: the last one clears the batch and hands it back.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) > 0)
        {
            return;
        }

        Clear();
        _recycle?.Invoke(this);
    }

    /// <summary>Empties the batch, so no object stays reachable from it (bytes grown for long ids shrink back).</summary>
    public void Clear()
    {
        Array.Clear(Items, 0, Count);
        Count = 0;
        _used = 0;
        _holders = 1;
        if (_bytes.Length > 64 * 1024)
        {
            _bytes = new byte[4096];
        }
    }
}
