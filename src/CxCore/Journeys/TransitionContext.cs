using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// What a transition guard may look at when a trigger fires: the interaction that fired it (if any), when, and how
/// long the customer has been in the current stage. A small struct passed by reference, so firing does not allocate.
/// </summary>
public readonly struct TransitionContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="interaction">The interaction that fired the trigger, or null when fired directly.</param>
    /// <param name="timeInStage">How long the customer has been in the current stage.</param>
    public TransitionContext(Interaction? interaction, TimeSpan timeInStage)
    {
        Interaction = interaction;
        TimeInStage = timeInStage;
    }

    /// <summary>A context with no interaction and no time in stage.</summary>
    public static TransitionContext None => default;

    /// <summary>The interaction that fired the trigger, or null when the trigger was fired directly.</summary>
    public Interaction? Interaction { get; }

    /// <summary>How long the customer has been in the current stage when the trigger fires.</summary>
    public TimeSpan TimeInStage { get; }

    /// <summary>The interaction's outcome, or <see cref="InteractionOutcome.Unknown"/> without one.</summary>
    public InteractionOutcome Outcome => Interaction?.Outcome ?? InteractionOutcome.Unknown;

    /// <summary>The interaction's signals, or none without one.</summary>
    public InteractionSignals Signals => Interaction?.Signals ?? default;
}
