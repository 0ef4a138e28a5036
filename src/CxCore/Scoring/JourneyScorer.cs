using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Keeps one customer's interactions with the pipeline's opinions on them, so that rescoring after every new
/// interaction costs one interaction's scoring plus a pass over cached sums, instead of asking every scorer about
/// every interaction again. This is the engine's path: <see cref="Add"/> as interactions arrive, <see cref="Evaluate"/>
/// for the value, confidence and band (without allocating), <see cref="Score"/> when an explanation is wanted.
/// </summary>
/// <remarks>
/// <para>Results are exactly those of <see cref="ScoringPipeline.Evaluate"/> on the same interactions. This relies on
/// the scorer contract: an opinion on any interaction but the latest depends only on that interaction and the ones
/// before it, so it can be kept while later interactions arrive; the latest is always scored afresh.</para>
/// <para>Not thread-safe: keep one per customer journey and guard it with that journey's lock.</para>
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
    private readonly List<Interaction> _interactions = [];
    private InteractionTally[] _tallies = [];
    private int _tallied;
    private int _sessionGaps;

    /// <summary>Creates an empty journey scorer.</summary>
    /// <param name="pipeline">The pipeline whose scorers and settings to use.</param>
    public JourneyScorer(ScoringPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        Pipeline = pipeline;
    }

    /// <summary>The pipeline.</summary>
    public ScoringPipeline Pipeline { get; }

    /// <summary>The interactions added, in time order (equal timestamps in ordinal id order, whatever the arrival order).</summary>
    public IReadOnlyList<Interaction> Interactions => field ??= new ReadOnlyCollection<Interaction>(_interactions);

    /// <summary>The interactions in time order, without the read-only wrapper (for the engine, under the journey's lock).</summary>
    internal ReadOnlySpan<Interaction> Span => CollectionsMarshal.AsSpan(_interactions);

    /// <summary>
    /// Adds an interaction in its place in time (late arrivals are fine: the opinions on the interactions after it are
    /// recomputed). An interaction whose id is already present is ignored.
    /// </summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns>False when an interaction with the same id was already present.</returns>
    public bool Add(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        foreach (var existing in CollectionsMarshal.AsSpan(_interactions))
        {
            if (existing.Id == interaction.Id)
            {
                return false;
            }
        }

        Insert(interaction);
        return true;
    }

    /// <summary>
    /// <see cref="Add"/> without the id check, for a caller that already knows the id is new (the engine, after its
    /// store accepted the interaction): the check would visit every earlier interaction of the customer.
    /// </summary>
    /// <param name="interaction">An interaction whose id is not among <see cref="Interactions"/>.</param>
    internal void Insert(Interaction interaction)
    {
        var span = CollectionsMarshal.AsSpan(_interactions);
        var position = span.Length;
        // Equal timestamps are kept in id order (as journeys replay them), so the result never depends on arrival order.
        while (position > 0 && (span[position - 1].Timestamp > interaction.Timestamp
            || (span[position - 1].Timestamp == interaction.Timestamp && string.CompareOrdinal(span[position - 1].Id.Value, interaction.Id.Value) > 0)))
        {
            position--;
        }

        _interactions.Insert(position, interaction);
        _tallied = Math.Min(_tallied, position);
        _sessionGaps = position == span.Length
            ? _sessionGaps + (position > 0 && HealthScorer.IsSessionGap(span[position - 1], interaction) ? 1 : 0)
            : HealthScorer.CountSessionGaps(CollectionsMarshal.AsSpan(_interactions));
        if (_tallies.Length < _interactions.Count)
        {
            // Grow by half (not double): the tallies are 40 B each and kept for the journey's lifetime.
            Array.Resize(ref _tallies, Math.Max(4, _tallies.Length + (_tallies.Length / 2)));
        }

        // Opinions on every interaction but the latest are final: compute the missing ones now, so Evaluate only reads.
        span = CollectionsMarshal.AsSpan(_interactions);
        var asOf = span[^1].Timestamp;
        var sink = default(ScoringPipeline.NoSink);
        for (; _tallied < span.Length - 1; _tallied++)
        {
            _tallies[_tallied] = Pipeline.Tally(span, _tallied, asOf, isLatest: false, ref sink);
        }
    }

    /// <summary>
    /// The value, confidence and band as of <paramref name="asOf"/> (interactions after it are left out), without
    /// the explanation and without allocating.
    /// </summary>
    /// <param name="asOf">The instant to score as of (usually now).</param>
    /// <returns>The summary; equal to <see cref="ScoringPipeline.Evaluate"/> on <see cref="Interactions"/>.</returns>
    public CxScoreSummary Evaluate(DateTimeOffset asOf)
    {
        var span = Until(asOf);
        var sink = default(ScoringPipeline.NoSink);
        int? gaps = span.Length == _interactions.Count ? _sessionGaps : null;
        return Pipeline.Aggregate(span, asOf, _tallies.AsSpan(0, _tallied), ref sink, gaps).Summary;
    }


    /// <summary>The score with its full explanation (recomputed from the interactions; allocates).</summary>
    /// <param name="asOf">The instant to score as of.</param>
    /// <returns>The score.</returns>
    public CxScore Score(DateTimeOffset asOf) => Pipeline.Score(_interactions, asOf);

    private ReadOnlySpan<Interaction> Until(DateTimeOffset asOf)
    {
        ReadOnlySpan<Interaction> span = CollectionsMarshal.AsSpan(_interactions);
        var count = span.Length;
        while (count > 0 && span[count - 1].Timestamp > asOf)
        {
            count--;
        }

        return span[..count];
    }
}
