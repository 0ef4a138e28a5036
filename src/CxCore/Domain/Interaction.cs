namespace CxCore.Domain;

/// <summary>
/// One thing that happened between a customer and the business, on one channel: an ad seen, a page viewed,
/// a purchase, a support call, a review. Immutable and validated on construction, so an instance is always valid.
/// </summary>
/// <example>
/// <code>
/// var call = new Interaction(new InteractionId("e-1002"), new CustomerId("c-42"),
///     DateTimeOffset.Parse("2024-03-01T09:21:00+00:00"), Channel.Phone, "support_resolved")
/// {
///     Touchpoint = new TouchpointId("support-line"),
///     Outcome = InteractionOutcome.Succeeded,
///     Signals = new InteractionSignals { Csat = 3, Ces = 5, Wait = TimeSpan.FromSeconds(420) },
/// };
/// </code>
/// </example>
public sealed class Interaction
{
    /// <summary>The longest free text accepted, in characters.</summary>
    public const int MaxTextLength = 32_768;

    /// <summary>The longest interaction kind accepted, in characters.</summary>
    public const int MaxKindLength = 64;

    /// <summary>Creates an interaction from its required fields.</summary>
    /// <param name="id">Unique id; also the idempotency key.</param>
    /// <param name="customerId">The customer (or one of their aliases, resolved by the engine).</param>
    /// <param name="timestamp">When it happened, with its UTC offset.</param>
    /// <param name="channel">The channel it happened on.</param>
    /// <param name="kind">What happened, e.g. <c>page_view</c>, <c>purchase</c>, <c>support_request</c>.</param>
    /// <exception cref="ArgumentException">An id or the channel is the default value, or <paramref name="kind"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is the default value.</exception>
    public Interaction(InteractionId id, CustomerId customerId, DateTimeOffset timestamp, Channel channel, string kind)
    {
        Id = id.EnsureNotEmpty(nameof(id));
        CustomerId = customerId.EnsureNotEmpty(nameof(customerId));
        if (timestamp == default)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "timestamp must be set (it was the default value 0001-01-01T00:00:00+00:00).");
        }

        Timestamp = timestamp;
        Channel = channel.EnsureNotEmpty(nameof(channel));
        Kind = ValidateKind(kind);
    }

    /// <summary>
    /// Rebuilds an interaction from its stored parts without validating them again (they were validated when it was
    /// first created): the compact <see cref="InteractionLog"/> materialises interactions through this.
    /// </summary>
    internal Interaction(
        InteractionId id,
        CustomerId customerId,
        DateTimeOffset timestamp,
        Channel channel,
        string kind,
        TouchpointId? touchpoint,
        byte outcome,
        byte csat,
        byte nps,
        byte ces,
        long waitTicks,
        InteractionExtras? extras)
    {
        (Id, CustomerId, Timestamp, Channel, Kind) = (id, customerId, timestamp, channel, kind);
        Touchpoint = touchpoint;
        (_outcome, _csat, _nps, _ces, _waitTicks, _extra) = (outcome, csat, nps, ces, waitTicks, extras);
    }

    // Compact storage: signals packed (+1, 0 for absent), the rarely present fields in one optional object.
    private InteractionExtras? _extra;
    private long _waitTicks = -1;
    private byte _csat;
    private byte _nps;
    private byte _ces;
    private byte _outcome;

    /// <summary>Unique id; recording the same id twice changes nothing.</summary>
    public InteractionId Id { get; }

    /// <summary>The customer it belongs to.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The channel it happened on.</summary>
    public Channel Channel { get; }

    /// <summary>What happened (the classifier maps kinds to journey triggers).</summary>
    public string Kind { get; }

    /// <summary>The touchpoint, when the source names one.</summary>
    public TouchpointId? Touchpoint
    {
        get;
        init => field = value is { } t ? t.EnsureNotEmpty(nameof(Touchpoint)) : null;
    }

    /// <summary>Who served the customer, when the source says; otherwise the channel's default applies.</summary>
    public ServiceMode? Mode
    {
        get => _extra?.Mode;
        init
        {
            if (value is { } m)
            {
                DomainGuards.EnsureDefined(m, "mode");
                Extra.Mode = m;
            }
            else if (_extra is not null)
            {
                _extra.Mode = null;
            }
        }
    }

    /// <summary>How it ended for the customer.</summary>
    public InteractionOutcome Outcome
    {
        get => (InteractionOutcome)_outcome;
        init
        {
            DomainGuards.EnsureDefined(value, "outcome");
            _outcome = (byte)value;
        }
    }

    /// <summary>Survey answers and operational measurements.</summary>
    public InteractionSignals Signals
    {
        get => new(
            Csat,
            Nps,
            Ces,
            _waitTicks < 0 ? null : new TimeSpan(_waitTicks),
            _extra?.HandlingTime,
            _extra?.Value);
        init
        {
            // Validated by InteractionSignals: CSAT 1–5, NPS 0–10, CES 1–7 fit a byte (+1, 0 for absent), durations are non-negative.
            _csat = (byte)(value.Csat + 1 ?? 0);
            _nps = (byte)(value.Nps + 1 ?? 0);
            _ces = (byte)(value.Ces + 1 ?? 0);
            _waitTicks = value.Wait?.Ticks ?? -1;
            if (value.HandlingTime is not null || value.Value is not null || _extra is not null)
            {
                Extra.HandlingTime = value.HandlingTime;
                Extra.Value = value.Value;
            }
        }
    }

    // The signals one at a time, for the scorers' hot paths: reading Signals builds the whole struct.
    internal int? Csat => Unpack(_csat);

    internal int? Nps => Unpack(_nps);

    internal int? Ces => Unpack(_ces);

    /// <summary>A survey answer as packed here and in <see cref="InteractionRecord"/>: the value + 1, 0 for none.</summary>
    internal static int? Unpack(byte packed) => packed == 0 ? null : packed - 1;

    internal TimeSpan? Wait => _waitTicks < 0 ? null : new TimeSpan(_waitTicks);

    /// <summary>The packed fields, as <see cref="InteractionLog"/> stores them.</summary>
    internal (byte Outcome, byte Csat, byte Nps, byte Ces, long WaitTicks) Packed => (_outcome, _csat, _nps, _ces, _waitTicks);

    /// <summary>The rarely present fields (mode, handling time, value, text, attributes), or null when none is set. Never changed after initialisation, so it can be shared.</summary>
    internal InteractionExtras? Extras => _extra;

    /// <summary>Free text the customer wrote or said (review, chat message, call note).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Longer than <see cref="MaxTextLength"/>.</exception>
    public string? Text
    {
        get => _extra?.Text;
        init
        {
            if (value is { Length: > MaxTextLength })
            {
                throw new ArgumentOutOfRangeException("text", value.Length, $"text must be at most {MaxTextLength} characters, but was {value.Length}.");
            }

            if (value is not null || _extra is not null)
            {
                Extra.Text = value;
            }
        }
    }

    /// <summary>
    /// Free-form attributes (region, campaign, order id …). Never null. A read-only copy taken at initialisation, in the
    /// order the source enumerated them; keys are compared ordinally. A frozen copy passed to another interaction is
    /// shared, not copied again.
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => _extra?.Attributes ?? Domain.Attributes.Empty;
        init
        {
            var frozen = Domain.Attributes.Freeze(value, "attributes");
            if (!ReferenceEquals(frozen, Domain.Attributes.Empty) || _extra is not null)
            {
                Extra.Attributes = frozen;
            }
        }
    }

    /// <summary>The rarely present fields, allocated only when one is set (set during initialisation only).</summary>
    private InteractionExtras Extra => _extra ??= new InteractionExtras();

    /// <summary>A copy filed under another customer (identity resolution, merges, pseudonymisation); every other field is kept.</summary>
    internal Interaction WithCustomer(CustomerId customerId) =>
        new(Id, customerId, Timestamp, Channel, Kind, Touchpoint, _outcome, _csat, _nps, _ces, _waitTicks, _extra);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Id} {Timestamp:O} {CustomerId} {Channel}/{Kind}{(Touchpoint is { } t ? "@" + t : string.Empty)} {Outcome}";

    internal static string ValidateKind(string kind)
    {
        IdText.Validate(kind, "kind", nameof(kind));
        if (kind.Length > MaxKindLength)
        {
            throw new ArgumentException($"kind must be at most {MaxKindLength} characters, but was {kind.Length} characters long.", nameof(kind));
        }

        return kind;
    }
}
