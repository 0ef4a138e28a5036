using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Stage analytics over a snapshot of journeys: pure functions of the journeys, an instant or a time range, and a
/// filter. Only <see cref="AnalyticsFilter.Customers"/> applies: stage visits are not interactions.
/// The visit <em>current at</em> an instant <c>t</c> is the one with <c>EnteredAt &lt;= t</c> and
/// <c>ExitedAt</c> null or <c>&gt; t</c>, so a visit that exits exactly at <c>t</c> is not current (the next one is).
/// </summary>
public static class StageAnalysis
{
    /// <summary>Customers per stage as of <paramref name="asOf"/>: each counts in the stage of the visit current at that instant.</summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="asOf">The instant; journeys whose first visit starts later are not counted.</param>
    /// <param name="filter">Which customers to look at; null keeps everyone.</param>
    /// <returns>Counts and shares of every stage seen in the journeys' histories, by count descending, then name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its elements is null.</exception>
    /// <example><code>var d = StageAnalysis.Distribution(snapshot, range.To); foreach (var s in d.Stages) Console.WriteLine($"{s.Stage}: {s.Share}");</code></example>
    public static StageDistribution Distribution(IEnumerable<Journey> journeys, DateTimeOffset asOf, AnalyticsFilter? filter = null)
    {
        var counts = new Dictionary<JourneyStage, int>();
        var customers = 0;
        foreach (var journey in Kept(journeys, filter))
        {
            foreach (var visit in journey.StageHistory)
            {
                counts.TryAdd(visit.Stage, 0);
            }

            if (CurrentAt(journey, asOf) is { } current)
            {
                counts[current.Stage]++;
                customers++;
            }
        }

        return new StageDistribution(
            asOf,
            customers,
            [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Name, StringComparer.Ordinal).Select(c => new StageShare(c.Key, c.Value, Proportion.Of(c.Value, customers)))]);
    }

    /// <summary>
    /// Per stage, the number, median and 90th percentile duration of the visits that <em>ended</em> inside
    /// <paramref name="range"/>. Open visits are left out: their duration is censored (only a lower bound is known),
    /// and counting them as if they ended now would bias the time in stage low.
    /// </summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="range">Visits whose <c>ExitedAt</c> is in <c>[From, To)</c> count.</param>
    /// <param name="filter">Which customers to look at; null keeps everyone.</param>
    /// <returns>One entry per stage with at least one such visit, by visit count descending, then name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its elements is null.</exception>
    /// <example><code>foreach (var s in StageAnalysis.TimeInStage(snapshot, range).Stages) Console.WriteLine($"{s.Stage}: median {s.Median}, p90 {s.P90} (n={s.Visits})");</code></example>
    public static StageTimeResult TimeInStage(IEnumerable<Journey> journeys, TimeRange range, AnalyticsFilter? filter = null)
    {
        var durations = CompletedDurations(Kept(journeys, filter), range.Contains);
        return new StageTimeResult(
            range,
            [.. durations
                .Select(d =>
                {
                    var (median, p90) = Statistics.MedianAndP90(d.Value);
                    return new StageTime(d.Key, d.Value.Count, median!.Value, p90!.Value);
                })
                .OrderByDescending(s => s.Visits)
                .ThenBy(s => s.Stage.Name, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The from → to matrix over the stage entries inside <paramref name="range"/>: every visit after a journey's first
    /// whose <c>EnteredAt</c> is in the range counts once, from the stage of the visit before it, split by entry reason.
    /// </summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="range">Entries whose time is in <c>[From, To)</c> count.</param>
    /// <param name="filter">Which customers to look at; null keeps everyone.</param>
    /// <returns>The matrix, with per-source totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its elements is null.</exception>
    /// <example><code>var m = StageAnalysis.Transitions(snapshot, range); var lapsed = m.Cell(JourneyStage.Use, JourneyStage.Dormant)?.ByInactivity ?? 0;</code></example>
    public static StageTransitionMatrix Transitions(IEnumerable<Journey> journeys, TimeRange range, AnalyticsFilter? filter = null)
    {
        var cells = new Dictionary<(JourneyStage From, JourneyStage To), (int Count, int Trigger, int Inactivity)>();
        foreach (var journey in Kept(journeys, filter))
        {
            var history = journey.StageHistory;
            for (var i = 1; i < history.Count; i++)
            {
                var visit = history[i];
                if (!range.Contains(visit.EnteredAt))
                {
                    continue;
                }

                var key = (history[i - 1].Stage, visit.Stage);
                var (count, trigger, inactivity) = cells.GetValueOrDefault(key);
                cells[key] = (
                    count + 1,
                    trigger + (visit.Reason == StageEntryReason.Trigger ? 1 : 0),
                    inactivity + (visit.Reason == StageEntryReason.Inactivity ? 1 : 0));
            }
        }

        var rows = cells
            .GroupBy(c => c.Key.From)
            .Select(g => new StageTransitionRow(
                g.Key,
                g.Sum(c => c.Value.Count),
                [.. g.Select(c => new StageTransition(c.Key.From, c.Key.To, c.Value.Count, c.Value.Trigger, c.Value.Inactivity))
                    .OrderByDescending(c => c.Count)
                    .ThenBy(c => c.To.Name, StringComparer.Ordinal)]))
            .OrderByDescending(r => r.Total)
            .ThenBy(r => r.From.Name, StringComparer.Ordinal);
        return new StageTransitionMatrix(range, cells.Values.Sum(c => c.Count), [.. rows]);
    }

    /// <summary>
    /// Customers whose visit current at <paramref name="asOf"/> has lasted strictly longer than its stage's threshold:
    /// the limit configured for the stage in <paramref name="limits"/> when there is one, else the 90th percentile of the
    /// stage's completed visits (those with <c>ExitedAt &lt;= asOf</c>, over the same journeys). A stage with neither
    /// (no limit, no completed visit) has no threshold and nobody is stuck in it.
    /// </summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="asOf">The instant; time in stage is <c>asOf − EnteredAt</c>.</param>
    /// <param name="limits">Per-stage limits that override the percentile rule; null or missing stages use the percentile.</param>
    /// <param name="filter">Which customers to look at; null keeps everyone. The percentile is computed over the kept customers.</param>
    /// <returns>The stuck customers, by time in stage descending, then customer id (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">A limit is negative or its stage is <c>default</c>.</exception>
    /// <example><code>var stuck = StageAnalysis.Stuck(snapshot, DateTimeOffset.UtcNow, new Dictionary&lt;JourneyStage, TimeSpan&gt; { [JourneyStage.Support] = TimeSpan.FromDays(2) });</code></example>
    public static IReadOnlyList<StuckCustomer> Stuck(
        IEnumerable<Journey> journeys,
        DateTimeOffset asOf,
        IReadOnlyDictionary<JourneyStage, TimeSpan>? limits = null,
        AnalyticsFilter? filter = null)
    {
        if (limits is not null)
        {
            foreach (var (stage, limit) in limits)
            {
                if (stage.IsEmpty)
                {
                    throw new ArgumentException("limits contains a default JourneyStage.", nameof(limits));
                }

                if (limit < TimeSpan.Zero)
                {
                    throw new ArgumentException($"The limit for stage '{stage}' is negative ({limit}).", nameof(limits));
                }
            }
        }

        var kept = Kept(journeys, filter).ToList();
        var p90s = CompletedDurations(kept, exit => exit <= asOf)
            .ToDictionary(d => d.Key, d => Statistics.MedianAndP90(d.Value).P90!.Value);
        var stuck = new List<StuckCustomer>();
        foreach (var journey in kept)
        {
            if (CurrentAt(journey, asOf) is not { } visit)
            {
                continue;
            }

            TimeSpan threshold;
            StuckRule rule;
            if (limits is not null && limits.TryGetValue(visit.Stage, out var limit))
            {
                (threshold, rule) = (limit, StuckRule.ConfiguredLimit);
            }
            else if (p90s.TryGetValue(visit.Stage, out var p90))
            {
                (threshold, rule) = (p90, StuckRule.P90OfCompletedVisits);
            }
            else
            {
                continue;
            }

            var time = asOf - visit.EnteredAt; // not visit.TimeInStage(asOf): the visit may have closed after asOf in this snapshot
            if (time > threshold)
            {
                stuck.Add(new StuckCustomer(journey.CustomerId, visit.Stage, visit.EnteredAt, time, threshold, rule));
            }
        }

        return [.. stuck.OrderByDescending(s => s.TimeInStage).ThenBy(s => s.CustomerId.Value, StringComparer.Ordinal)];
    }

    /// <summary>The visit current at <paramref name="asOf"/>: <c>EnteredAt &lt;= asOf</c> and not exited by then; null before the journey began.</summary>
    internal static StageVisit? CurrentAt(Journey journey, DateTimeOffset asOf)
    {
        for (var i = journey.StageHistory.Count - 1; i >= 0; i--)
        {
            var visit = journey.StageHistory[i];
            if (visit.EnteredAt <= asOf)
            {
                return visit.ExitedAt is null || visit.ExitedAt > asOf ? visit : null;
            }
        }

        return null;
    }

    private static Dictionary<JourneyStage, List<TimeSpan>> CompletedDurations(IEnumerable<Journey> journeys, Func<DateTimeOffset, bool> endedIn)
    {
        var durations = new Dictionary<JourneyStage, List<TimeSpan>>();
        foreach (var journey in journeys)
        {
            foreach (var visit in journey.StageHistory)
            {
                if (visit.ExitedAt is { } exit && endedIn(exit))
                {
                    if (!durations.TryGetValue(visit.Stage, out var list))
                    {
                        durations[visit.Stage] = list = [];
                    }

                    list.Add(exit - visit.EnteredAt);
                }
            }
        }

        return durations;
    }

    private static IEnumerable<Journey> Kept(IEnumerable<Journey> journeys, AnalyticsFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        filter ??= AnalyticsFilter.All;
        return Iterate(journeys, filter);

        static IEnumerable<Journey> Iterate(IEnumerable<Journey> journeys, AnalyticsFilter filter)
        {
            foreach (var journey in journeys)
            {
                ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
                if (filter.Keeps(journey))
                {
                    yield return journey;
                }
            }
        }
    }
}
