using System.Runtime.InteropServices;
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
    private readonly TriggerTable _triggers;

    /// <summary>Creates a projector.</summary>
    /// <param name="definition">The journey definition.</param>
    /// <param name="classifier">Maps interactions to triggers.</param>
    public JourneyProjector(JourneyDefinition definition, IInteractionClassifier classifier)
    {
        _triggers = new TriggerTable(definition, classifier);
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

        ordered.Sort(CompareForReplay);

        var cursor = JourneyCursor.Replay(_triggers, CollectionsMarshal.AsSpan(ordered), asOf);
        cursor.AdvanceTo(asOf);
        return new Journey(customerId, ordered, cursor.History);
    }

    /// <summary>The order a journey's interactions are applied in: time, then id (so ties never depend on arrival).</summary>
    internal static int CompareForReplay(Interaction a, Interaction b)
    {
        var byTime = a.Timestamp.CompareTo(b.Timestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id.Value, b.Id.Value);
    }
}
