namespace CxCore.Domain;

/// <summary>
/// The rarely present fields of an interaction, kept out of line so that the common interaction (no text, no
/// attributes) stays small. Filled while an <see cref="Interaction"/> is initialised and never changed after, so an
/// <see cref="InteractionLog"/> shares the instance instead of copying it.
/// </summary>
internal sealed class InteractionExtras
{
    // 88 bytes with the object header instead of 112 with nullable fields: the store keeps one per interaction that has
    // any of these, for as long as it keeps the interaction. "Absent" is a flag for the value and the mode, -1 ticks
    // for the durations (never negative when present).
    private const byte HasMode = 1;
    private const byte HasValue = 2;

    private decimal _value;
    private long _handlingTicks = -1;
    private long _waitTicks = -1;
    private byte _present;
    private ServiceMode _mode;

    public ServiceMode? Mode
    {
        get => (_present & HasMode) != 0 ? _mode : null;
        set => (_mode, _present) = value is { } m ? (m, (byte)(_present | HasMode)) : (default, (byte)(_present & ~HasMode));
    }

    public TimeSpan? HandlingTime
    {
        get => _handlingTicks < 0 ? null : new TimeSpan(_handlingTicks);
        set => _handlingTicks = value?.Ticks ?? -1;
    }

    public decimal? Value
    {
        get => (_present & HasValue) != 0 ? _value : null;
        set => (_value, _present) = value is { } v ? (v, (byte)(_present | HasValue)) : (default, (byte)(_present & ~HasValue));
    }

    public string? Text { get; set; }

    public IReadOnlyDictionary<string, string>? Attributes { get; set; }

    /// <summary>Set only by <see cref="InteractionLog"/>, for a wait its record cannot hold (not whole milliseconds, or over 24 days).</summary>
    public long? WaitTicks
    {
        get => _waitTicks < 0 ? null : _waitTicks;
        set => _waitTicks = value ?? -1;
    }

    /// <summary>Set only by <see cref="InteractionLog"/>, when the process-wide vocabulary of kinds is full.</summary>
    public string? Kind { get; set; }

    /// <summary>Set only by <see cref="InteractionLog"/>, when the process-wide vocabulary of channels is full.</summary>
    public string? Channel { get; set; }

    /// <summary>A copy, for a log that needs to add its own fields to an instance an interaction shares.</summary>
    public InteractionExtras Copy() => (InteractionExtras)MemberwiseClone();
}
