using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Where one customer's journey stands: the current stage, when and how it was entered, and the last activity. A
/// compact value (about 56 bytes) that walks forward in time: <see cref="Apply"/> applies inactivity timeouts up to an
/// interaction's instant, then the trigger it fires. The engine keeps one inline in each live journey (no object of its
/// own); <see cref="JourneyCursor"/> wraps one for replays that keep every visit. <c>default</c> is "no journey yet"
/// (<see cref="IsStarted"/> false). Not thread-safe.
/// </summary>
internal struct StagePosition
{
    private DateTimeOffset _enteredAt;
    private DateTimeOffset _lastActivity;
    private InteractionId _enteringId; // default: not kept, or entered by a timeout / at the start
    private StageIndex _stage;
    private int _trigger; // index into JourneyDefinition.Triggers; -1 when not entered by a trigger
    private StageEntryReason _reason;
    private bool _active;
    private bool _started;

    /// <summary>A journey at the initial stage of <paramref name="definition"/>, entered at <paramref name="start"/>.</summary>
    public static StagePosition Start(JourneyDefinition definition, DateTimeOffset start) => new()
    {
        _stage = definition.InitialStageIndex,
        _enteredAt = start,
        _reason = StageEntryReason.Initial,
        _trigger = -1,
        _started = true,
    };

    /// <summary>False for <c>default</c>: no journey yet.</summary>
    public readonly bool IsStarted => _started;

    /// <summary>The current stage.</summary>
    public readonly StageIndex Stage => _stage;

    /// <summary>
    /// The visit in progress (with the id of the interaction that entered it only when the walk kept it: see
    /// <see cref="Apply"/>).
    /// </summary>
    public readonly StageVisit Current(JourneyDefinition definition) =>
        Visit(definition, _stage, _enteredAt, _reason, _trigger, _enteringId.IsEmpty ? null : _enteringId);

    /// <summary>Applies <paramref name="interaction"/>: timeouts up to its instant, then the trigger it fires.</summary>
    /// <param name="triggers">The journey's stages and transitions, and the classifier that maps interactions to triggers.</param>
    /// <param name="interaction">The next interaction in time order (ties by id), as an object or read in place.</param>
    /// <param name="visits">Where the visits this enters go (history, observers); the default collects nothing.</param>
    /// <param name="kindIndex">The kind's <see cref="Vocabulary.Kinds"/> index when the caller knows it, else 0.</param>
    public void Apply(TriggerTable triggers, InteractionView interaction, in VisitSinks visits, int kindIndex = 0)
    {
        var definition = triggers.Definition;
        var at = interaction.Timestamp;
        AdvanceTo(definition, at, visits);
        (_lastActivity, _active) = (at, true);
        if (!triggers.TryGetTrigger(interaction, kindIndex, out var triggerIndex))
        {
            return;
        }

        var context = new TransitionContext(interaction, at > _enteredAt ? at - _enteredAt : TimeSpan.Zero);
        if (definition.TryFire(_stage, triggerIndex, in context, out var next) && next != _stage)
        {
            // The id (a string built from compact storage) only for a walk that reports or keeps it.
            var collects = visits.History is not null || visits.Entered is not null || visits.KeepEntryIds;
            Enter(definition, next, at, StageEntryReason.Trigger, triggerIndex.Value, collects ? interaction.Id : null, visits);
        }
    }

    /// <summary>Applies every inactivity timeout that fires up to <paramref name="until"/>.</summary>
    /// <param name="definition">The journey's stages and transitions.</param>
    /// <param name="until">The instant to advance to.</param>
    /// <param name="visits">Where the visits this enters go; the default collects nothing.</param>
    public void AdvanceTo(JourneyDefinition definition, DateTimeOffset until, in VisitSinks visits = default)
    {
        if (!_active)
        {
            return;
        }

        while (definition.TryGetTimeout(_stage, out var after, out var target))
        {
            if (FiresAt(_lastActivity > _enteredAt ? _lastActivity : _enteredAt, after, until) is not { } firesAt)
            {
                break;
            }

            Enter(definition, target, firesAt, StageEntryReason.Inactivity, -1, null, visits);
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

    private void Enter(
        JourneyDefinition definition,
        StageIndex stage,
        DateTimeOffset at,
        StageEntryReason reason,
        int trigger,
        InteractionId? interactionId,
        in VisitSinks visits)
    {
        // Visits are built only for a walk that collects them: the engine's live walk usually does not.
        if (visits.History is { } history)
        {
            history[^1] = history[^1].Close(at);
            history.Add(Visit(definition, stage, at, reason, trigger, interactionId));
        }

        visits.Entered?.Add(Visit(definition, stage, at, reason, trigger, interactionId));
        (_stage, _enteredAt, _reason, _trigger) = (stage, at, reason, trigger);
        _enteringId = visits.KeepEntryIds && interactionId is { } id ? id : default;
    }

    private static StageVisit Visit(JourneyDefinition definition, StageIndex stage, DateTimeOffset at, StageEntryReason reason, int trigger, InteractionId? interactionId) =>
        new(definition.GetStage(stage), at, null, reason, trigger < 0 ? null : definition.Triggers[trigger], interactionId);
}
