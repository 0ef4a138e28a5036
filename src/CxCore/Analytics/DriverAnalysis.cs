using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Analytics;

/// <summary>
/// Which touchpoints' scores move the journey score: a regression of each customer's journey score on their mean
/// interaction score at each touchpoint, reported as Johnson's relative weights (the share of R² each touchpoint
/// accounts for) with the standardised betas and every sample size. A pure function of the journeys, the range and the filter.
/// </summary>
/// <remarks>
/// <para><b>Data.</b> One row per customer kept by the filter with at least one interaction at a touchpoint inside the
/// range. Outcome: the journey score's <see cref="CxScore.Value"/> (<see cref="Journey.Score"/>, or with
/// <see cref="DriverOptions.Pipeline"/> the pipeline's score as of the last interaction); journeys without one are
/// skipped and counted. Predictor <c>j</c>: the customer's mean own interaction score
/// (<see cref="InteractionContribution.Score"/>, as in <see cref="PainPointAnalysis"/>) over their counted interactions at
/// touchpoint <c>j</c>.</para>
/// <para><b>Missing values.</b> Touchpoints scored by fewer than <see cref="DriverOptions.MinimumCustomers"/> customers
/// are excluded (listed with their count); customers with no score at any remaining touchpoint are skipped and counted.
/// A customer who did not go through a remaining touchpoint is given its mean (mean imputation): it keeps every customer
/// and the correlation matrix positive semi-definite, but it shrinks the touchpoint's variance and so its correlations
/// towards 0 in proportion to the share of customers imputed — read <see cref="TouchpointDriver.Coverage"/> next to the weight.</para>
/// <para><b>Method.</b> Johnson (2000): with <c>R = VΛVᵀ</c> the touchpoints' correlation matrix and <c>r</c> their
/// correlations with the journey score, <c>L = VΛ^{1/2}Vᵀ</c>, <c>β* = L⁻¹r</c>, <c>RWⱼ = Σₖ Lⱼₖ²β*ₖ²</c>;
/// <c>Σⱼ RWⱼ = R²</c>. Standardised betas <c>β = R⁻¹r</c>. Constant touchpoints are dropped; then, taking touchpoints by
/// customers descending and name, one that is (to 1 − 10⁻⁹) a linear combination of those before it is dropped as collinear.</para>
/// </remarks>
public static class DriverAnalysis
{
    /// <summary>Fits the journey score on the touchpoint scores and ranks the touchpoints by relative weight.</summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="range">Interactions whose time is in <c>[From, To)</c> count.</param>
    /// <param name="filter">Which customers and interactions to look at; null keeps everything.</param>
    /// <param name="options">Minimum sample size and scoring; null uses <see cref="DriverOptions.Default"/>.</param>
    /// <returns>R², the drivers ranked by relative weight, and the excluded touchpoints.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its elements is null.</exception>
    /// <example>
    /// <code>
    /// var drivers = DriverAnalysis.Analyze(snapshot, range, options: new DriverOptions { MinimumCustomers = 50 });
    /// foreach (var d in drivers.Drivers) Console.WriteLine($"{d.Rank}. {d.Touchpoint}: {d.Share:0}% of R² {drivers.RSquared:0.00} (n={d.Customers})");
    /// </code>
    /// </example>
    public static DriverResult Analyze(
        IEnumerable<Journey> journeys,
        TimeRange range,
        AnalyticsFilter? filter = null,
        DriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        filter ??= AnalyticsFilter.All;
        options ??= DriverOptions.Default;

        int considered = 0, unscored = 0, withoutScores = 0;
        var rows = new List<(double Outcome, Dictionary<string, double> Means)>();
        var touchpoints = new Dictionary<string, TouchpointId>(StringComparer.Ordinal);
        foreach (var journey in journeys)
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            if (!filter.Keeps(journey) || !journey.Interactions.Any(i => Counts(i, range, filter)))
            {
                continue;
            }

            considered++;
            var score = options.Pipeline is { } pipeline ? InteractionScores.ScoreAsOfLast(journey, pipeline) : journey.Score;
            if (score is null)
            {
                unscored++;
                continue;
            }

            var own = options.Pipeline is null ? InteractionScores.Of(score, journey.Interactions) : InteractionScores.Of(score);
            var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
            for (var i = 0; i < journey.Interactions.Count; i++)
            {
                var interaction = journey.Interactions[i];
                if (Counts(interaction, range, filter) && own.TryGetValue(i, out var s))
                {
                    var key = interaction.Touchpoint!.Value.Value;
                    touchpoints.TryAdd(key, interaction.Touchpoint.Value);
                    var (sum, count) = sums.GetValueOrDefault(key);
                    sums[key] = (sum + s, count + 1);
                }
            }

            if (sums.Count == 0)
            {
                withoutScores++;
                continue;
            }

            rows.Add((score.Value, sums.ToDictionary(x => x.Key, x => x.Value.Sum / x.Value.Count, StringComparer.Ordinal)));
        }

        // Every customer who scored a touchpoint has it in their row, so nⱼ and the means are over the rows.
        var stats = touchpoints.Keys
            .Select(key => (Key: key, Values: rows.Where(r => r.Means.ContainsKey(key)).Select(r => r.Means[key]).ToList()))
            .Select(t => (t.Key, N: t.Values.Count, Mean: t.Values.Average()))
            .OrderByDescending(t => t.N)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        var excluded = new List<ExcludedTouchpoint>();
        foreach (var t in stats.Where(t => t.N < options.MinimumCustomers))
        {
            excluded.Add(new ExcludedTouchpoint(touchpoints[t.Key], t.N, t.Mean, DriverExclusion.TooFewCustomers));
        }

        var candidates = stats.Where(t => t.N >= options.MinimumCustomers).ToList();
        var used = rows.Where(r => candidates.Any(c => r.Means.ContainsKey(c.Key))).ToList();
        withoutScores += rows.Count - used.Count;
        var columns = candidates
            .Select(c => used.Select(r => r.Means.TryGetValue(c.Key, out var v) ? v : c.Mean).ToArray())
            .ToList();
        var fit = candidates.Count == 0 ? null : RelativeWeights.Compute(columns, [.. used.Select(r => r.Outcome)]);

        var drivers = new List<TouchpointDriver>();
        for (var j = 0; j < candidates.Count; j++)
        {
            var c = candidates[j];
            if (fit is null || fit.Predictors[j].Dropped is not null)
            {
                excluded.Add(new ExcludedTouchpoint(touchpoints[c.Key], c.N, c.Mean, fit?.Predictors[j].Dropped ?? DriverExclusion.NoModel));
                continue;
            }

            var p = fit.Predictors[j];
            var share = fit.RSquared > 0 ? 100 * p.Weight / fit.RSquared : 0;
            drivers.Add(new TouchpointDriver(touchpoints[c.Key], c.N, Proportion.Of(c.N, used.Count), c.Mean, p.Correlation, p.Beta, p.Weight, share, 0));
        }

        return new DriverResult(
            range,
            considered,
            unscored,
            withoutScores,
            used.Count,
            fit?.RSquared,
            [.. drivers
                .OrderByDescending(d => d.RelativeWeight)
                .ThenBy(d => d.Touchpoint.Value, StringComparer.Ordinal)
                .Select((d, k) => d with { Rank = k + 1 })],
            [.. excluded
                .OrderByDescending(e => e.Customers)
                .ThenBy(e => e.Touchpoint.Value, StringComparer.Ordinal)]);
    }

    private static bool Counts(Interaction interaction, TimeRange range, AnalyticsFilter filter) =>
        interaction.Touchpoint is not null && range.Contains(interaction.Timestamp) && filter.Keeps(interaction);
}
