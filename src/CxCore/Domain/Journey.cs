using CxCore.Scoring;

namespace CxCore.Domain;

/// <summary>
/// A customer's journey: their interactions in time order, the stage they are in, and every stage they have
/// been through with entry time and time-in-stage. Immutable; the engine produces a new one as interactions arrive.
/// </summary>
public sealed class Journey
{
    /// <summary>Creates a journey and checks that its parts agree.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="interactions">The customer's interactions, in non-decreasing time order, ids distinct.</param>
    /// <param name="stageHistory">The stage visits, oldest first, at least one; each ends when the next begins; only the last is open.</param>
    /// <exception cref="ArgumentException">The parts are inconsistent; the message says which element and why.</exception>
    public Journey(CustomerId customerId, IReadOnlyList<Interaction> interactions, IReadOnlyList<StageVisit> stageHistory)
    {
        CustomerId = customerId.EnsureNotEmpty(nameof(customerId));
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(stageHistory);
        Interactions = [.. interactions];
        StageHistory = [.. stageHistory];
        ValidateInteractions(customerId, Interactions);
        ValidateHistory(StageHistory);
    }

    /// <summary>The customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The customer's interactions, oldest first.</summary>
    public IReadOnlyList<Interaction> Interactions { get; }

    /// <summary>Every stage visit, oldest first; the last one is the current stage.</summary>
    public IReadOnlyList<StageVisit> StageHistory { get; }

    /// <summary>The stage the customer is in now.</summary>
    public JourneyStage CurrentStage => StageHistory[^1].Stage;

    /// <summary>When the customer entered <see cref="CurrentStage"/>.</summary>
    public DateTimeOffset CurrentStageSince => StageHistory[^1].EnteredAt;

    /// <summary>The latest score of the journey (see <see cref="ScoringPipeline"/>), or null until it has been scored.</summary>
    public CxScore? Score { get; init; }

    /// <summary>When the customer last interacted, or null before the first interaction.</summary>
    public DateTimeOffset? LastInteractionAt => Interactions.Count == 0 ? null : Interactions[^1].Timestamp;

    /// <summary>Total time the customer has spent in <paramref name="stage"/> over all visits, as of <paramref name="asOf"/>.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="asOf">The instant an open visit is measured up to.</param>
    /// <returns>The total time in the stage; zero if never visited.</returns>
    public TimeSpan TimeInStage(JourneyStage stage, DateTimeOffset asOf)
    {
        var total = TimeSpan.Zero;
        foreach (var visit in StageHistory)
        {
            if (visit.Stage == stage)
            {
                total += visit.TimeInStage(asOf);
            }
        }

        return total;
    }

    private static void ValidateInteractions(CustomerId customerId, IReadOnlyList<Interaction> interactions)
    {
        var ids = new HashSet<InteractionId>();
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i] ?? throw new ArgumentException($"interactions[{i}] is null.", nameof(interactions));
            if (interaction.CustomerId != customerId)
            {
                throw new ArgumentException($"interactions[{i}] ('{interaction.Id}') belongs to customer '{interaction.CustomerId}', not '{customerId}'.", nameof(interactions));
            }

            if (i > 0 && interaction.Timestamp < interactions[i - 1].Timestamp)
            {
                throw new ArgumentException($"interactions must be in time order, but interactions[{i}] ('{interaction.Id}', {interaction.Timestamp:O}) is before interactions[{i - 1}] ({interactions[i - 1].Timestamp:O}).", nameof(interactions));
            }

            if (!ids.Add(interaction.Id))
            {
                throw new ArgumentException($"interactions contains id '{interaction.Id}' twice (at index {i}).", nameof(interactions));
            }
        }
    }

    private static void ValidateHistory(IReadOnlyList<StageVisit> stageHistory)
    {
        if (stageHistory.Count == 0)
        {
            throw new ArgumentException("stageHistory must contain at least the initial stage.", nameof(stageHistory));
        }

        for (var i = 0; i < stageHistory.Count; i++)
        {
            var visit = stageHistory[i];
            var isLast = i == stageHistory.Count - 1;
            if (visit.Stage.IsEmpty)
            {
                throw new ArgumentException($"stageHistory[{i}] is a default StageVisit.", nameof(stageHistory));
            }

            if (isLast != (visit.ExitedAt is null))
            {
                throw new ArgumentException(
                    isLast
                        ? $"stageHistory[{i}] ('{visit.Stage}') is the current stage and must be open (ExitedAt null), but exited at {visit.ExitedAt:O}."
                        : $"stageHistory[{i}] ('{visit.Stage}') is not the last visit and must have ExitedAt.",
                    nameof(stageHistory));
            }

            if (!isLast && visit.ExitedAt != stageHistory[i + 1].EnteredAt)
            {
                throw new ArgumentException($"stageHistory[{i}] ('{visit.Stage}') exits at {visit.ExitedAt:O} but stageHistory[{i + 1}] ('{stageHistory[i + 1].Stage}') enters at {stageHistory[i + 1].EnteredAt:O}; visits must be contiguous.", nameof(stageHistory));
            }
        }
    }
}
