using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Walks one customer's journey forward in time: applies inactivity timeouts, classifies and fires each interaction,
/// and keeps the stage history. Interactions must be applied in time order (ties by id). Shared by
/// <see cref="JourneyProjector"/> (a replay) and the engine (one cursor per live journey). Not thread-safe.
/// </summary>
internal sealed class JourneyCursor
{
    private readonly JourneyDefinition _definition;
    private readonly IInteractionClassifier _classifier;

    public JourneyCursor(JourneyDefinition definition, IInteractionClassifier classifier, DateTimeOffset start)
    {
        _definition = definition;
        _classifier = classifier;
        Stage = definition.InitialStageIndex;
        History = [new StageVisit(definition.InitialStage, start, null, StageEntryReason.Initial)];
    }

    private JourneyCursor(JourneyCursor other)
    {
        _definition = other._definition;
        _classifier = other._classifier;
        Stage = other.Stage;
        History = [.. other.History];
        LastActivity = other.LastActivity;
    }

    public StageIndex Stage { get; private set; }

    public List<StageVisit> History { get; }

    public DateTimeOffset? LastActivity { get; private set; }

    public JourneyDefinition Definition => _definition;

    /// <summary>
    /// Drops every visit but the current one (keeping the list's capacity, so this does not allocate). The engine's live
    /// cursor only needs the current visit between records; full histories are rebuilt by replay when asked for.
    /// </summary>
    /// <param name="trimExcess">Also release spare capacity (allocates; for cursors just built by a replay).</param>
    public void ForgetHistory(bool trimExcess = false)
    {
        if (History.Count > 1)
        {
            History.RemoveRange(0, History.Count - 1);
        }

        if (trimExcess)
        {
            History.TrimExcess();
        }
    }

    /// <summary>
    /// A cursor that has applied <paramref name="ordered"/>, which must already be in replay order
    /// (<see cref="JourneyProjector.CompareForReplay"/>); the journey starts at the first interaction, or at
    /// <paramref name="startIfEmpty"/> when there is none.
    /// </summary>
    public static JourneyCursor Replay(JourneyDefinition definition, IInteractionClassifier classifier, ReadOnlySpan<Interaction> ordered, DateTimeOffset startIfEmpty)
    {
        var cursor = new JourneyCursor(definition, classifier, ordered.Length > 0 ? ordered[0].Timestamp : startIfEmpty);
        foreach (var interaction in ordered)
        {
            cursor.Apply(interaction);
        }

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

        var context = new TransitionContext(interaction, History[^1].TimeInStage(interaction.Timestamp));
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
            var enteredAt = History[^1].EnteredAt;
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
        History[^1] = History[^1].Close(at);
        History.Add(new StageVisit(_definition.GetStage(stage), at, null, reason, trigger, interactionId));
        Stage = stage;
    }
}
