using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Funnels over a snapshot of journeys: a pure function of the journeys, the funnel, a time range and a filter.
/// Semantics (docs/analytics.md): every attempt that starts with a step-0 event is evaluated; the customer counts
/// with the attempt that gets furthest (the earliest such); an attempt hit by an exclusion does not count.
/// </summary>
public static class FunnelAnalysis
{
    /// <summary>The group key of <see cref="FunnelResult.Total"/>.</summary>
    public const string AllKey = "(all)";

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

        // One pass, no per-customer allocation: the evaluator reuses its buffers, and each customer's best attempt goes
        // straight into its group's counts and step durations.
        var evaluator = new FunnelEvaluator(funnel, range, filter);
        var total = new Tally(funnel.Steps.Count);
        var groups = funnel.Breakdown is null ? null : new Dictionary<string, Tally>(StringComparer.Ordinal);
        var excluded = 0;
        foreach (var journey in Prefetched(journeys, evaluator))
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            if (!filter.Keeps(journey))
            {
                continue;
            }

            evaluator.Evaluate(journey);
            if (evaluator.Excluded)
            {
                excluded++;
                continue;
            }

            if (evaluator.Level == 0)
            {
                continue;
            }

            total.Add(evaluator);
            if (groups is not null)
            {
                var key = funnel.Breakdown!.KeyOf(evaluator.StartInteraction());
                if (!groups.TryGetValue(key, out var group))
                {
                    groups.Add(key, group = new Tally(funnel.Steps.Count));
                }

                group.Add(evaluator);
            }
        }

        IReadOnlyList<FunnelGroupResult> groupResults = groups is null
            ? []
            : [.. groups.Select(g => g.Value.ToResult(g.Key, funnel))
                .OrderByDescending(g => g.Customers)
                .ThenBy(g => g.Key, StringComparer.Ordinal)];
        return new FunnelResult(funnel, range, total.ToResult(AllKey, funnel), groupResults, excluded);
    }

    /// <summary>
    /// The journeys, each one's interactions touched (<see cref="FunnelEvaluator.Touch"/>) one journey ahead of its
    /// evaluation when the snapshot is a list. A snapshot's interactions are wherever the engine allocated them as they
    /// arrived, interleaved with every other customer's, so reading them is a cache miss each; touching them in a loop
    /// without branches on their values lets the processor fetch them in parallel (and while the previous customer is
    /// being evaluated) instead of one after the other.
    /// </summary>
    private static IEnumerable<Journey> Prefetched(IEnumerable<Journey> journeys, FunnelEvaluator evaluator)
    {
        if (journeys is not IReadOnlyList<Journey> list)
        {
            foreach (var journey in journeys)
            {
                yield return journey;
            }

            yield break;
        }

        for (var j = 0; j < list.Count; j++)
        {
            if (j + 1 < list.Count)
            {
                evaluator.Touch(list[j + 1]);
            }

            yield return list[j];
        }
    }

    /// <summary>One group's customers by the level their best attempt reached, and the times between consecutive steps.</summary>
    private sealed class Tally
    {
        private readonly int[] _reached; // _reached[k]: customers whose best attempt has exactly k + 1 steps
        private readonly List<double>[] _durations; // ticks from step k - 1 to step k, over customers who reached step k

        public Tally(int stepCount)
        {
            _reached = new int[stepCount];
            _durations = new List<double>[stepCount];
            for (var k = 1; k < stepCount; k++)
            {
                _durations[k] = [];
            }
        }

        public void Add(FunnelEvaluator attempt)
        {
            _reached[attempt.Level - 1]++;
            for (var k = 1; k < attempt.Level; k++)
            {
                _durations[k].Add(attempt.StepTime(k) - attempt.StepTime(k - 1));
            }
        }

        public FunnelGroupResult ToResult(string key, FunnelDefinition funnel)
        {
            var stepCount = _reached.Length;
            var converted = new int[stepCount];
            var atLeast = 0;
            for (var k = stepCount - 1; k >= 0; k--)
            {
                atLeast += _reached[k];
                converted[k] = atLeast;
            }

            var starters = converted[0];
            var steps = new List<FunnelStepResult>(stepCount);
            for (var k = 0; k < stepCount; k++)
            {
                var entered = k == 0 ? starters : converted[k - 1];
                var (median, p90) = k == 0 ? (null, null) : MedianAndP90(_durations[k]);
                steps.Add(new FunnelStepResult(k, funnel.Steps[k].Name, entered, converted[k], Proportion.Of(converted[k], entered), Proportion.Of(converted[k], starters), median, p90));
            }

            return new FunnelGroupResult(key, steps);
        }

        /// <summary>As <see cref="Statistics.MedianAndP90"/> (the same ticks as doubles, sorted the same way), without LINQ over a million durations.</summary>
        private static (TimeSpan? Median, TimeSpan? P90) MedianAndP90(List<double> ticks)
        {
            if (ticks.Count == 0)
            {
                return (null, null);
            }

            ticks.Sort();
            return (TimeSpan.FromTicks((long)Math.Round(Statistics.Quantile(ticks, 0.5))), TimeSpan.FromTicks((long)Math.Round(Statistics.Quantile(ticks, 0.9))));
        }
    }
}
