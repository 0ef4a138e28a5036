using CxCore.Analytics;
using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Analytics;

public sealed class PainPointAnalysisTests
{
    internal static readonly DateTimeOffset T0 = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Only CSAT counts, so an interaction's own score is exactly <c>(csat − 1) × 25</c>.</summary>
    internal static readonly ScoringPipeline CsatOnly = new ScoringPipelineBuilder().AddScorer(new CsatScorer()).Build();

    private static readonly TimeRange Range = new(T0, T0.AddDays(100));

    /// <summary>Data known to be complete up to day 100, so no 30-day window in <see cref="Snapshot"/> is censored.</summary>
    private static readonly PainPointOptions Observed = new() { Horizon = T0.AddDays(100) };

    internal sealed record I(double At, Channel Channel, string Kind = "visit", string? Tp = null, int? Csat = null, InteractionOutcome Outcome = InteractionOutcome.Unknown, ServiceMode? Mode = null);

    /// <summary>A journey; interaction and stage times are offsets from <see cref="T0"/> in <paramref name="unit"/>.</summary>
    internal static Journey J(string customer, TimeSpan unit, I[] interactions, params (double At, JourneyStage Stage)[] stages)
    {
        var id = new CustomerId(customer);
        var list = interactions.Select((x, n) => new Interaction(new InteractionId($"{customer}-{n}"), id, T0 + (unit * x.At), x.Channel, x.Kind)
        {
            Touchpoint = x.Tp is null ? null : new TouchpointId(x.Tp),
            Signals = new InteractionSignals { Csat = x.Csat },
            Outcome = x.Outcome,
            Mode = x.Mode,
        }).ToList();
        var visits = new List<StageVisit> { new(JourneyStage.Awareness, T0.AddDays(-1000), stages.Length == 0 ? null : T0 + (unit * stages[0].At), StageEntryReason.Initial) };
        for (var k = 0; k < stages.Length; k++)
        {
            DateTimeOffset? exit = k + 1 < stages.Length ? T0 + (unit * stages[k + 1].At) : null;
            visits.Add(new StageVisit(stages[k].Stage, T0 + (unit * stages[k].At), exit, StageEntryReason.Trigger, new JourneyTrigger("T")));
        }

        return new Journey(id, list, visits);
    }

    private static Journey D(string customer, I[] interactions, params (double At, JourneyStage Stage)[] stages) =>
        J(customer, TimeSpan.FromDays(1), interactions, stages);

    /// <summary>
    /// A: checkout (CSAT 1, failed) day 0, home (CSAT 5) day 10; Dormant at day 30 (exactly the window's end: counts).
    /// B: home (CSAT 5) day 0, checkout by phone (CSAT 2, abandoned) day 5 and nothing after; Purchase entered at day 5 (not after the hit).
    /// C: home (CSAT 4) day 0, an unscored email without touchpoint day 31; Churned at day 31 (outside the window).
    /// </summary>
    private static Journey[] Snapshot() =>
    [
        D("a", [new(0, Channel.Web, Tp: "checkout", Csat: 1, Outcome: InteractionOutcome.Failed), new(10, Channel.Web, Tp: "home", Csat: 5)], (30, JourneyStage.Dormant)),
        D("b", [new(0, Channel.Web, Tp: "home", Csat: 5), new(5, Channel.Phone, Tp: "checkout", Csat: 2, Outcome: InteractionOutcome.Abandoned)], (5, JourneyStage.Purchase)),
        D("c", [new(0, Channel.Web, Tp: "home", Csat: 4), new(31, Channel.Email)], (31, JourneyStage.Churned)),
    ];

    [Fact]
    public void Totals_and_overall_mean_over_scored_interactions()
    {
        var r = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed);
        Assert.Equal(6, r.Interactions);
        Assert.Equal(3, r.Customers);
        Assert.Equal(60, r.MeanScore!.Value, 9); // (0 + 100 + 100 + 25 + 75) / 5
        Assert.Equal(TimeSpan.FromDays(30), r.FollowUpWindow);
    }

    [Fact]
    public void Checkout_touchpoint_hand_computed()
    {
        var r = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed);
        Assert.Equal(["checkout", "home"], r.Touchpoints.Select(t => t.Touchpoint!.Value.Value));
        var p = r.Touchpoints[0];
        Assert.Null(p.Channel);
        Assert.Equal((2, 2, 2), (p.Volume, p.Customers, p.ScoredInteractions));
        Assert.Equal(12.5, p.MeanScore!.Value, 9);
        Assert.Equal(-47.5, p.Gap!.Value, 9);
        Assert.Equal((2, 2), (p.FailureRate.Successes, p.FailureRate.Trials));

        // Hitters: a (from day 0: Dormant at day 30 counts, day-10 interaction follows) and b (from day 5: nothing after, Purchase at day 5 is not after).
        Assert.Equal((1, 2), (p.Hit.Lapsed.Successes, p.Hit.Lapsed.Trials));
        Assert.Equal((1, 2), (p.Hit.DroppedOut.Successes, p.Hit.DroppedOut.Trials));
        Assert.Equal((0, 2), (p.Hit.PurchasedAgain.Successes, p.Hit.PurchasedAgain.Trials));

        // Non-hitter c, from day 0: the next interaction and Churned are at day 31, outside the window.
        Assert.Equal((0, 1), (p.NotHit.Lapsed.Successes, p.NotHit.Lapsed.Trials));
        Assert.Equal((1, 1), (p.NotHit.DroppedOut.Successes, p.NotHit.DroppedOut.Trials));
        Assert.Equal((0, 1), (p.NotHit.PurchasedAgain.Successes, p.NotHit.PurchasedAgain.Trials));
        Assert.Equal(0.5, p.LapsedDifference!.Estimate, 9);
        Assert.Equal(-0.5, p.DroppedOutDifference!.Estimate, 9);
        Assert.Equal(0, p.PurchasedAgainDifference!.Estimate, 9);
        Assert.Equal(2 * 47.5 * 1.5, p.Impact, 9);
    }

    [Fact]
    public void Home_touchpoint_has_no_comparison_group_and_no_impact()
    {
        var p = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed).Touchpoints[1];
        Assert.Equal((3, 3), (p.Volume, p.Customers));
        Assert.Equal(275 / 3.0, p.MeanScore!.Value, 9);
        Assert.Equal((275 / 3.0) - 60, p.Gap!.Value, 9);
        Assert.Equal(0, p.FailureRate.Successes);

        // a from day 10 (Dormant at 30 inside, nothing after), b from day 0 (Purchase at day 5), c from day 0 (dropped out).
        Assert.Equal(1, p.Hit.Lapsed.Successes);
        Assert.Equal(2, p.Hit.DroppedOut.Successes);
        Assert.Equal(1, p.Hit.PurchasedAgain.Successes);
        Assert.Equal(0, p.NotHit.Lapsed.Trials);
        Assert.Null(p.LapsedDifference);
        Assert.Equal(0, p.Impact);
    }

    [Fact]
    public void Channels_hand_computed_and_ranked_by_impact_then_volume()
    {
        var r = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed);
        Assert.Equal(["phone", "web", "email"], r.Channels.Select(c => c.Channel!.Value.Name));
        var phone = r.Channels[0];
        Assert.Null(phone.Touchpoint);
        Assert.Equal(-35, phone.Gap!.Value, 9);
        Assert.Equal((1, 1), (phone.FailureRate.Successes, phone.FailureRate.Trials));
        Assert.Equal((1, 2), (phone.NotHit.Lapsed.Successes, phone.NotHit.Lapsed.Trials)); // a lapses, c does not
        Assert.Equal(-0.5, phone.LapsedDifference!.Estimate, 9);
        Assert.Equal(1 * 35 * 0.5, phone.Impact, 9);

        var web = r.Channels[1];
        Assert.Equal((4, 3), (web.Volume, web.Customers));
        Assert.Equal(68.75, web.MeanScore!.Value, 9);
        Assert.Equal((1, 4), (web.FailureRate.Successes, web.FailureRate.Trials));

        var email = r.Channels[2];
        Assert.Equal((1, 0), (email.Volume, email.ScoredInteractions));
        Assert.Null(email.MeanScore);
        Assert.Null(email.Gap);
        Assert.Equal(0, email.Impact);
    }

    [Fact]
    public void Range_is_half_open_and_the_follow_up_window_end_is_inclusive()
    {
        var hour = TimeSpan.FromHours(1);
        Journey[] journeys =
        [
            J("x", hour, [new(0, Channel.Web, Tp: "t"), new(1, Channel.Web)], (1, JourneyStage.RepeatPurchase)), // exactly at t + 1 h: follows up, purchased
            J("y", hour, [new(0, Channel.Web, Tp: "t"), new(1.0001, Channel.Web)], (1.0001, JourneyStage.RepeatPurchase)), // just after: dropped out
            J("z", hour, [new(2, Channel.Web, Tp: "t")]), // at range.To: not counted
        ];
        var r = PainPointAnalysis.Analyze(journeys, new TimeRange(T0, T0.AddHours(2)), CsatOnly, new PainPointOptions { FollowUpWindow = hour });
        Assert.Equal((4, 2), (r.Interactions, r.Customers)); // x and y, both interactions each
        var t = Assert.Single(r.Touchpoints);
        Assert.Equal((2, 2), (t.Volume, t.Customers));
        Assert.Equal((1, 2), (t.Hit.DroppedOut.Successes, t.Hit.DroppedOut.Trials));
        Assert.Equal(1, t.Hit.PurchasedAgain.Successes);
        Assert.Null(r.MeanScore);
    }

    [Fact]
    public void Filter_drops_customers_and_interactions()
    {
        var r = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed, filter: new AnalyticsFilter
        {
            Interactions = i => i.Channel != Channel.Phone,
            Customers = j => j.CustomerId.Value != "c",
        });
        Assert.Equal((3, 2), (r.Interactions, r.Customers));
        Assert.DoesNotContain(r.Channels, c => c.Channel == Channel.Phone);
        var checkout = Assert.Single(r.Touchpoints, t => t.Touchpoint!.Value.Value == "checkout");
        Assert.Equal(1, checkout.Volume);
        Assert.Equal((1, 1), (checkout.NotHit.PurchasedAgain.Successes, checkout.NotHit.PurchasedAgain.Trials)); // b, anchored at its day-0 home visit, purchases at day 5
    }

    [Fact]
    public void Windows_ending_after_the_latest_instant_in_the_snapshot_are_censored()
    {
        // No horizon given: the latest instant is c's day-31 email and Churned entry. b's checkout at day 5 has its window end
        // at day 35 > 31, so b is censored; a (day 0 → 30) and c (day 0 → 30) are observed.
        var r = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly);
        Assert.Equal(T0.AddDays(31), r.Horizon);
        var checkout = r.Touchpoints.Single(t => t.Touchpoint!.Value.Value == "checkout");
        Assert.Equal(2, checkout.Customers);
        Assert.Equal((1, 1), (checkout.Hit.Observed, checkout.Hit.Censored));
        Assert.Equal((1, 1), (checkout.Hit.Lapsed.Successes, checkout.Hit.Lapsed.Trials)); // a only
        Assert.Equal((0, 1), (checkout.NotHit.Lapsed.Successes, checkout.NotHit.Lapsed.Trials)); // c only
        Assert.Equal(0, checkout.NotHit.Censored);
        Assert.Equal(1, checkout.LapsedDifference!.Estimate, 9);
        Assert.Equal(2 * 47.5 * 2, checkout.Impact, 9); // ranked on the observed difference

        // Home: b's first hit is at day 0 (observed), a's at day 10 (ends day 40: censored).
        var home = r.Touchpoints.Single(t => t.Touchpoint!.Value.Value == "home");
        Assert.Equal((2, 1), (home.Hit.Observed, home.Hit.Censored));
    }

    [Fact]
    public void An_explicit_horizon_wins_and_a_window_ending_exactly_at_it_is_observed()
    {
        var day = TimeSpan.FromDays(1);
        Journey[] journeys = [J("x", day, [new(0, Channel.Web, Tp: "t")]), J("y", day, [new(1, Channel.Web, Tp: "t")])];
        var options = new PainPointOptions { FollowUpWindow = TimeSpan.FromDays(10), Horizon = T0.AddDays(10) };
        var t = Assert.Single(PainPointAnalysis.Analyze(journeys, Range, CsatOnly, options).Touchpoints);
        Assert.Equal((1, 1), (t.Hit.Observed, t.Hit.Censored)); // x: ends at day 10 = horizon; y: ends at day 11
        Assert.Equal((1, 1), (t.Hit.DroppedOut.Successes, t.Hit.DroppedOut.Trials));
    }

    [Fact]
    public void Differences_carry_the_Newcombe_interval()
    {
        var p = PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly, Observed).Touchpoints[0];
        var expected = ProportionDifference.Of(Proportion.Of(1, 2), Proportion.Of(0, 1));
        Assert.Equal(expected, p.LapsedDifference);
        Assert.InRange(0.5, p.LapsedDifference!.Lower, p.LapsedDifference.Upper);
        Assert.True(p.LapsedDifference.Lower < 0); // one of two vs none of one: nothing is shown
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => PainPointAnalysis.Analyze(null!, Range, CsatOnly));
        Assert.Throws<ArgumentNullException>(() => PainPointAnalysis.Analyze([], Range, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PainPointOptions { FollowUpWindow = TimeSpan.Zero });
    }
}
