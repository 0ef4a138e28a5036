using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Replays a customer's interactions through a journey definition to produce their <see cref="Journey"/>: the
/// reference semantics of the stage machine over time. Interactions are put in time order (ties by id) and
/// de-duplicated by id (the first occurrence wins), so arrival order never changes the result.
/// </summary>
/// <remarks>
/// Inactivity: a stage's timeout fires once the customer has gone that long without any interaction <em>and</em>
/// has been that long in the stage, i.e. at <c>max(last interaction, stage entry) + timeout</c>. Timeouts chain
/// (Use → Dormant → Churned) and are applied between interactions and up to the <c>asOf</c> instant.
/// Every interaction counts as activity, including kinds that fire no trigger.
/// </remarks>
/// <example>
/// <code>
/// var projector = new JourneyProjector(DefaultJourney.Definition, DefaultJourney.Classifier);
/// var journey = projector.Project(customerId, interactions, DateTimeOffset.UtcNow);
/// Console.WriteLine(journey.CurrentStage);
/// </code>
/// </example>
public sealed class JourneyProjector
{
    private readonly JourneyDefinition _definition;
    private readonly IInteractionClassifier _classifier;

    /// <summary>Creates a projector.</summary>
    /// <param name="definition">The journey definition.</param>
    /// <param name="classifier">Maps interactions to triggers.</param>
    public JourneyProjector(JourneyDefinition definition, IInteractionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(classifier);
        _definition = definition;
        _classifier = classifier;
    }

    /// <summary>Builds the journey of <paramref name="customerId"/> from their interactions, as of <paramref name="asOf"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="interactions">Their interactions, in any order, possibly with duplicates.</param>
    /// <param name="asOf">The instant up to which inactivity timeouts are applied (usually now).</param>
    /// <returns>The journey. With no interactions, the journey is in the initial stage since <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentException">An interaction belongs to another customer.</exception>
    public Journey Project(CustomerId customerId, IEnumerable<Interaction> interactions, DateTimeOffset asOf)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        ArgumentNullException.ThrowIfNull(interactions);

        var seen = new HashSet<InteractionId>();
        var ordered = new List<Interaction>();
        foreach (var interaction in interactions)
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            if (interaction.CustomerId != customerId)
            {
                throw new ArgumentException($"Interaction '{interaction.Id}' belongs to customer '{interaction.CustomerId}', not '{customerId}'.", nameof(interactions));
            }

            if (seen.Add(interaction.Id))
            {
                ordered.Add(interaction);
            }
        }

        ordered.Sort(static (a, b) =>
        {
            var byTime = a.Timestamp.CompareTo(b.Timestamp);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id.Value, b.Id.Value);
        });

        var start = ordered.Count > 0 ? ordered[0].Timestamp : asOf;
        var stage = _definition.InitialStageIndex;
        var history = new List<StageVisit> { new(_definition.InitialStage, start, null, StageEntryReason.Initial) };
        DateTimeOffset? lastActivity = null;

        foreach (var interaction in ordered)
        {
            stage = ApplyInactivity(stage, lastActivity, interaction.Timestamp, history);
            lastActivity = interaction.Timestamp;
            if (!_classifier.TryClassify(interaction, out var trigger) || !_definition.TryGetTriggerIndex(trigger, out var triggerIndex))
            {
                continue;
            }

            var context = new TransitionContext(interaction, history[^1].TimeInStage(interaction.Timestamp));
            if (_definition.TryFire(stage, triggerIndex, in context, out var next) && next != stage)
            {
                Enter(history, next, interaction.Timestamp, StageEntryReason.Trigger, trigger, interaction.Id);
                stage = next;
            }
        }

        ApplyInactivity(stage, lastActivity, asOf, history);
        return new Journey(customerId, ordered, history);
    }

    private StageIndex ApplyInactivity(StageIndex stage, DateTimeOffset? lastActivity, DateTimeOffset until, List<StageVisit> history)
    {
        if (lastActivity is not { } last)
        {
            return stage;
        }

        while (_definition.TryGetTimeout(stage, out var after, out var target))
        {
            var enteredAt = history[^1].EnteredAt;
            if (FiresAt(last > enteredAt ? last : enteredAt, after, until) is not { } firesAt)
            {
                break;
            }

            Enter(history, target, firesAt, StageEntryReason.Inactivity, null, null);
            stage = target;
        }

        return stage;
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

    private void Enter(List<StageVisit> history, StageIndex stage, DateTimeOffset at, StageEntryReason reason, JourneyTrigger? trigger, InteractionId? interactionId)
    {
        history[^1] = history[^1].Close(at);
        history.Add(new StageVisit(_definition.GetStage(stage), at, null, reason, trigger, interactionId));
    }
}
