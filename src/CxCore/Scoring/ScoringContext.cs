using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// What a scorer may know besides the interaction it scores: the customer's earlier interactions (oldest first),
/// the instant the journey is scored as of, and whether the interaction is the customer's latest.
/// </summary>
/// <remarks>
/// A ref struct so the pipeline can hand scorers a slice of the journey without copying or allocating. Scorers see
/// only the past: an interaction's opinion never changes when later interactions arrive, except through
/// <see cref="IsLatest"/> and <see cref="AsOf"/>, which only journey-level estimates such as health should read.
/// </remarks>
public readonly ref struct ScoringContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="earlier">The customer's interactions before the one being scored, oldest first.</param>
    /// <param name="asOf">The instant the journey is scored as of (usually now).</param>
    /// <param name="isLatest">Whether the interaction being scored is the customer's latest as of <paramref name="asOf"/>.</param>
    public ScoringContext(ReadOnlySpan<Interaction> earlier, DateTimeOffset asOf, bool isLatest)
        : this(new InteractionHistory(earlier), asOf, isLatest, null)
    {
    }

    /// <summary>A context over any history, carrying journey-wide counts when the caller keeps them.</summary>
    internal ScoringContext(InteractionHistory earlier, DateTimeOffset asOf, bool isLatest, JourneyFacts? known)
    {
        Earlier = earlier;
        AsOf = asOf;
        IsLatest = isLatest;
        Known = known;
    }

    /// <summary>
    /// The customer's interactions before the one being scored, oldest first (the last element is the previous one).
    /// Read in place from the engine's compact storage: valid only during the call.
    /// </summary>
    public InteractionHistory Earlier { get; }

    /// <summary>The instant the journey is scored as of.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Whether the interaction being scored is the customer's latest as of <see cref="AsOf"/>.</summary>
    public bool IsLatest { get; }

    /// <summary>
    /// Journey-wide counts up to the scored interaction, when the caller keeps them (<see cref="JourneyScorer"/> does,
    /// for the latest); null otherwise. Saves the health scorer a walk over every earlier interaction.
    /// </summary>
    internal JourneyFacts? Known { get; }
}
