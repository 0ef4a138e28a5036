namespace CxCore.Domain;

/// <summary>
/// One interaction as <see cref="InteractionLog"/> keeps it: 32 bytes, no references. Strings are indexes into the
/// process-wide <see cref="Vocabulary"/> tables or (the id) an offset into the log's id bytes; signals are packed;
/// anything rare lives in the log's side table, an array beside the records.
/// </summary>
internal struct InteractionRecord
{
    /// <summary><see cref="DateTimeOffset.UtcTicks"/> of the timestamp.</summary>
    public long UtcTicks;

    /// <summary>Where the id starts in the log's id bytes.</summary>
    public int IdOffset;

    /// <summary><see cref="Vocabulary.Touchpoints"/> index, 0 for none.</summary>
    public int Touchpoint;

    /// <summary>The wait in whole milliseconds; -1 for none (or, with <see cref="InteractionLog.WaitInExtras"/>, kept in the side table).</summary>
    public int WaitMilliseconds;

    /// <summary><see cref="Vocabulary.Kinds"/> index (0 when kept in the side table).</summary>
    public ushort Kind;

    /// <summary><see cref="Vocabulary.Channels"/> index (0 when kept in the side table).</summary>
    public ushort Channel;

    /// <summary>The timestamp's UTC offset in minutes.</summary>
    public short OffsetMinutes;

    /// <summary><see cref="InteractionOutcome"/>.</summary>
    public byte Outcome;

    /// <summary>CSAT + 1, 0 for none.</summary>
    public byte Csat;

    /// <summary>NPS + 1, 0 for none.</summary>
    public byte Nps;

    /// <summary>CES + 1, 0 for none.</summary>
    public byte Ces;

    /// <summary><see cref="InteractionLog"/> flags: which fields live in the side table.</summary>
    public byte Flags;

    /// <summary>
    /// How many records back the nearest earlier contact is (<see cref="InteractionKinds"/>): 0 when there is none,
    /// <see cref="InteractionLog.FarContact"/> when it is that far or further (step back one record at a time). With the
    /// <see cref="InteractionLog.Contact"/> flag, a scan for earlier contacts skips every record that is not one.
    /// </summary>
    public byte ContactBack;
}
