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
    private InteractionLog? _log;
    // The fold of every interaction but the latest (their opinions are final), and the latest's opinion as a
    // non-latest interaction, folded in when the next one arrives: O(1) per interaction, whatever the journey's length.
    private ScoringPipeline.Fold _settled = ScoringPipeline.Fold.Empty;
    private InteractionTally _pending;
    private int _sessionGaps;
    private int _negativeStreak;

    // How many interactions the state above reflects; -1 while it is being brought up to date (a scorer that throws
    // leaves it so, and the next call rebuilds the state from the interactions instead of trusting it).
    private int _seen;

    // The latest's opinion as the latest, as of its own instant (what the engine asks for right after an insert).
    private InteractionTally _latest;
    private DateTimeOffset _latestAsOf;

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
    public int Count => _log?.Count ?? 0;

    /// <summary>
    /// The interactions added, in time order (equal timestamps in ordinal id order, whatever the arrival order). They
    /// are kept in compact form, so this builds a new array of objects on every call.
    /// </summary>
    public IReadOnlyList<Interaction> Interactions => _log?.MaterializeAll(_log.Count) ?? [];

    /// <summary>The interactions in compact form, in time order (for the engine, under the journey's lock); null before the first.</summary>
    internal InteractionLog? Log => _log;

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
        var log = _log ??= new InteractionLog(interaction.CustomerId, indexIds: true);
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

        Insert(interaction);
        return true;
    }

    /// <summary>
    /// <see cref="Add"/> without the checks, for a caller that already knows the id is new and the customer right (the
    /// engine, after its store accepted the interaction).
    /// </summary>
    /// <param name="interaction">An interaction whose id is not among <see cref="Interactions"/>.</param>
    /// <returns>Its position in time order (the last position unless it arrived late).</returns>
    internal int Insert(Interaction interaction)
    {
        var log = _log ??= new InteractionLog(interaction.CustomerId, indexIds: false);
        var position = log.Insert(interaction);
        Inserted(position);
        return position;
    }

    /// <summary>Scores over <paramref name="log"/> (a store's, kept up to date by the store) from now on.</summary>
    /// <param name="log">The customer's log; may already hold interactions.</param>
    internal void Attach(InteractionLog log)
    {
        (_log, _seen) = (log, 0);
        if (log.Count > 0)
        {
            Inserted(0);
        }
    }

    /// <summary>Catches up after an interaction was inserted into the log at <paramref name="position"/>.</summary>
    /// <param name="position">Where it went, in time order.</param>
    internal void Inserted(int position)
    {
        var log = _log!;
        var count = log.Count;
        var all = new InteractionHistory(log, count);
        var inOrder = position == count - 1 && _seen == count - 1;
        _seen = -1;
        if (inOrder)
        {
            _sessionGaps += position > 0 && HealthScorer.IsSessionGap(log[position - 1].UtcTicks, log[position].UtcTicks) ? 1 : 0;
            var polarity = HealthScorer.Polarity(all[count - 1]);
            _negativeStreak = polarity < 0 ? _negativeStreak + 1 : polarity > 0 ? 0 : _negativeStreak;
        }
        else
        {
            _sessionGaps = HealthScorer.CountSessionGaps(all);
            _negativeStreak = HealthScorer.NegativeStreak(all[count - 1], all.Take(count - 1));
        }

        // An opinion on an interaction that is not the latest depends only on it and the ones before it. In order, the
        // previous latest's (computed when it arrived) is folded in; after a late arrival, every one is asked again.
        var asOf = log.GetTimestamp(count - 1);
        if (inOrder && count > 1)
        {
            Pipeline.Add(ref _settled, count - 2, log[count - 2].UtcTicks, _pending);
        }
        else if (!inOrder)
        {
            var sink = default(ScoringPipeline.NoSink);
            _settled = ScoringPipeline.Fold.Empty;
            for (var i = 0; i < count - 1; i++)
            {
                Pipeline.Add(ref _settled, i, log[i].UtcTicks, Pipeline.Tally(all, i, asOf, isLatest: false, ref sink));
            }
        }

        Pipeline.TallyLatest(all, asOf, Facts, out _pending, out _latest);
        _latestAsOf = asOf;
        _seen = count;
    }

    private JourneyFacts Facts => new(_sessionGaps, _negativeStreak);

    /// <summary>
    /// The value, confidence and band as of <paramref name="asOf"/> (interactions after it are left out), without
    /// the explanation and without allocating.
    /// </summary>
    /// <param name="asOf">The instant to score as of (usually now).</param>
    /// <returns>The summary; equal to <see cref="ScoringPipeline.Evaluate"/> on <see cref="Interactions"/>.</returns>
    public CxScoreSummary Evaluate(DateTimeOffset asOf)
    {
        var count = CountUntil(asOf);
        var sink = default(ScoringPipeline.NoSink);
        if (count == 0 || count < Count)
        {
            // As of an earlier instant: the fold covers later interactions, so start over (allocation-free, O(n)).
            var until = count == 0 ? default : new InteractionHistory(_log!, count);
            return Pipeline.Aggregate(until, asOf, ref sink).Summary;
        }

        if (_seen != count)
        {
            // The last catch-up failed (a scorer threw): rebuild before reading the fold.
            Inserted(count - 1);
        }

        var log = _log!;
        var fold = _settled;
        var latestTicks = log[count - 1].UtcTicks;
        var latest = asOf.EqualsExact(_latestAsOf) ? _latest : Pipeline.Tally(new InteractionHistory(log, count), count - 1, asOf, isLatest: true, ref sink, Facts);
        Pipeline.Add(ref fold, count - 1, latestTicks, latest);
        return Pipeline.Finish(fold, latestTicks, asOf).Summary;
    }

    /// <summary>
    /// <see cref="Evaluate"/> as of the latest interaction, which the engine keeps after every record: the instant the
    /// last catch-up scored at, instead of reading it from the log again.
    /// </summary>
    internal CxScoreSummary EvaluateAtLatest() => Evaluate(_seen == Count ? _latestAsOf : _log!.GetTimestamp(Count - 1));

    /// <summary>The score with its full explanation (recomputed from the interactions; allocates).</summary>
    /// <param name="asOf">The instant to score as of.</param>
    /// <returns>The score.</returns>
    public CxScore Score(DateTimeOffset asOf) => Pipeline.Score(Interactions, asOf);

    /// <summary>How many interactions are at or before <paramref name="asOf"/>.</summary>
    internal int CountUntil(DateTimeOffset asOf)
    {
        if (_log is not { } log)
        {
            return 0;
        }

        var ticks = asOf.UtcTicks;
        var count = log.Count;
        while (count > 0 && log[count - 1].UtcTicks > ticks)
        {
            count--;
        }

        return count;
    }
}
