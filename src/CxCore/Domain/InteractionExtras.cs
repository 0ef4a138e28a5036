namespace CxCore.Domain;

/// <summary>
/// The rarely present fields of an interaction, kept out of line so that the common interaction (no text, no
/// attributes) stays small. Filled while an <see cref="Interaction"/> is initialised and never changed after, so an
/// <see cref="InteractionLog"/> shares the instance instead of copying it.
/// </summary>
internal sealed class InteractionExtras
{
    public ServiceMode? Mode;
    public TimeSpan? HandlingTime;
    public decimal? Value;
    public string? Text;
    public IReadOnlyDictionary<string, string>? Attributes;

    /// <summary>Set only by <see cref="InteractionLog"/>, for a wait its record cannot hold (not whole milliseconds, or over 24 days).</summary>
    public long? WaitTicks;

    /// <summary>Set only by <see cref="InteractionLog"/>, when the process-wide vocabulary of kinds is full.</summary>
    public string? Kind;

    /// <summary>Set only by <see cref="InteractionLog"/>, when the process-wide vocabulary of channels is full.</summary>
    public string? Channel;

    /// <summary>A copy, for a log that needs to add its own fields to an instance an interaction shares.</summary>
    public InteractionExtras Copy() => (InteractionExtras)MemberwiseClone();
}
