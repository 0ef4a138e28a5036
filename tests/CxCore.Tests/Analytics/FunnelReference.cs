using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Tests.Analytics;

/// <summary>
/// The straightforward implementation FunnelAnalysis had before it was optimised (timeline arrays, LINQ, a match matrix,
/// per-attempt lists), kept as the oracle the optimised one is property-tested against (FunnelOptimisationPropertyTests).
/// Do not optimise this copy.
/// </summary>
internal static class FunnelReference
{
    public const string AllKey = FunnelAnalysis.AllKey;

    /// <summary>Analyses <paramref name="funnel"/> over <paramref name="journeys"/>.</summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="funnel">The funnel.</param>
    /// <param name="range">Only interactions and stage entries inside <c>[From, To)</c> count, steps included.</param>
    /// <param name="filter">Which customers and interactions to look at; null keeps everything.</param>
    /// <returns>The funnel, in total and per breakdown group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or <paramref name="funnel"/> is null.</exception>
    /// <example>
    /// <code>
    /// var result = FunnelAnalysis.Analyze(snapshot, funnel, new TimeRange(from, to));
    /// foreach (var step in result.Total.Steps) Console.WriteLine($"{step.Name}: {step.Conversion}");
    /// </code>
    /// </example>
    public static FunnelResult Analyze(IEnumerable<Journey> journeys, FunnelDefinition funnel, TimeRange range, AnalyticsFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(funnel);
        filter ??= AnalyticsFilter.All;

        var paths = new List<(string Key, DateTimeOffset[] Times)>();
        var excluded = 0;
        foreach (var journey in journeys)
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            if (!filter.Keeps(journey))
            {
                continue;
            }

            var events = Timeline(journey, range, filter);
            switch (Evaluate(events, funnel))
            {
                case { Excluded: true }:
                    excluded++;
                    break;
                case { Times: { Length: > 0 } times, Start: var start }:
                    var key = funnel.Breakdown is { } b ? b.KeyOf(events[start].Interaction) : AllKey;
                    paths.Add((key, times));
                    break;
            }
        }

        var total = Aggregate(AllKey, funnel, paths.Select(p => p.Times));
        IReadOnlyList<FunnelGroupResult> groups = funnel.Breakdown is null
            ? []
            : [.. paths.GroupBy(p => p.Key, StringComparer.Ordinal)
                .Select(g => Aggregate(g.Key, funnel, g.Select(p => p.Times)))
                .OrderByDescending(g => g.Customers)
                .ThenBy(g => g.Key, StringComparer.Ordinal)];
        return new FunnelResult(funnel, range, total, groups, excluded);
    }

    /// <summary>The customer's events in the range, in time order; on equal times an interaction precedes the stage entry it caused.</summary>
    internal static FunnelEvent[] Timeline(Journey journey, TimeRange range, AnalyticsFilter filter)
    {
        var events = new List<FunnelEvent>(journey.Interactions.Count + journey.StageHistory.Count);
        foreach (var i in journey.Interactions)
        {
            if (range.Contains(i.Timestamp) && filter.Keeps(i))
            {
                events.Add(new FunnelEvent(i.Timestamp, i, null));
            }
        }

        var interactionCount = events.Count;
        foreach (var v in journey.StageHistory)
        {
            if (range.Contains(v.EnteredAt))
            {
                events.Add(new FunnelEvent(v.EnteredAt, v.InteractionId is { } id ? journey.Interactions.FirstOrDefault(i => i.Id == id) : null, v.Stage));
            }
        }

        // Both halves are already in time order; a stable merge keeps interactions before stage entries on ties.
        return [.. events.Select((e, index) => (e, index)).OrderBy(x => x.e.Time).ThenBy(x => x.index < interactionCount ? 0 : 1).ThenBy(x => x.index).Select(x => x.e)];
    }

    /// <summary>The best attempt of one customer: step times (empty if no step 0), the start index, or Excluded.</summary>
    internal static (DateTimeOffset[] Times, int Start, bool Excluded) Evaluate(FunnelEvent[] events, FunnelDefinition funnel)
    {
        var steps = funnel.Steps;
        var matches = new bool[events.Length, steps.Count];
        for (var e = 0; e < events.Length; e++)
        {
            for (var k = 0; k < steps.Count; k++)
            {
                matches[e, k] = steps[k].Matches(events[e]);
            }
        }

        int[]? best = null;
        DateTimeOffset[]? bestTimes = null;
        var bestStart = -1;
        var anyAttempt = false;
        for (var s = 0; s < events.Length; s++)
        {
            var isStart = funnel.Mode == FunnelMode.Unordered ? AnyStep(matches, s, steps.Count) : matches[s, 0];
            if (!isStart)
            {
                continue;
            }

            anyAttempt = true;
            var deadline = Deadline(events[s].Time, funnel.Window);
            var (indices, times) = funnel.Mode == FunnelMode.Unordered
                ? Unordered(events, matches, s, deadline, steps.Count)
                : Sequential(events, matches, s, deadline, steps.Count, funnel.Mode == FunnelMode.Strict);
            if (IsExcluded(events, funnel, indices, deadline))
            {
                continue;
            }

            if (best is null || indices.Length > best.Length)
            {
                (best, bestTimes, bestStart) = (indices, times, s);
                if (best.Length == steps.Count)
                {
                    break;
                }
            }
        }

        return best is null ? ([], -1, anyAttempt) : (bestTimes!, bestStart, false);
    }

    private static DateTimeOffset Deadline(DateTimeOffset start, TimeSpan window) =>
        DateTimeOffset.MaxValue - window < start ? DateTimeOffset.MaxValue : start + window;

    private static bool AnyStep(bool[,] matches, int e, int stepCount)
    {
        for (var k = 0; k < stepCount; k++)
        {
            if (matches[e, k])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ordered / strict: from start s, take for each next step the earliest matching event (greedy is optimal for subsequences).</summary>
    private static (int[] Indices, DateTimeOffset[] Times) Sequential(FunnelEvent[] events, bool[,] matches, int s, DateTimeOffset deadline, int stepCount, bool strict)
    {
        var indices = new List<int> { s };
        var position = s + 1;
        for (var k = 1; k < stepCount; k++)
        {
            var found = -1;
            for (var j = position; j < events.Length && events[j].Time <= deadline; j++)
            {
                if (matches[j, k])
                {
                    found = j;
                    break;
                }

                // Strict: any other interaction breaks the chain; stage entries are consequences of interactions, not events of their own.
                if (strict && !events[j].IsStageEntry)
                {
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            indices.Add(found);
            position = found + 1;
        }

        return ([.. indices], [.. indices.Select(i => events[i].Time)]);
    }

    /// <summary>Unordered: a maximum matching of events to distinct steps (Kuhn), grown one event at a time; level k is reached when the matching first has k + 1 pairs.</summary>
    private static (int[] Indices, DateTimeOffset[] Times) Unordered(FunnelEvent[] events, bool[,] matches, int s, DateTimeOffset deadline, int stepCount)
    {
        var eventOfStep = new int[stepCount];
        Array.Fill(eventOfStep, -1);
        var reachedAt = new List<int>();
        var size = 0;
        for (var j = s; j < events.Length && events[j].Time <= deadline && size < stepCount; j++)
        {
            if (Augment(j, matches, eventOfStep, new bool[stepCount]))
            {
                size++;
                reachedAt.Add(j);
            }
        }

        return ([.. reachedAt], [.. reachedAt.Select(i => events[i].Time)]);
    }

    private static bool Augment(int e, bool[,] matches, int[] eventOfStep, bool[] visited)
    {
        for (var k = 0; k < eventOfStep.Length; k++)
        {
            if (!matches[e, k] || visited[k])
            {
                continue;
            }

            visited[k] = true;
            if (eventOfStep[k] < 0 || Augment(eventOfStep[k], matches, eventOfStep, visited))
            {
                eventOfStep[k] = e;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an exclusion event lies strictly between step i and step i + 1 of the attempt (or after step i until the window closes, if step i + 1 was not reached).</summary>
    private static bool IsExcluded(FunnelEvent[] events, FunnelDefinition funnel, int[] indices, DateTimeOffset deadline)
    {
        foreach (var exclusion in funnel.Exclusions)
        {
            var i = exclusion.AfterStep;
            if (i >= indices.Length)
            {
                continue;
            }

            var end = i + 1 < indices.Length ? indices[i + 1] : events.Length;
            for (var j = indices[i] + 1; j < end && events[j].Time <= deadline; j++)
            {
                if (exclusion.Step.Matches(events[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static FunnelGroupResult Aggregate(string key, FunnelDefinition funnel, IEnumerable<DateTimeOffset[]> paths)
    {
        var list = paths.ToList();
        var starters = list.Count;
        var steps = new List<FunnelStepResult>(funnel.Steps.Count);
        for (var k = 0; k < funnel.Steps.Count; k++)
        {
            var entered = k == 0 ? starters : list.Count(p => p.Length >= k);
            var converted = list.Count(p => p.Length > k);
            var (median, p90) = k == 0 ? (null, null) : Statistics.MedianAndP90(list.Where(p => p.Length > k).Select(p => p[k] - p[k - 1]));
            steps.Add(new FunnelStepResult(k, funnel.Steps[k].Name, entered, converted, Proportion.Of(converted, entered), Proportion.Of(converted, starters), median, p90));
        }

        return new FunnelGroupResult(key, steps);
    }
}
