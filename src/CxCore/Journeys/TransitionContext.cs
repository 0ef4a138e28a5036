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
        _interaction = interaction is null ? default : new InteractionView(interaction);
        TimeInStage = timeInStage;
    }

    /// <summary>A context for an interaction read in place (from compact storage): guards that read only <see cref="Outcome"/> and <see cref="Signals"/> allocate nothing.</summary>
    internal TransitionContext(InteractionView interaction, TimeSpan timeInStage)
    {
        _interaction = interaction;
        TimeInStage = timeInStage;
    }

    private readonly InteractionView _interaction;

    /// <summary>A context with no interaction and no time in stage.</summary>
    public static TransitionContext None => default;

    /// <summary>
    /// The interaction that fired the trigger, or null when the trigger was fired directly. Inside the engine the
    /// interaction may be kept in compact form, and then this builds an equal object on every read: guards on a hot
    /// path should prefer <see cref="Outcome"/> and <see cref="Signals"/>, which never allocate.
    /// </summary>
    public Interaction? Interaction => _interaction.IsEmpty ? null : _interaction.ToInteraction();

    /// <summary>How long the customer has been in the current stage when the trigger fires.</summary>
    public TimeSpan TimeInStage { get; }

    /// <summary>The interaction's outcome, or <see cref="InteractionOutcome.Unknown"/> without one.</summary>
    public InteractionOutcome Outcome => _interaction.IsEmpty ? InteractionOutcome.Unknown : _interaction.Outcome;

    /// <summary>The interaction's signals, or none without one.</summary>
    public InteractionSignals Signals => _interaction.IsEmpty ? default : _interaction.Signals;
}
