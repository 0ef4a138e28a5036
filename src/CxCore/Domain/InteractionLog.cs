using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CxCore.Domain;

/// <summary>
/// One customer's interactions in compact form: one byte block holding the 32-byte <see cref="InteractionRecord"/>s,
/// their id hashes and the ids (ASCII ids one byte per character), and the rare fields (text, attributes, mode, handling
/// time, value) in an array beside the records, allocated for the customers that have any. About 50 bytes per
/// interaction without text instead of four objects (about 85 as measured in the in-memory store, with the block's
/// spare capacity and the per-customer overhead), and reading a customer's history is a walk over contiguous memory
/// instead of a cache miss per interaction.
/// </summary>
/// <remarks>
/// <para>Records are kept in replay order (time, then ordinal id). The in-memory store keeps an indexed log per customer
/// (<see cref="Insert(Interaction)"/> refuses a duplicate id through a hash index), and the engine scores over that same
/// log; with another store the engine keeps an unindexed log of its own. A <see cref="Scoring.JourneyScorer"/> filled
/// through <see cref="Scoring.JourneyScorer.Add"/> keeps an indexed one, as it checks every id.
/// <see cref="Materialize"/> rebuilds the <see cref="Interaction"/>; <see cref="InteractionView"/> reads a record in
/// place.</para>
/// <para>Not thread-safe: the owner serialises access (the store's bucket lock, the engine's customer lock).</para>
/// </remarks>
internal sealed class InteractionLog
{
    /// <summary>The record has a side-table entry.</summary>
    internal const byte HasExtras = 1;

    /// <summary>The wait is in the side table (not whole milliseconds, or too long for 32 bits).</summary>
    internal const byte WaitInExtras = 2;

    /// <summary>The kind is in the side table (the kind vocabulary is full).</summary>
    internal const byte KindInExtras = 4;

    /// <summary>The channel is in the side table (the channel vocabulary is full).</summary>
    internal const byte ChannelInExtras = 8;

    /// <summary><see cref="InteractionRecord.Flags"/>: the interaction is a contact (<see cref="InteractionKinds.IsContact(string)"/>).</summary>
    internal const byte Contact = 16;

    /// <summary><see cref="InteractionRecord.ContactBack"/> for "this far back or further, or none known nearer": step back one record.</summary>
    internal const byte FarContact = byte.MaxValue;

    private const byte Utf16Id = 0x80;
    private const byte LongId = 0x7F;

    // Up to this many ids the duplicate check is one vectorised scan of the hashes; past it, a hash table.
    private const int TableThreshold = 256;

    // The longest encoded id: header (3 bytes) and 256 UTF-16 code units.
    private const int MaxEncodedId = 3 + (2 * 256);

    private const int RecordSize = 32;

    private readonly bool _indexed;

    // One block per customer: the records (_capacity of them), then their id hashes while duplicates are found by
    // scanning those (indexed logs up to TableThreshold), then the id bytes. One object instead of three, and reading
    // a record or an id touches no array header (the capacity is a field here): fewer cache lines per insert.
    // An array of its own: slab-allocated blocks doubled the memory per interaction (docs/performance.md, session 7).
    private byte[] _data;
    private int _capacity;
    private bool _hashesInBlock;
    private int _idLength;
    private InteractionExtras?[]? _extras; // parallel to the records, from the first interaction that has extras
    private int[]? _table;
    private bool _untagged; // the table's entries are whole offsets (see Contains)
    private bool _released;

    /// <summary>Creates an empty log.</summary>
    /// <param name="customer">Whose interactions these are (materialised interactions carry it).</param>
    /// <param name="indexIds">Keep an index of the ids, so <see cref="Insert(Interaction)"/> refuses duplicates.</param>
    public InteractionLog(CustomerId customer, bool indexIds)
    {
        Customer = customer;
        _indexed = indexIds;
        _hashesInBlock = indexIds;
        _data = []; // the block comes with the first interaction (a log made and dropped in a race holds nothing)
    }

    /// <summary>
    /// Clears the block and leaves the log empty and unusable: for a customer the store deleted (erasure leaves no copy
    /// of their interactions in memory that is still reachable). A holder of a stale reference reads an empty log;
    /// inserting throws.
    /// </summary>
    public void Release()
    {
        var block = _data;
        (_data, _capacity, _idLength, Count, _extras, _table, _untagged, _released) = ([], 0, 0, 0, null, null, false, true);
        block.AsSpan().Clear();
    }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; }

    /// <summary>Whether <see cref="Insert(Interaction)"/> refuses duplicate ids (through an index).</summary>
    public bool IsIndexed => _indexed;

    /// <summary>How many interactions the log holds.</summary>
    public int Count { get; private set; }

    /// <summary>The records, in log order.</summary>
    public ReadOnlySpan<InteractionRecord> Records => RecordBlock[..Count];

    /// <summary>The record at <paramref name="index"/>.</summary>
    public ref readonly InteractionRecord this[int index] => ref Record(index);

    /// <summary>
    /// Inserts <paramref name="interaction"/> in replay order (time, then ordinal id). An indexed log first checks the
    /// id and refuses a duplicate; an unindexed log trusts the caller.
    /// </summary>
    /// <returns>Its position, or -1 for a duplicate id (indexed logs only).</returns>
    public int Insert(Interaction interaction)
    {
        var id = interaction.Id.Value;
        Span<byte> encoded = stackalloc byte[EncodedCapacity(id.Length)];
        encoded = encoded[..Encode(id, encoded)];
        return Insert(PackedInteraction.From(interaction), encoded, id);
    }

    /// <summary>
    /// <see cref="Insert(Interaction)"/> for an interaction the reader packed (its id as UTF-8 bytes, already validated):
    /// the same record, without an object or a string for the id.
    /// </summary>
    /// <returns>Its position, or -1 for a duplicate id (indexed logs only).</returns>
    public int Insert(in PackedInteraction packed, ReadOnlySpan<byte> idUtf8)
    {
        Span<char> chars = stackalloc char[idUtf8.Length];
        chars = chars[..ToChars(idUtf8, packed.IdIsAscii, chars)];
        Span<byte> encoded = stackalloc byte[EncodedCapacity(chars.Length)];
        encoded = encoded[..Encode(chars, packed.IdIsAscii, encoded)];
        return Insert(packed, encoded, chars);
    }

    // Valid UTF-8 (checked by the reader) as UTF-16; `chars` has room for one character per byte.
    internal static int ToChars(ReadOnlySpan<byte> utf8, bool ascii, Span<char> chars)
    {
        if (ascii)
        {
            Ascii.ToUtf16(utf8, chars, out var written);
            return written;
        }

        return Encoding.UTF8.GetChars(utf8, chars);
    }

    // Both inserts: the id in its stored form (for the index) and as characters (for ordering ties).
    private int Insert(in PackedInteraction interaction, ReadOnlySpan<byte> encoded, ReadOnlySpan<char> id)
    {
        if (_released)
        {
            throw new InvalidOperationException($"The interactions of customer '{Customer}' were deleted; this log can no longer be written to.");
        }

        var hash = 0;
        if (_indexed)
        {
            hash = Hash(encoded);
            if (Contains(encoded, hash))
            {
                return -1;
            }
        }

        var ticks = interaction.Timestamp.UtcTicks;
        var position = Count;
        // Usually in order: the loop stops at once.
        while (position > 0 && (Record(position - 1).UtcTicks > ticks
            || (Record(position - 1).UtcTicks == ticks && CompareId(position - 1, id) > 0)))
        {
            position--;
        }

        Insert(interaction, encoded, position);
        if (_indexed)
        {
            Index(position, hash);
        }

        LastInserted = position;
        return position;
    }

    /// <summary>Where the latest successful <see cref="Insert(Interaction)"/> put its interaction.</summary>
    public int LastInserted { get; private set; } = -1;

    /// <summary>Whether the log holds an interaction with this id (a scan for unindexed logs).</summary>
    public bool Contains(InteractionId id)
    {
        var value = id.Value;
        if (_indexed)
        {
            Span<byte> encoded = stackalloc byte[EncodedCapacity(value.Length)];
            encoded = encoded[..Encode(value, encoded)];
            return Contains(encoded, Hash(encoded));
        }

        for (var i = 0; i < Count; i++)
        {
            if (IdEquals(i, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The interaction at <paramref name="index"/> as an object (allocates).</summary>
    public Interaction Materialize(int index)
    {
        ref readonly var record = ref Record(index);
        return new Interaction(
            GetId(index),
            Customer,
            GetTimestamp(index),
            GetChannel(index),
            GetKind(index),
            GetTouchpoint(index),
            record.Outcome,
            record.Csat,
            record.Nps,
            record.Ces,
            WaitTicks(index),
            GetExtras(index));
    }

    /// <summary>Every interaction as objects, in log order (allocates).</summary>
    public Interaction[] MaterializeAll(int count)
    {
        var all = new Interaction[count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = Materialize(i);
        }

        return all;
    }

    /// <summary>The id at <paramref name="index"/> (allocates its string).</summary>
    public InteractionId GetId(int index)
    {
        var payload = IdBytes(index, out var utf16);
        return InteractionId.Trusted(utf16 ? new string(MemoryMarshal.Cast<byte, char>(payload)) : Encoding.ASCII.GetString(payload));
    }

    /// <summary>The timestamp at <paramref name="index"/>, with its offset.</summary>
    public DateTimeOffset GetTimestamp(int index)
    {
        ref readonly var record = ref Record(index);
        return new DateTimeOffset(record.UtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(record.OffsetMinutes));
    }

    /// <summary>The kind's <see cref="Vocabulary.Kinds"/> index at <paramref name="index"/>, or 0 when the kind is kept in the side table.</summary>
    public int KindIndexAt(int index)
    {
        ref readonly var record = ref Record(index);
        return (record.Flags & KindInExtras) != 0 ? 0 : record.Kind;
    }

    /// <summary>The kind at <paramref name="index"/> (the interned string).</summary>
    public string GetKind(int index)
    {
        ref readonly var record = ref Record(index);
        return (record.Flags & KindInExtras) != 0 ? GetExtras(index)!.Kind! : Vocabulary.Kinds[record.Kind];
    }

    /// <summary>The channel at <paramref name="index"/>.</summary>
    public Channel GetChannel(int index)
    {
        ref readonly var record = ref Record(index);
        return Channel.Trusted((record.Flags & ChannelInExtras) != 0 ? GetExtras(index)!.Channel! : Vocabulary.Channels[record.Channel]);
    }

    /// <summary>The touchpoint at <paramref name="index"/>, if any.</summary>
    public TouchpointId? GetTouchpoint(int index)
    {
        var touchpoint = Record(index).Touchpoint;
        return touchpoint == 0 ? null : TouchpointId.Trusted(Vocabulary.Touchpoints[touchpoint]);
    }

    /// <summary>The wait at <paramref name="index"/>, if any.</summary>
    public TimeSpan? GetWait(int index)
    {
        var ticks = WaitTicks(index);
        return ticks < 0 ? null : new TimeSpan(ticks);
    }

    // The wait in ticks, -1 for none: from the record's milliseconds, or the side table when the record cannot hold it.
    private long WaitTicks(int index)
    {
        ref readonly var record = ref Record(index);
        return (record.Flags & WaitInExtras) != 0 ? GetExtras(index)!.WaitTicks!.Value
            : record.WaitMilliseconds < 0 ? -1 : record.WaitMilliseconds * TimeSpan.TicksPerMillisecond;
    }

    /// <summary>The rare fields of the interaction at <paramref name="index"/>, or null.</summary>
    public InteractionExtras? GetExtras(int index)
    {
        ref readonly var record = ref Record(index);
        return (record.Flags & HasExtras) != 0 ? _extras![index] : null;
    }

    /// <summary>Whether the id at <paramref name="index"/> is <paramref name="id"/>.</summary>
    public bool IdEquals(int index, string id)
    {
        var payload = IdBytes(index, out var utf16);
        return utf16
            ? payload.SequenceEqual(MemoryMarshal.AsBytes(id.AsSpan()))
            : payload.Length == id.Length && Ascii.Equals(payload, id);
    }

    /// <summary>The id at <paramref name="index"/> compared ordinally (as <see cref="string.CompareOrdinal(string, string)"/>) with <paramref name="id"/>.</summary>
    public int CompareId(int index, ReadOnlySpan<char> id)
    {
        var payload = IdBytes(index, out var utf16);
        if (utf16)
        {
            return MemoryMarshal.Cast<byte, char>(payload).SequenceCompareTo(id);
        }

        Span<char> chars = stackalloc char[payload.Length];
        Ascii.ToUtf16(payload, chars, out _);
        return ((ReadOnlySpan<char>)chars).SequenceCompareTo(id);
    }

    // The id's characters (ASCII bytes or UTF-16 code units), without the header.
    private ReadOnlySpan<byte> IdBytes(int index, out bool utf16)
    {
        var encoded = EncodedId(Record(index).IdOffset);
        var header = encoded[0];
        utf16 = (header & Utf16Id) != 0;
        return encoded[((header & LongId) == LongId ? 3 : 1)..];
    }

    // The stored form of an id, header included: its bytes are equal exactly when the ids are (the encoding is canonical).
    private ReadOnlySpan<byte> EncodedId(int offset)
    {
        var ids = IdBlock;
        var header = ids[offset];
        var length = header & LongId;
        var headerLength = 1;
        if (length == LongId)
        {
            length = ids[offset + 1] | (ids[offset + 2] << 8);
            headerLength = 3;
        }

        return ids.Slice(offset, headerLength + ((header & Utf16Id) != 0 ? length * 2 : length));
    }

    // Room for the stored form of an id of `length` characters (the stack buffer is zeroed on every call: sized to the
    // id, not the longest one).
    private static int EncodedCapacity(int length) => Math.Min(3 + (2 * length), MaxEncodedId);

    // ASCII ids one byte per character, others as UTF-16 (two bytes per code unit, lone surrogates included), after a
    // header byte: bit 7 = UTF-16, bits 0-6 = length in characters, or 127 and the length in the next two bytes.
    private static int Encode(string id, Span<byte> target) => Encode(id, Ascii.IsValid(id), target);

    private static int Encode(ReadOnlySpan<char> id, bool ascii, Span<byte> target)
    {
        var header = id.Length < LongId ? 1 : 3;
        var flag = ascii ? (byte)0 : Utf16Id;
        if (header == 1)
        {
            target[0] = (byte)(flag | id.Length);
        }
        else
        {
            target[0] = (byte)(flag | LongId);
            target[1] = (byte)id.Length;
            target[2] = (byte)(id.Length >> 8);
        }

        if (ascii)
        {
            Ascii.FromUtf16(id, target[header..], out _);
            return header + id.Length;
        }

        MemoryMarshal.AsBytes(id).CopyTo(target[header..]);
        return header + (id.Length * 2);
    }

    private static int Hash(ReadOnlySpan<byte> encoded)
    {
        var hash = default(HashCode);
        hash.AddBytes(encoded);
        return hash.ToHashCode();
    }

    private void Insert(in PackedInteraction interaction, ReadOnlySpan<byte> encodedId, int position)
    {
        if (Count == _capacity)
        {
            Grow(); // first, so the id goes into the grown block (and a new log allocates once)
        }

        var record = new InteractionRecord
        {
            UtcTicks = interaction.Timestamp.UtcTicks,
            IdOffset = AppendId(encodedId),
            OffsetMinutes = (short)(interaction.Timestamp.Offset.Ticks / TimeSpan.TicksPerMinute),
            WaitMilliseconds = -1,
        };
        (record.Outcome, record.Csat, record.Nps, record.Ces) = (interaction.Outcome, interaction.Csat, interaction.Nps, interaction.Ces);
        var waitTicks = interaction.WaitTicks;
        var extras = interaction.Extras;
        if (waitTicks >= 0)
        {
            var milliseconds = waitTicks / TimeSpan.TicksPerMillisecond;
            if (waitTicks % TimeSpan.TicksPerMillisecond == 0 && milliseconds <= int.MaxValue)
            {
                record.WaitMilliseconds = (int)milliseconds;
            }
            else
            {
                (extras = OwnCopy(extras, interaction)).WaitTicks = waitTicks;
                record.Flags |= WaitInExtras;
            }
        }

        if (Vocabulary.Kinds.TryGetIndex(interaction.Kind, out var kind))
        {
            record.Kind = (ushort)kind;
            record.Flags |= InteractionKinds.IsContactKind(kind) ? Contact : (byte)0;
        }
        else
        {
            (extras = OwnCopy(extras, interaction)).Kind = interaction.Kind;
            record.Flags |= (byte)(KindInExtras | (InteractionKinds.IsContact(interaction.Kind) ? Contact : 0));
        }

        if (Vocabulary.Channels.TryGetIndex(interaction.Channel.Name, out var channel))
        {
            record.Channel = (ushort)channel;
        }
        else
        {
            (extras = OwnCopy(extras, interaction)).Channel = interaction.Channel.Name;
            record.Flags |= ChannelInExtras;
        }

        if (interaction.Touchpoint is { } touchpoint)
        {
            // Int-sized: the table cannot fill up before memory does.
            Vocabulary.Touchpoints.TryGetIndex(touchpoint.Value, out record.Touchpoint);
        }

        if (extras is not null)
        {
            _extras ??= new InteractionExtras?[_capacity];
            record.Flags |= HasExtras;
        }

        if (position < Count)
        {
            var records = RecordBlock;
            records[position..Count].CopyTo(records[(position + 1)..]);
            if (_extras is not null)
            {
                Array.Copy(_extras, position, _extras, position + 1, Count - position);
            }
        }

        record.ContactBack = position == 0 ? (byte)0 : ContactBackAfter(Record(position - 1));
        Record(position) = record;
        if (_extras is not null)
        {
            _extras[position] = extras;
        }

        Count++;
        if (position < Count - 1)
        {
            // A late arrival: the records after it now count back across one more record (and it may be a contact),
            // up to the first contact after it; the links beyond that one count back to it and are unchanged.
            var records = RecordBlock[..Count];
            for (var i = position + 1; i < records.Length; i++)
            {
                records[i].ContactBack = ContactBackAfter(records[i - 1]);
                if ((records[i].Flags & Contact) != 0)
                {
                    break;
                }
            }
        }
    }

    // The ContactBack of the record that follows `previous`.
    private static byte ContactBackAfter(in InteractionRecord previous) =>
        (previous.Flags & Contact) != 0 ? (byte)1
        : previous.ContactBack is 0 or FarContact ? previous.ContactBack
        : (byte)(previous.ContactBack + 1);

    // Grow by half, not double: these arrays are kept for the customer's lifetime. The id block grows with the records
    // (sized by the average id so far), so both have room for the same number of interactions.
    private void Grow()
    {
        if (_capacity == 0)
        {
            Relayout(4, _hashesInBlock, Math.Max(52, _idLength));
            return;
        }

        var capacity = _capacity + Math.Max(2, _capacity / 2);
        if (_extras is not null)
        {
            Array.Resize(ref _extras, capacity);
        }

        var idCapacity = IdBlock.Length;
        var perId = Count == 0 ? 0 : (_idLength + Count - 1) / Count;
        Relayout(capacity, _hashesInBlock, Math.Max(idCapacity, perId * capacity));
    }

    // The block's size for a capacity, with or without the hashes, and room for idCapacity id bytes.
    private static int Layout(int capacity, bool hashes, int idCapacity) => (capacity * (RecordSize + (hashes ? sizeof(int) : 0))) + idCapacity;

    // Moves the records, hashes (when kept) and ids into a new block laid out for `capacity` records. Id offsets are
    // relative to the id region, so they stay valid.
    private void Relayout(int capacity, bool hashes, int idCapacity)
    {
        var records = RecordBlock[..Count];
        var oldHashes = HashBlock[..(_hashesInBlock ? Count : 0)];
        var ids = IdBlock[.._idLength];
        var data = new byte[Layout(capacity, hashes, idCapacity)];
        var recordBytes = capacity * RecordSize;
        MemoryMarshal.AsBytes(records).CopyTo(data);
        if (hashes)
        {
            MemoryMarshal.AsBytes(oldHashes).CopyTo(data.AsSpan(recordBytes));
        }

        ids.CopyTo(data.AsSpan(recordBytes + (hashes ? capacity * sizeof(int) : 0)));
        (_data, _capacity, _hashesInBlock) = (data, capacity, hashes);
    }

    private Span<InteractionRecord> RecordBlock => MemoryMarshal.Cast<byte, InteractionRecord>(_data.AsSpan(0, _capacity * RecordSize));

    private Span<int> HashBlock => _hashesInBlock ? MemoryMarshal.Cast<byte, int>(_data.AsSpan(_capacity * RecordSize, _capacity * sizeof(int))) : default;

    private Span<byte> IdBlock
    {
        get
        {
            var start = _capacity * (RecordSize + (_hashesInBlock ? sizeof(int) : 0));
            return _data.AsSpan(start);
        }
    }

    /// <summary>
    /// Hints that this log is about to take a record: its latest record and the slot after it, its hashes and the end of
    /// its ids. Callable without the owner's lock: fields read while another thread changes them can only point the
    /// hints at the wrong lines (a prefetch never faults), and the hashes hinted are bounded by what the scan reads.
    /// </summary>
    public void PrefetchTail()
    {
        var data = _data;
        var count = Count;
        Prefetch.Bytes(data, Math.Max(0, count - 1) * RecordSize, 2 * RecordSize);
        if (_hashesInBlock)
        {
            Prefetch.Bytes(data, _capacity * RecordSize, Math.Min(count, TableThreshold) * sizeof(int)); // what the duplicate scan reads
        }

        Prefetch.Bytes(data, (_capacity * (RecordSize + (_hashesInBlock ? sizeof(int) : 0))) + _idLength, 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutside(int index, int capacity) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be below the log's capacity {capacity}.");

    // A record by position, bounds-checked against the capacity field rather than an array's length (no header read).
    private ref InteractionRecord Record(int index)
    {
        if ((uint)index >= (uint)_capacity)
        {
            ThrowOutside(index, _capacity);
        }

        return ref Unsafe.Add(ref Unsafe.As<byte, InteractionRecord>(ref MemoryMarshal.GetArrayDataReference(_data)), index);
    }

    // The interaction's shared extras are never changed: a log that needs to add fields copies them first.
    private static InteractionExtras OwnCopy(InteractionExtras? extras, in PackedInteraction interaction) =>
        extras is null ? new InteractionExtras() : ReferenceEquals(extras, interaction.Extras) ? extras.Copy() : extras;

    private int AppendId(ReadOnlySpan<byte> encoded)
    {
        var idCapacity = IdBlock.Length;
        if (_idLength + encoded.Length > idCapacity)
        {
            Relayout(_capacity, _hashesInBlock, Math.Max(_idLength + encoded.Length, idCapacity + (idCapacity / 2)));
        }

        var at = _idLength;
        encoded.CopyTo(IdBlock[at..]);
        _idLength = at + encoded.Length;
        return at;
    }

    // Up to TableThreshold ids: the hashes, parallel to the records, scanned with one vectorised IndexOf. Past it: an
    // open-addressing table of id offsets (which never move), so inserting out of order never invalidates it. An entry
    // is the offset + 1 (0 = empty) in its low 24 bits and the top 8 bits of the id's hash above them, so a probe reads
    // an id (a cache miss) only when those agree; once an offset no longer fits in 24 bits (16 MB of one customer's
    // ids), the table is rebuilt untagged: whole offsets, every probe compares.
    private bool Contains(ReadOnlySpan<byte> encoded, int hash)
    {
        if (_table is { } table)
        {
            var mask = table.Length - 1;
            var (tag, offsets) = _untagged ? (0, -1) : (TableTag(hash), OffsetMask);
            for (var slot = hash & mask; table[slot] != 0; slot = (slot + 1) & mask)
            {
                var entry = table[slot];
                if ((entry & ~offsets) == tag && EncodedId((entry & offsets) - 1).SequenceEqual(encoded))
                {
                    return true;
                }
            }

            return false;
        }

        var hashes = HashBlock[..Count];
        for (var at = hashes.IndexOf(hash); at >= 0;)
        {
            if (EncodedId(Record(at).IdOffset).SequenceEqual(encoded))
            {
                return true;
            }

            var next = hashes[(at + 1)..].IndexOf(hash);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private const int OffsetMask = (1 << 24) - 1;

    private static int TableTag(int hash) => hash & ~OffsetMask;

    private void Index(int position, int hash)
    {
        if (_table is null && Count <= TableThreshold)
        {
            var hashes = HashBlock;
            if (position < Count - 1)
            {
                hashes[position..(Count - 1)].CopyTo(hashes[(position + 1)..]);
            }

            hashes[position] = hash;
            return;
        }

        var offset = Record(position).IdOffset;
        var untag = !_untagged && offset + 1 > OffsetMask;
        if (_table is null || Count * 2 > _table.Length || untag)
        {
            // Built (again) at four times the count, so it stays at most half full and probes stay short.
            _untagged |= untag;
            var table = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Count * 4)];
            for (var i = 0; i < Count; i++)
            {
                if (i != position)
                {
                    Place(table, Hash(EncodedId(Record(i).IdOffset)), Record(i).IdOffset);
                }
            }

            _table = table;
            if (_hashesInBlock)
            {
                Relayout(_capacity, hashes: false, IdBlock.Length);
            }
        }

        Place(_table, hash, offset);
    }

    private void Place(int[] table, int hash, int offset)
    {
        var mask = table.Length - 1;
        var slot = hash & mask;
        while (table[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        table[slot] = _untagged ? offset + 1 : TableTag(hash) | (offset + 1);
    }
}
