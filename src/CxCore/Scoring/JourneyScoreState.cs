using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// The state behind <see cref="JourneyScorer"/> as a value: one customer's compact log and the running aggregate of
/// the pipeline's opinions on it, plus the summary as of the latest interaction. The engine keeps one inline in each
/// live journey (no object of its own, one cache line fewer per record); <see cref="JourneyScorer"/> wraps one with its
/// pipeline. Start from <see cref="Empty"/> (not <c>default</c>). Not thread-safe.
/// </summary>
internal struct JourneyScoreState
{
    private InteractionLog? _log;
    // The fold of every interaction but the latest (their opinions are final), and the latest's opinion as a
    // non-latest interaction, folded in when the next one arrives: O(1) per interaction, whatever the journey's length.
    private ScoringPipeline.Fold _settled;
    private InteractionTally _pending;
    // The growth factor Finish folded the latest in with, relative to _settled's frame: the same as folding it into
    // _settled when the next interaction arrives in order (0 when not known).
    private double _pendingGrowth;
    // The summary as of the latest interaction's own instant (what the engine reads after every record).
    private CxScoreSummary _atLatest;
    private int _sessionGaps;
    private int _negativeStreak;

    // How many interactions the state above reflects; -1 while it is being brought up to date (a scorer that throws
    // leaves it so, and the next call rebuilds the state from the interactions instead of trusting it).
    private int _seen;

    /// <summary>No interactions yet.</summary>
    public static JourneyScoreState Empty => new() { _settled = ScoringPipeline.Fold.Empty };

    /// <summary>How many interactions the log holds.</summary>
    public readonly int Count => _log?.Count ?? 0;

    /// <summary>The interactions in compact form, in time order; null before the first.</summary>
    public readonly InteractionLog? Log => _log;

    private readonly JourneyFacts Facts => new(_sessionGaps, _negativeStreak);

    /// <summary>The log, created for <paramref name="customer"/> on first use.</summary>
    public InteractionLog EnsureLog(CustomerId customer, bool indexIds) => _log ??= new InteractionLog(customer, indexIds);

    /// <summary>Inserts an interaction whose id is new (the caller checked) and catches up; returns its position in time order.</summary>
    public int Insert(ScoringPipeline pipeline, Interaction interaction)
    {
        var position = EnsureLog(interaction.CustomerId, indexIds: false).Insert(interaction);
        Inserted(pipeline, position);
        return position;
    }

    /// <summary>Starts over on <paramref name="log"/> (a store's, kept up to date by the store), which may already hold interactions.</summary>
    public void Attach(ScoringPipeline pipeline, InteractionLog log)
    {
        this = Empty;
        _log = log;
        if (log.Count > 0)
        {
            Inserted(pipeline, 0);
        }
    }

    /// <summary>Catches up after an interaction was inserted into the log at <paramref name="position"/>.</summary>
    public void Inserted(ScoringPipeline pipeline, int position)
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
            pipeline.Add(ref _settled, count - 2, log[count - 2].UtcTicks, _pending, _pendingGrowth);
        }
        else if (!inOrder)
        {
            var sink = default(ScoringPipeline.NoSink);
            _settled = ScoringPipeline.Fold.Empty;
            for (var i = 0; i < count - 1; i++)
            {
                pipeline.Add(ref _settled, i, log[i].UtcTicks, pipeline.Tally(all, i, asOf, isLatest: false, ref sink));
            }
        }

        pipeline.TallyLatest(all, asOf, Facts, out _pending, out var latest);
        var totals = pipeline.Finish(_settled, count - 1, log[count - 1].UtcTicks, latest, asOf);
        (_atLatest, _pendingGrowth) = (totals.Summary, totals.LatestGrowth);
        _seen = count;
    }

    /// <summary>The value, confidence and band as of <paramref name="asOf"/> (interactions after it left out), without allocating.</summary>
    public CxScoreSummary Evaluate(ScoringPipeline pipeline, DateTimeOffset asOf)
    {
        var count = CountUntil(asOf);
        var sink = default(ScoringPipeline.NoSink);
        if (count == 0 || count < Count)
        {
            // As of an earlier instant: the fold covers later interactions, so start over (allocation-free, O(n)).
            var until = count == 0 ? default : new InteractionHistory(_log!, count);
            return pipeline.Aggregate(until, asOf, ref sink).Summary;
        }

        if (_seen != count)
        {
            // The last catch-up failed (a scorer threw): rebuild before reading the fold.
            Inserted(pipeline, count - 1);
        }

        var log = _log!;
        if (asOf.EqualsExact(log.GetTimestamp(count - 1)))
        {
            return _atLatest;
        }

        var latest = pipeline.Tally(new InteractionHistory(log, count), count - 1, asOf, isLatest: true, ref sink, Facts);
        return pipeline.Finish(_settled, count - 1, log[count - 1].UtcTicks, latest, asOf).Summary;
    }

    /// <summary>
    /// <see cref="Evaluate"/> as of the latest interaction: the summary the last catch-up computed (rebuilt first when a
    /// scorer threw during it); unrated with no interactions.
    /// </summary>
    public CxScoreSummary EvaluateAtLatest(ScoringPipeline pipeline)
    {
        var count = Count;
        if (count == 0)
        {
            return Evaluate(pipeline, default);
        }

        if (_seen != count)
        {
            Inserted(pipeline, count - 1);
        }

        return _atLatest;
    }

    /// <summary>How many interactions are at or before <paramref name="asOf"/>.</summary>
    public readonly int CountUntil(DateTimeOffset asOf)
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
