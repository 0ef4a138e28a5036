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
    private readonly List<StageVisit>? _history;
    private readonly bool _keepEntryIds;
    private StagePosition _position;

    // A cursor at the initial stage, entered at `start`, keeping every visit or only the current one (with or without
    // the id of the interaction that entered it).
    private JourneyCursor(JourneyDefinition definition, DateTimeOffset start, CursorKeeps keeps)
    {
        _definition = definition;
        _position = StagePosition.Start(definition, start);
        _history = keeps == CursorKeeps.History ? [_position.Current(definition)] : null;
        _keepEntryIds = keeps != CursorKeeps.CurrentStage;
    }

    /// <summary>Where the journey stands, as a value (the engine keeps it inline in its live journey).</summary>
    public StagePosition Position => _position;

    /// <summary>Every visit, oldest first; only for a cursor that keeps its history.</summary>
    public List<StageVisit> History => _history ?? throw new InvalidOperationException("This cursor keeps only its current visit.");

    /// <summary>
    /// A cursor that has applied <paramref name="ordered"/>, which must already be in replay order
    /// (<see cref="JourneyProjector.CompareForReplay"/>); the journey starts at the first interaction, or at
    /// <paramref name="startIfEmpty"/> when there is none. Every visit the replay enters is also added to
    /// <paramref name="entered"/> when given (the engine collects a record's stage changes).
    /// </summary>
    public static JourneyCursor Replay(
        TriggerTable triggers,
        ReadOnlySpan<Interaction> ordered,
        DateTimeOffset startIfEmpty,
        CursorKeeps keeps = CursorKeeps.History,
        List<StageVisit>? entered = null)
    {
        var definition = triggers.Definition;
        var cursor = new JourneyCursor(definition, ordered.Length > 0 ? ordered[0].Timestamp : startIfEmpty, keeps);
        var visits = new VisitSinks(cursor._history, entered, cursor._keepEntryIds);
        foreach (var interaction in ordered)
        {
            cursor._position.Apply(triggers, interaction, visits);
        }

        return cursor;
    }

    /// <summary>Applies every inactivity timeout that fires up to <paramref name="until"/>.</summary>
    public void AdvanceTo(DateTimeOffset until) => _position.AdvanceTo(_definition, until, new VisitSinks(_history, null, _keepEntryIds));
}
