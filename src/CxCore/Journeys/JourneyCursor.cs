using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Walks one customer's journey forward in time: applies inactivity timeouts, classifies and fires each interaction,
/// and keeps the stage history. Interactions must be applied in time order (ties by id). Shared by
/// <see cref="JourneyProjector"/> (a replay, keeping every visit) and the engine (one cursor per live journey, keeping
/// only the current visit: full histories are rebuilt by replay when asked for). Not thread-safe.
/// </summary>
internal sealed class JourneyCursor
{
    private readonly JourneyDefinition _definition;
    private readonly IInteractionClassifier _classifier;
    private readonly List<StageVisit>? _history;
    private readonly bool _dropEntryIds;
    private StageVisit _current;

    /// <summary>A cursor at the initial stage, entered at <paramref name="start"/>.</summary>
    /// <param name="definition">The journey's stages and transitions.</param>
    /// <param name="classifier">Maps interactions to triggers.</param>
    /// <param name="start">When the journey starts.</param>
    /// <param name="keeps">Every visit (<see cref="History"/>), or only <see cref="Current"/>, with or without the id of the interaction that entered it.</param>
    public JourneyCursor(JourneyDefinition definition, IInteractionClassifier classifier, DateTimeOffset start, CursorKeeps keeps = CursorKeeps.History)
    {
        _definition = definition;
        _classifier = classifier;
        Stage = definition.InitialStageIndex;
        _current = new StageVisit(definition.InitialStage, start, null, StageEntryReason.Initial);
        _history = keeps == CursorKeeps.History ? [_current] : null;
        _dropEntryIds = keeps == CursorKeeps.CurrentStage;
    }

    private JourneyCursor(JourneyCursor other)
    {
        _definition = other._definition;
        _classifier = other._classifier;
        Stage = other.Stage;
        _current = other._current;
        _history = other._history is null ? null : [.. other._history];
        _dropEntryIds = other._dropEntryIds;
        LastActivity = other.LastActivity;
    }

    public StageIndex Stage { get; private set; }

    /// <summary>Every visit, oldest first; only for a cursor that keeps its history.</summary>
    public List<StageVisit> History => _history ?? throw new InvalidOperationException("This cursor keeps only its current visit.");

    /// <summary>The visit in progress (without its <see cref="StageVisit.InteractionId"/> for a <see cref="CursorKeeps.CurrentStage"/> cursor).</summary>
    public StageVisit Current => _current;

    /// <summary>When set, every visit entered from now on is also added here (the engine collects a record's stage changes).</summary>
    public List<StageVisit>? Entered { get; set; }

    public DateTimeOffset? LastActivity { get; private set; }

    public JourneyDefinition Definition => _definition;

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

    /// <summary>An independent copy, e.g. to look at the stage as of a later instant without changing this one.</summary>
    public JourneyCursor Clone() => new(this);

    /// <summary>Applies <paramref name="interaction"/>: timeouts up to its instant, then the trigger it fires.</summary>
    public void Apply(Interaction interaction)
    {
        AdvanceTo(interaction.Timestamp);
        LastActivity = interaction.Timestamp;
        if (!_classifier.TryClassify(interaction, out var trigger) || !_definition.TryGetTriggerIndex(trigger, out var triggerIndex))
        {
            return;
        }

        var context = new TransitionContext(interaction, _current.TimeInStage(interaction.Timestamp));
        if (_definition.TryFire(Stage, triggerIndex, in context, out var next) && next != Stage)
        {
            Enter(next, interaction.Timestamp, StageEntryReason.Trigger, trigger, interaction.Id);
        }
    }

    /// <summary>Applies every inactivity timeout that fires up to <paramref name="until"/>.</summary>
    public void AdvanceTo(DateTimeOffset until)
    {
        if (LastActivity is not { } last)
        {
            return;
        }

        while (_definition.TryGetTimeout(Stage, out var after, out var target))
        {
            var enteredAt = _current.EnteredAt;
            if (FiresAt(last > enteredAt ? last : enteredAt, after, until) is not { } firesAt)
            {
                break;
            }

            Enter(target, firesAt, StageEntryReason.Inactivity, null, null);
        }
    }

    // When a timeout counted from `from` fires, or null when that is after `until`. Compares differences rather than
    // adding first, so a long timeout or a timestamp near year 9999 means "never" instead of an overflow exception.
    private static DateTimeOffset? FiresAt(DateTimeOffset from, TimeSpan after, DateTimeOffset until)
    {
        if (until - from < after)
        {
            return null;
        }

        // At or before `until`, so representable in UTC; only the local clock of a positive offset can still overflow.
        return from.DateTime.Ticks + after.Ticks <= DateTime.MaxValue.Ticks
            ? from + after
            : new DateTimeOffset(from.UtcTicks + after.Ticks, TimeSpan.Zero);
    }

    private void Enter(StageIndex stage, DateTimeOffset at, StageEntryReason reason, JourneyTrigger? trigger, InteractionId? interactionId)
    {
        var dropId = _dropEntryIds && interactionId is not null;
        var next = new StageVisit(_definition.GetStage(stage), at, null, reason, trigger, dropId ? null : interactionId);
        if (_history is { } history)
        {
            history[^1] = _current.Close(at);
            history.Add(next);
        }

        Entered?.Add(dropId ? new StageVisit(next.Stage, at, null, reason, trigger, interactionId) : next);
        _current = next;
        Stage = stage;
    }
}
