namespace CxCore.Domain;

/// <summary>One stay of a customer in a journey stage: when it began, when it ended (if it has), and what caused it.</summary>
public readonly record struct StageVisit
{
    /// <summary>Creates a visit.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="enteredAt">When the customer entered it.</param>
    /// <param name="exitedAt">When the customer left it, or null while they are still in it.</param>
    /// <param name="reason">Why the customer entered it.</param>
    /// <param name="trigger">The trigger that moved the customer here, when <paramref name="reason"/> is <see cref="StageEntryReason.Trigger"/>.</param>
    /// <param name="interactionId">The interaction that fired <paramref name="trigger"/>, when there was one.</param>
    /// <exception cref="ArgumentException">Default stage, exit before entry, or a trigger that does not match the reason.</exception>
    public StageVisit(
        JourneyStage stage,
        DateTimeOffset enteredAt,
        DateTimeOffset? exitedAt,
        StageEntryReason reason,
        JourneyTrigger? trigger = null,
        InteractionId? interactionId = null)
    {
        Stage = stage.EnsureNotEmpty(nameof(stage));
        if (exitedAt < enteredAt)
        {
            throw new ArgumentException($"exitedAt ({exitedAt:O}) must not be before enteredAt ({enteredAt:O}) for stage '{stage}'.", nameof(exitedAt));
        }

        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "reason must be Initial, Trigger or Inactivity.");
        }

        if ((reason == StageEntryReason.Trigger) != trigger.HasValue)
        {
            throw new ArgumentException($"A trigger must be given exactly when reason is Trigger (reason was {reason}, trigger was '{trigger}').", nameof(trigger));
        }

        EnteredAt = enteredAt;
        ExitedAt = exitedAt;
        Reason = reason;
        Trigger = trigger?.EnsureNotEmpty(nameof(trigger));
        InteractionId = interactionId?.EnsureNotEmpty(nameof(interactionId));
    }

    /// <summary>The stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>When the customer entered the stage.</summary>
    public DateTimeOffset EnteredAt { get; }

    /// <summary>When the customer left the stage; null while they are still in it.</summary>
    public DateTimeOffset? ExitedAt { get; }

    /// <summary>Why the customer entered the stage.</summary>
    public StageEntryReason Reason { get; }

    /// <summary>The trigger that moved the customer here, for <see cref="StageEntryReason.Trigger"/>.</summary>
    public JourneyTrigger? Trigger { get; }

    /// <summary>The interaction that fired <see cref="Trigger"/>, when known.</summary>
    public InteractionId? InteractionId { get; }

    /// <summary>How long the visit lasted, or null while it is open.</summary>
    public TimeSpan? Duration => ExitedAt - EnteredAt;

    /// <summary>Time spent in the stage as of <paramref name="asOf"/> (for an open visit, up to that instant; never negative).</summary>
    /// <param name="asOf">The instant to measure up to when the visit is open.</param>
    /// <returns>The time in stage.</returns>
    public TimeSpan TimeInStage(DateTimeOffset asOf)
    {
        var end = ExitedAt ?? asOf;
        return end > EnteredAt ? end - EnteredAt : TimeSpan.Zero;
    }

    internal StageVisit Close(DateTimeOffset exitedAt) => new(Stage, EnteredAt, exitedAt, Reason, Trigger, InteractionId);
}
