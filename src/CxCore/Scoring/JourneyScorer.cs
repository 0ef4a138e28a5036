using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Keeps one customer's interactions (in compact form) and the running aggregate of the pipeline's opinions on them, so
/// that rescoring after every new interaction costs that interaction's scoring and a few multiplications, whatever the
/// journey's length, instead of asking every scorer about every interaction again. This is the engine's path:
/// <see cref="Add"/> as interactions arrive, <see cref="Evaluate"/> for the value, confidence and band (without
/// allocating), <see cref="Score"/> when an explanation is wanted.
/// </summary>
/// <remarks>
/// <para>Results are exactly those of <see cref="ScoringPipeline.Evaluate"/> on the same interactions (bit for bit:
/// both run the same fold). This relies on the scorer contract: an opinion on any interaction but the latest depends
/// only on that interaction and the ones before it, so it is folded in once; the latest is always asked as the latest.
/// A late arrival, or a score as of an instant before the latest interaction, refolds from the start.</para>
/// <para>Not thread-safe: keep one per customer journey and guard it with that journey's lock. (The engine keeps the
/// same state inline in its live journeys rather than as one of these.)</para>
/// </remarks>
/// <example>
/// <code>
/// var scorer = new JourneyScorer(ScoringPipeline.Default);
/// foreach (var interaction in arriving)
/// {
///     scorer.Add(interaction);
///     var summary = scorer.Evaluate(DateTimeOffset.UtcNow);
///     if (summary.Band &lt;= CxBand.AtRisk) { /* close the loop */ }
/// }
/// </code>
/// </example>
public sealed class JourneyScorer
{
    private JourneyScoreState _state = JourneyScoreState.Empty;

    /// <summary>Creates an empty journey scorer.</summary>
    /// <param name="pipeline">The pipeline whose scorers and settings to use.</param>
    public JourneyScorer(ScoringPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Pipeline = pipeline;
    }

    /// <summary>The pipeline.</summary>
    public ScoringPipeline Pipeline { get; }

    /// <summary>How many interactions were added.</summary>
    public int Count => _state.Count;

    /// <summary>
    /// The interactions added, in time order (equal timestamps in ordinal id order, whatever the arrival order). They
    /// are kept in compact form, so this builds a new array of objects on every call.
    /// </summary>
    public IReadOnlyList<Interaction> Interactions => _state.Log is { } log ? log.MaterializeAll(log.Count) : [];

    /// <summary>The interactions in compact form, in time order; null before the first.</summary>
    internal InteractionLog? Log => _state.Log;

    /// <summary>
    /// Adds an interaction in its place in time (late arrivals are fine: the opinions on the interactions after it are
    /// recomputed). An interaction whose id is already present is ignored.
    /// </summary>
    /// <param name="interaction">The interaction; all interactions of one journey scorer belong to one customer.</param>
    /// <returns>False when an interaction with the same id was already present.</returns>
    /// <exception cref="ArgumentException"><paramref name="interaction"/> belongs to another customer than the ones before it.</exception>
    public bool Add(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // Indexed, so the duplicate check is a hash lookup rather than a scan of every earlier id.
        var log = _state.EnsureLog(interaction.CustomerId, indexIds: true);
        if (log.Customer != interaction.CustomerId)
        {
            throw new ArgumentException(
                $"A journey scorer holds one customer's interactions: this one holds customer '{log.Customer}', but interaction '{interaction.Id}' belongs to customer '{interaction.CustomerId}'.",
                nameof(interaction));
        }

        if (log.Contains(interaction.Id))
        {
            return false;
        }

        _state.Insert(Pipeline, interaction);
        return true;
    }

    /// <summary>
    /// The value, confidence and band as of <paramref name="asOf"/> (interactions after it are left out), without
    /// the explanation and without allocating.
    /// </summary>
    /// <param name="asOf">The instant to score as of (usually now).</param>
    /// <returns>The summary; equal to <see cref="ScoringPipeline.Evaluate"/> on <see cref="Interactions"/>.</returns>
    public CxScoreSummary Evaluate(DateTimeOffset asOf) => _state.Evaluate(Pipeline, asOf);

    /// <summary><see cref="Evaluate"/> as of the latest interaction: the summary the last catch-up computed.</summary>
    internal CxScoreSummary EvaluateAtLatest() => _state.EvaluateAtLatest(Pipeline);

    /// <summary>The score with its full explanation (recomputed from the interactions; allocates).</summary>
    /// <param name="asOf">The instant to score as of.</param>
    /// <returns>The score.</returns>
    public CxScore Score(DateTimeOffset asOf) => Pipeline.Score(Interactions, asOf);
}
