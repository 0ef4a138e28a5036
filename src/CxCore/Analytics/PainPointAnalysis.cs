using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Analytics;

/// <summary>
/// Finds the touchpoints and channels that hurt: low interaction scores, failures, and what customers did afterwards
/// compared with customers who did not go through them. A pure function of the journeys, the range and the filter.
/// </summary>
/// <remarks>
/// <para>Interactions count when inside the range and kept by the filter. Each journey is scored once with
/// <see cref="ScoringPipeline.Score(IReadOnlyList{Interaction}, DateTimeOffset)"/> as of its last interaction; an
/// interaction's score is its <see cref="InteractionContribution.Score"/> (unscored interactions count in volume but not in means).</para>
/// <para>Follow-up of a customer anchored at interaction <c>i</c> at time <c>t</c> looks at the whole journey (not only the
/// range, not filtered) in <c>(t, t + window]</c>: <em>lapsed</em> = a stage visit entering Dormant or Churned;
/// <em>purchased again</em> = a stage visit entering Purchase or RepeatPurchase; <em>dropped out</em> = no interaction
/// after <c>i</c> in journey order with a timestamp up to <c>t + window</c>. The anchor is the customer's first hit of the
/// touchpoint or channel; customers of the analysis who never hit it are anchored at their first counted interaction.</para>
/// <para>Censoring: a window that ends after the horizon (<see cref="PainPointOptions.Horizon"/>, else the latest
/// interaction or stage entry in the snapshot) is not fully observed, so that customer is left out of the follow-up
/// shares and counted in <see cref="PainPointFollowUp.Censored"/>. Differences between the groups carry Newcombe's
/// hybrid score 95% interval (<see cref="ProportionDifference"/>).</para>
/// </remarks>
public static class PainPointAnalysis
{
    /// <summary>Analyses every touchpoint and channel seen in the range.</summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="range">Interactions whose time is in <c>[From, To)</c> count.</param>
    /// <param name="pipeline">Scores the interactions.</param>
    /// <param name="options">The follow-up window; null uses <see cref="PainPointOptions.Default"/>.</param>
    /// <param name="filter">Which customers and interactions to look at; null keeps everything.</param>
    /// <returns>Per touchpoint and per channel, by impact descending.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/>, one of its elements or <paramref name="pipeline"/> is null.</exception>
    /// <example><code>var worst = PainPointAnalysis.Analyze(snapshot, range, ScoringPipeline.Default).Touchpoints.FirstOrDefault();</code></example>
    public static PainPointResult Analyze(
        IEnumerable<Journey> journeys,
        TimeRange range,
        ScoringPipeline pipeline,
        PainPointOptions? options = null,
        AnalyticsFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(pipeline);
        options ??= PainPointOptions.Default;
        filter ??= AnalyticsFilter.All;
        var window = options.FollowUpWindow;

        var customers = new List<Customer>();
        DateTimeOffset? latest = null;
        foreach (var journey in journeys)
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            latest = Later(latest, LatestInstantOf(journey));
            if (!filter.Keeps(journey))
            {
                continue;
            }

            var hits = new List<int>();
            for (var i = 0; i < journey.Interactions.Count; i++)
            {
                var interaction = journey.Interactions[i];
                if (range.Contains(interaction.Timestamp) && filter.Keeps(interaction))
                {
                    hits.Add(i);
                }
            }

            if (hits.Count == 0)
            {
                continue;
            }

            customers.Add(new Customer(journey, hits, InteractionScores.Of(InteractionScores.ScoreAsOfLast(journey, pipeline))));
        }

        var horizon = options.Horizon ?? latest ?? range.To;
        var follow = new FollowUp(window, horizon);
        var firstFollowUps = customers.Select(c => follow.Of(c.Journey, c.Hits[0])).ToList();

        var all = customers.SelectMany(c => c.Hits.Where(c.Scores.ContainsKey).Select(i => c.Scores[i])).ToList();
        double? overall = all.Count == 0 ? null : all.Average();
        return new PainPointResult(
            range,
            window,
            horizon,
            customers.Sum(c => c.Hits.Count),
            customers.Count,
            overall,
            Group(customers, firstFollowUps, i => i.Touchpoint?.Value, follow, overall, i => (i.Touchpoint, null)),
            Group(customers, firstFollowUps, i => i.Channel.Name, follow, overall, i => (null, i.Channel)));
    }

    private static List<PainPoint> Group(
        List<Customer> customers,
        List<Outcome?> firstFollowUps,
        Func<Interaction, string?> keyOf,
        FollowUp follow,
        double? overall,
        Func<Interaction, (TouchpointId? Touchpoint, Channel? Channel)> identity)
    {
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var keysOf = new List<HashSet<string>>(customers.Count);
        foreach (var customer in customers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            keysOf.Add(seen);
            foreach (var index in customer.Hits)
            {
                var interaction = customer.Journey.Interactions[index];
                if (keyOf(interaction) is not { } key)
                {
                    continue;
                }

                if (!groups.TryGetValue(key, out var acc))
                {
                    groups[key] = acc = new Accumulator(identity(interaction));
                }

                acc.Volume++;
                if (interaction.Outcome is InteractionOutcome.Failed or InteractionOutcome.Abandoned)
                {
                    acc.Failures++;
                }

                if (customer.Scores.TryGetValue(index, out var s))
                {
                    acc.ScoreSum += s;
                    acc.Scored++;
                }

                if (seen.Add(key))
                {
                    acc.Hit.Add(follow.Of(customer.Journey, index));
                }
            }
        }

        var result = new List<PainPoint>(groups.Count);
        foreach (var (key, acc) in groups)
        {
            var notHit = new Tally();
            for (var c = 0; c < customers.Count; c++)
            {
                if (!keysOf[c].Contains(key))
                {
                    notHit.Add(firstFollowUps[c]);
                }
            }

            double? mean = acc.Scored == 0 ? null : acc.ScoreSum / acc.Scored;
            double? gap = mean is { } m && overall is { } o ? m - o : null;
            var hit = acc.Hit.ToFollowUp();
            var none = notHit.ToFollowUp();
            var lapsedDifference = PainPoint.Difference(hit.Lapsed, none.Lapsed)?.Estimate ?? 0;
            var impact = acc.Volume * Math.Max(0, -(gap ?? 0)) * (1 + lapsedDifference);
            result.Add(new PainPoint(
                acc.Identity.Touchpoint,
                acc.Identity.Channel,
                acc.Volume,
                acc.Hit.Customers,
                acc.Scored,
                mean,
                gap,
                Proportion.Of(acc.Failures, acc.Volume),
                hit,
                none,
                impact));
        }

        return [.. result
            .OrderByDescending(p => p.Impact)
            .ThenByDescending(p => p.Volume)
            .ThenBy(p => p.Touchpoint?.Value ?? p.Channel?.Name, StringComparer.Ordinal)];
    }

    private static DateTimeOffset LatestInstantOf(Journey journey)
    {
        var latest = journey.StageHistory[^1].EnteredAt;
        return journey.LastInteractionAt is { } last && last > latest ? last : latest;
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    /// <summary>What one customer did within one window; null (at the call sites) when the window is censored.</summary>
    private readonly record struct Outcome(bool Lapsed, bool DroppedOut, bool PurchasedAgain);

    private sealed class FollowUp(TimeSpan window, DateTimeOffset horizon)
    {
        /// <summary>The follow-up anchored at interaction <paramref name="index"/>, or null when its window ends after the horizon.</summary>
        public Outcome? Of(Journey journey, int index)
        {
            var t = journey.Interactions[index].Timestamp;
            var end = t + window;
            if (end > horizon)
            {
                return null;
            }

            var droppedOut = index + 1 >= journey.Interactions.Count || journey.Interactions[index + 1].Timestamp > end;
            bool lapsed = false, purchased = false;
            foreach (var visit in journey.StageHistory)
            {
                if (visit.EnteredAt <= t || visit.EnteredAt > end)
                {
                    continue;
                }

                lapsed |= visit.Stage == JourneyStage.Dormant || visit.Stage == JourneyStage.Churned;
                purchased |= visit.Stage == JourneyStage.Purchase || visit.Stage == JourneyStage.RepeatPurchase;
            }

            return new Outcome(lapsed, droppedOut, purchased);
        }
    }

    private sealed record Customer(Journey Journey, List<int> Hits, Dictionary<int, double> Scores);

    private sealed class Tally
    {
        private int _observed;
        private int _censored;
        private int _lapsed;
        private int _droppedOut;
        private int _purchased;

        public int Customers => _observed + _censored;

        public void Add(Outcome? outcome)
        {
            if (outcome is not { } f)
            {
                _censored++;
                return;
            }

            _observed++;
            _lapsed += f.Lapsed ? 1 : 0;
            _droppedOut += f.DroppedOut ? 1 : 0;
            _purchased += f.PurchasedAgain ? 1 : 0;
        }

        public PainPointFollowUp ToFollowUp() =>
            new(Proportion.Of(_lapsed, _observed), Proportion.Of(_droppedOut, _observed), Proportion.Of(_purchased, _observed), _censored);
    }

    private sealed class Accumulator((TouchpointId? Touchpoint, Channel? Channel) identity)
    {
        public (TouchpointId? Touchpoint, Channel? Channel) Identity { get; } = identity;

        public Tally Hit { get; } = new();

        public int Volume { get; set; }

        public int Failures { get; set; }

        public int Scored { get; set; }

        public double ScoreSum { get; set; }
    }
}
