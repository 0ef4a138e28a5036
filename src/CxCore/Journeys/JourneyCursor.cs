using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Walks one customer's journey forward in time: applies inactivity timeouts, classifies and fires each interaction,
/// and keeps the stage history: a <see cref="StagePosition"/> with the lists its walk fills. Interactions must be
/// applied in time order (ties by id). Used by <see cref="JourneyProjector"/> (a replay, keeping every visit) and by
/// the engine's replays (load, late arrival, merge), whose <see cref="Position"/> the live journey then keeps inline.
/// Not thread-safe.
/// </summary>
internal sealed class JourneyCursor
{
    private readonly JourneyDefinition _definition;
    private readonly IInteractionClassifier _classifier;
    private readonly List<StageVisit>? _history;
    private readonly bool _keepEntryIds;
    private StagePosition _position;

    /// <summary>A cursor at the initial stage, entered at <paramref name="start"/>.</summary>
    /// <param name="definition">The journey's stages and transitions.</param>
    /// <param name="classifier">Maps interactions to triggers.</param>
    /// <param name="start">When the journey starts.</param>
    /// <param name="keeps">Every visit (<see cref="History"/>), or only <see cref="Current"/>, with or without the id of the interaction that entered it.</param>
    public JourneyCursor(JourneyDefinition definition, IInteractionClassifier classifier, DateTimeOffset start, CursorKeeps keeps = CursorKeeps.History)
    {
        _definition = definition;
        _classifier = classifier;
        _position = StagePosition.Start(definition, start);
        _history = keeps == CursorKeeps.History ? [_position.Current(definition)] : null;
        _keepEntryIds = keeps != CursorKeeps.CurrentStage;
    }

    public StageIndex Stage => _position.Stage;

    /// <summary>Where the journey stands, as a value (the engine keeps it inline in its live journey).</summary>
    public StagePosition Position => _position;

    /// <summary>Every visit, oldest first; only for a cursor that keeps its history.</summary>
    public List<StageVisit> History => _history ?? throw new InvalidOperationException("This cursor keeps only its current visit.");

    /// <summary>The visit in progress (without its <see cref="StageVisit.InteractionId"/> for a <see cref="CursorKeeps.CurrentStage"/> cursor).</summary>
    public StageVisit Current => _position.Current(_definition);

    /// <summary>When set, every visit entered from now on is also added here (the engine collects a record's stage changes).</summary>
    public List<StageVisit>? Entered { get; set; }

    public DateTimeOffset? LastActivity => _position.LastActivity;

    /// <summary>
    /// A cursor that has applied <paramref name="ordered"/>, which must already be in replay order
    /// (<see cref="JourneyProjector.CompareForReplay"/>); the journey starts at the first interaction, or at
    /// <paramref name="startIfEmpty"/> when there is none.
    /// </summary>
    public static JourneyCursor Replay(
        JourneyDefinition definition,
        IInteractionClassifier classifier,
        ReadOnlySpan<Interaction> ordered,
        DateTimeOffset startIfEmpty,
        CursorKeeps keeps = CursorKeeps.History,
        List<StageVisit>? entered = null)
    {
        var cursor = new JourneyCursor(definition, classifier, ordered.Length > 0 ? ordered[0].Timestamp : startIfEmpty, keeps) { Entered = entered };
        foreach (var interaction in ordered)
        {
            cursor.Apply(interaction);
        }

        cursor.Entered = null;
        return cursor;
    }

    /// <summary>Applies <paramref name="interaction"/>: timeouts up to its instant, then the trigger it fires.</summary>
    public void Apply(Interaction interaction) => _position.Apply(_definition, _classifier, interaction, Sinks);

    /// <summary>Applies every inactivity timeout that fires up to <paramref name="until"/>.</summary>
    public void AdvanceTo(DateTimeOffset until) => _position.AdvanceTo(_definition, until, Sinks);

    private VisitSinks Sinks => new(_history, Entered, _keepEntryIds);
}
