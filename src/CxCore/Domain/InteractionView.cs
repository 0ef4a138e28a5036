namespace CxCore.Domain;

/// <summary>
/// Read access to one interaction, wherever it is kept: an <see cref="Interaction"/> object, or a record in the
/// engine's compact per-customer storage, read in place without building an object. Scorers receive interactions as
/// views (<see cref="Scoring.IInteractionScorer.TryScore"/>, <see cref="Scoring.ScoringContext.Earlier"/>), which is
/// what lets the engine keep millions of interactions at about 90 bytes each and score without allocating.
/// </summary>
/// <remarks>
/// <para>The properties are those of <see cref="Interaction"/>, so code written against an interaction reads the same.
/// Every property but <see cref="Id"/> is free of allocations; <see cref="Id"/> builds the id's string when the
/// interaction is kept in compact form, so scorers on the hot path should not need it.</para>
/// <para>A view into compact storage is valid only during the call that received it (the storage changes as
/// interactions arrive): keep <see cref="ToInteraction"/> instead of the view. <c>default(InteractionView)</c> refers
/// to nothing; reading it throws <see cref="InvalidOperationException"/>.</para>
/// </remarks>
/// <example>
/// <code>
/// InteractionView view = interaction;   // an Interaction converts implicitly
/// if (view.Kind == "purchase" &amp;&amp; view.Outcome == InteractionOutcome.Succeeded) { /* … */ }
/// </code>
/// </example>
public readonly struct InteractionView
{
    private readonly Interaction? _interaction;
    private readonly InteractionLog? _log;
    private readonly int _index;

    /// <summary>A view of an interaction object.</summary>
    /// <param name="interaction">The interaction.</param>
    public InteractionView(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        _interaction = interaction;
    }

    /// <summary>A view of a record in compact storage.</summary>
    internal InteractionView(InteractionLog log, int index) => (_log, _index) = (log, index);

    /// <summary>Unique id. Allocates the id's string when the interaction is kept in compact form.</summary>
    public InteractionId Id => _interaction?.Id ?? Log.GetId(_index);

    /// <summary>The customer it belongs to.</summary>
    public CustomerId CustomerId => _interaction?.CustomerId ?? Log.Customer;

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp => _interaction?.Timestamp ?? Log.GetTimestamp(_index);

    /// <summary>The channel it happened on.</summary>
    public Channel Channel => _interaction?.Channel ?? Log.GetChannel(_index);

    /// <summary>What happened.</summary>
    public string Kind => _interaction?.Kind ?? Log.GetKind(_index);

    /// <summary>The touchpoint, when the source names one.</summary>
    public TouchpointId? Touchpoint => _interaction is { } i ? i.Touchpoint : Log.GetTouchpoint(_index);

    /// <summary>Who served the customer, when the source says.</summary>
    public ServiceMode? Mode => _interaction is { } i ? i.Mode : Log.GetExtras(_index)?.Mode;

    /// <summary>How it ended for the customer.</summary>
    public InteractionOutcome Outcome => _interaction?.Outcome ?? (InteractionOutcome)Log[_index].Outcome;

    /// <summary>Survey answers and operational measurements.</summary>
    public InteractionSignals Signals
    {
        get
        {
            if (_interaction is { } i)
            {
                return i.Signals;
            }

            var extras = Log.GetExtras(_index);
            return new InteractionSignals(Csat, Nps, Ces, Wait, extras?.HandlingTime, extras?.Value);
        }
    }

    /// <summary>Free text the customer wrote or said.</summary>
    public string? Text => _interaction is { } i ? i.Text : Log.GetExtras(_index)?.Text;

    /// <summary>Free-form attributes. Never null.</summary>
    public IReadOnlyDictionary<string, string> Attributes =>
        _interaction?.Attributes ?? Log.GetExtras(_index)?.Attributes ?? Domain.Attributes.Empty;

    /// <summary>True for <c>default(InteractionView)</c>, which refers to no interaction.</summary>
    public bool IsEmpty => _interaction is null && _log is null;

    // The signals one at a time and the instant as ticks, for the scorers' hot paths.
    internal int? Csat => _interaction is { } i ? i.Csat : Interaction.Unpack(Log[_index].Csat);

    internal int? Nps => _interaction is { } i ? i.Nps : Interaction.Unpack(Log[_index].Nps);

    internal int? Ces => _interaction is { } i ? i.Ces : Interaction.Unpack(Log[_index].Ces);

    internal TimeSpan? Wait => _interaction is { } i ? i.Wait : Log.GetWait(_index);

    internal long UtcTicks => _interaction?.Timestamp.UtcTicks ?? Log[_index].UtcTicks;

    /// <summary>The kind's <see cref="Vocabulary.Kinds"/> index when it is read from a compact record, else 0 (an object, or a kind the vocabulary had no room for).</summary>
    internal int KindIndex => _interaction is null && (Log[_index].Flags & InteractionLog.KindInExtras) == 0 ? Log[_index].Kind : 0;

    /// <summary>The stored record's <see cref="InteractionRecord.Flags"/>; -1 for a view of an object (or the default view).</summary>
    internal int StoredFlags => _interaction is null && _log is not null ? _log[_index].Flags : -1;

    private InteractionLog Log => _log ?? throw new InvalidOperationException("This InteractionView is the default value and refers to no interaction.");

    /// <summary>A view of <paramref name="interaction"/>.</summary>
    /// <param name="interaction">The interaction.</param>
    public static implicit operator InteractionView(Interaction interaction) => new(interaction);

    /// <summary>The interaction as an object (the same object when the view wraps one; otherwise built, which allocates).</summary>
    /// <returns>The interaction.</returns>
    public Interaction ToInteraction() => _interaction ?? Log.Materialize(_index);

    /// <summary>The same view (for languages without implicit conversions).</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>A view of it.</returns>
    public static InteractionView FromInteraction(Interaction interaction) => new(interaction);

    /// <inheritdoc/>
    public override string ToString() => IsEmpty ? string.Empty : ToInteraction().ToString();
}
