using System.Text;

namespace CxCore.Domain;

/// <summary>
/// One interaction as the reader produces it for the engine's bulk path (<see cref="InteractionBatch"/>): every field of
/// an <see cref="Interaction"/>, validated, but the two ids as UTF-8 bytes in the batch instead of strings, so a line
/// can go from the input to a customer's <see cref="InteractionLog"/> without an object or a string of its own (only
/// the rare fields, text and attributes, are objects). <see cref="ToInteraction"/> builds the object when one is needed.
/// </summary>
internal struct PackedInteraction
{
    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp;

    /// <summary>What happened (a shared string: the reader keeps one per distinct kind).</summary>
    public string Kind;

    /// <summary>The channel.</summary>
    public Channel Channel;

    /// <summary>The touchpoint, if any.</summary>
    public TouchpointId? Touchpoint;

    /// <summary>The rare fields (mode, handling time, value, text, attributes), or null; never changed once packed.</summary>
    public InteractionExtras? Extras;

    /// <summary>The wait in ticks; -1 for none.</summary>
    public long WaitTicks;

    /// <summary>The input line (1-based; 0 when not read from lines).</summary>
    public long LineNumber;

    /// <summary>Where the id's UTF-8 bytes are in <see cref="InteractionBatch.Bytes"/>.</summary>
    public int IdStart;

    /// <summary>The id's length in bytes.</summary>
    public int IdLength;

    /// <summary>Where the customer id's UTF-8 bytes are in <see cref="InteractionBatch.Bytes"/>.</summary>
    public int CustomerStart;

    /// <summary>The customer id's length in bytes.</summary>
    public int CustomerLength;

    /// <summary><see cref="InteractionOutcome"/>.</summary>
    public byte Outcome;

    /// <summary>CSAT + 1, 0 for none.</summary>
    public byte Csat;

    /// <summary>NPS + 1, 0 for none.</summary>
    public byte Nps;

    /// <summary>CES + 1, 0 for none.</summary>
    public byte Ces;

    /// <summary>Whether the id is ASCII (one byte per character).</summary>
    public bool IdIsAscii;

    /// <summary>Whether the customer id is ASCII.</summary>
    public bool CustomerIsAscii;

    /// <summary>The fields of <paramref name="interaction"/>, without the ids (the caller encodes those).</summary>
    public static PackedInteraction From(Interaction interaction)
    {
        var (outcome, csat, nps, ces, waitTicks) = interaction.Packed;
        return new PackedInteraction
        {
            Timestamp = interaction.Timestamp,
            Kind = interaction.Kind,
            Channel = interaction.Channel,
            Touchpoint = interaction.Touchpoint,
            Extras = interaction.Extras,
            WaitTicks = waitTicks,
            Outcome = outcome,
            Csat = csat,
            Nps = nps,
            Ces = ces,
        };
    }

    /// <summary>The id's bytes in <paramref name="bytes"/>.</summary>
    public readonly ReadOnlySpan<byte> Id(ReadOnlySpan<byte> bytes) => bytes.Slice(IdStart, IdLength);

    /// <summary>The customer id's bytes in <paramref name="bytes"/>.</summary>
    public readonly ReadOnlySpan<byte> Customer(ReadOnlySpan<byte> bytes) => bytes.Slice(CustomerStart, CustomerLength);

    /// <summary>The id as a string (allocates).</summary>
    public readonly InteractionId IdValue(ReadOnlySpan<byte> bytes) => InteractionId.Trusted(Decode(Id(bytes), IdIsAscii));

    /// <summary>The customer id as a string (allocates).</summary>
    public readonly CustomerId CustomerValue(ReadOnlySpan<byte> bytes) => CustomerId.Trusted(Decode(Customer(bytes), CustomerIsAscii));

    /// <summary>The interaction as an object, equal field by field to one built from the same values (allocates).</summary>
    public readonly Interaction ToInteraction(ReadOnlySpan<byte> bytes) =>
        new(IdValue(bytes), CustomerValue(bytes), Timestamp, Channel, Kind, Touchpoint, Outcome, Csat, Nps, Ces, WaitTicks, Extras);

    private static string Decode(ReadOnlySpan<byte> utf8, bool ascii) => ascii ? Encoding.ASCII.GetString(utf8) : Encoding.UTF8.GetString(utf8);
}
