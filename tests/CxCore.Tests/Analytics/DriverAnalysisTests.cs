using CxCore.Analytics;
using CxCore.Domain;
using CxCore.Scoring;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Analytics;

public sealed class DriverAnalysisTests
{
    private static readonly TimeRange Range = new(T0, T0.AddDays(30));

    /// <summary>The journey with its score as the engine would store it (CSAT-only: an interaction's own score is <c>(csat − 1) × 25</c>).</summary>
    private static Journey Scored(Journey j) =>
        new(j.CustomerId, j.Interactions, j.StageHistory) { Score = CsatOnly.Score(j.Interactions, j.Interactions[^1].Timestamp) };

    /// <summary>
    /// 40 customers: everyone hits "app" (scores vary), 34 hit "web" (twice each, with different scores), 10 hit "rare",
    /// 31 hit "flat" always with CSAT 3; plus one unscored journey, one with only unscored interactions, one with only "rare",
    /// and one whose touchpoint interaction is outside the range.
    /// </summary>
    private static List<Journey> Snapshot(bool stored = true)
    {
        var random = new Random(7);
        var journeys = new List<Journey>();
        for (var c = 0; c < 40; c++)
        {
            var list = new List<I> { new(1, Channel.MobileApp, Tp: "app", Csat: 1 + random.Next(5)) };
            if (c < 34)
            {
                list.Add(new(2, Channel.Web, Tp: "web", Csat: 1 + random.Next(5)));
                list.Add(new(3, Channel.Web, Tp: "web", Csat: 1 + random.Next(5)));
            }

            if (c % 4 == 0)
            {
                list.Add(new(4, Channel.Phone, Tp: "rare", Csat: 1 + random.Next(5)));
            }

            if (c < 31)
            {
                list.Add(new(5, Channel.Web, Tp: "flat", Csat: 3));
            }

            list.Add(new(6, Channel.Email, Kind: "survey", Csat: 1 + random.Next(5))); // no touchpoint: moves the journey score only
            journeys.Add(J($"c{c:00}", TimeSpan.FromDays(1), [.. list]));
        }

        journeys.Add(J("unscored", TimeSpan.FromDays(1), [new(1, Channel.Web, Tp: "app", Csat: 5)]));
        journeys.Add(J("silent", TimeSpan.FromDays(1), [new(1, Channel.Web, Tp: "app"), new(2, Channel.Web, Csat: 4)]));
        journeys.Add(J("only-rare", TimeSpan.FromDays(1), [new(1, Channel.Web, Tp: "rare", Csat: 2)]));
        journeys.Add(J("outside", TimeSpan.FromDays(1), [new(40, Channel.Web, Tp: "app", Csat: 1)]));
        return [.. journeys.Select(j => stored && j.CustomerId.Value != "unscored" ? Scored(j) : j)];
    }

    [Fact]
    public void Counts_sample_sizes_and_exclusions()
    {
        var r = DriverAnalysis.Analyze(Snapshot(), Range);
        Assert.Equal(43, r.Journeys); // 40 + unscored + silent + only-rare; "outside" has nothing in range
        Assert.Equal(1, r.Unscored);
        Assert.Equal(2, r.WithoutTouchpointScores); // silent (no scored touchpoint interaction), only-rare (rare is excluded)
        Assert.Equal(40, r.Customers);
        Assert.Equal(["app", "web"], r.Drivers.Select(d => d.Touchpoint.Value).Order());
        Assert.Equal(
            [("flat", 31, DriverExclusion.Constant), ("rare", 11, DriverExclusion.TooFewCustomers)],
            r.Excluded.Select(e => (e.Touchpoint.Value, e.Customers, e.Reason)));
        Assert.Equal(50, r.Excluded[0].MeanScore, 9);
        var web = r.Drivers.Single(d => d.Touchpoint.Value == "web");
        Assert.Equal((34, 34, 40), (web.Customers, web.Coverage.Successes, web.Coverage.Trials));
    }

    [Fact]
    public void Weights_are_Johnsons_on_the_mean_imputed_touchpoint_scores()
    {
        var journeys = Snapshot();
        var r = DriverAnalysis.Analyze(journeys, Range);

        // By hand: each customer's mean own score per touchpoint, the touchpoint mean where they have none.
        var model = journeys.Where(j => j.CustomerId.Value.StartsWith('c')).ToList();
        double? Mean(Journey j, string tp)
        {
            var s = j.Interactions.Where(i => i.Touchpoint?.Value == tp).Select(i => (i.Signals.Csat!.Value - 1) * 25.0).ToList();
            return s.Count == 0 ? null : s.Average();
        }

        double[] Column(string tp)
        {
            var mean = model.Select(j => Mean(j, tp)).OfType<double>().Average();
            return [.. model.Select(j => Mean(j, tp) ?? mean)];
        }

        var expected = RelativeWeights.Compute([Column("app"), Column("web")], [.. model.Select(j => j.Score!.Value)])!;
        Assert.Equal(expected.RSquared, r.RSquared!.Value, 12);
        var app = r.Drivers.Single(d => d.Touchpoint.Value == "app");
        var web = r.Drivers.Single(d => d.Touchpoint.Value == "web");
        Assert.Equal(expected.Predictors[0].Weight, app.RelativeWeight, 12);
        Assert.Equal(expected.Predictors[1].Weight, web.RelativeWeight, 12);
        Assert.Equal(expected.Predictors[1].Beta, web.StandardizedBeta, 12);
        Assert.Equal(expected.Predictors[1].Correlation, web.Correlation, 12);
        Assert.Equal(model.Take(34).Average(j => Mean(j, "web")!.Value), web.MeanScore, 9);
        Assert.Equal(r.RSquared.Value, r.Drivers.Sum(d => d.RelativeWeight), 12);
        Assert.Equal(100, r.Drivers.Sum(d => d.Share), 9);
        Assert.Equal([1, 2], r.Drivers.Select(d => d.Rank));
        Assert.True(r.Drivers[0].RelativeWeight >= r.Drivers[1].RelativeWeight);
    }

    [Fact]
    public void A_pipeline_scores_journeys_that_have_no_stored_score_the_same_way()
    {
        var stored = DriverAnalysis.Analyze(Snapshot(), Range);
        var raw = Snapshot(stored: false).Where(j => j.CustomerId.Value != "unscored");
        var piped = DriverAnalysis.Analyze(raw, Range, options: new DriverOptions { Pipeline = CsatOnly });
        Assert.Equal((0, 40), (piped.Unscored, piped.Customers));
        Assert.Equal(stored.RSquared, piped.RSquared);
        Assert.Equal(stored.Drivers.Select(d => (d.Touchpoint, d.RelativeWeight, d.StandardizedBeta, d.Rank)), piped.Drivers.Select(d => (d.Touchpoint, d.RelativeWeight, d.StandardizedBeta, d.Rank)));
        Assert.Equal(43, DriverAnalysis.Analyze(Snapshot(stored: false), Range).Unscored);
    }

    [Fact]
    public void Minimum_sample_size_and_filter_apply()
    {
        var r = DriverAnalysis.Analyze(Snapshot(), Range, options: new DriverOptions { MinimumCustomers = 35 });
        Assert.Equal(["app"], r.Drivers.Select(d => d.Touchpoint.Value));
        Assert.Contains(r.Excluded, e => e.Touchpoint.Value == "web" && e.Reason == DriverExclusion.TooFewCustomers && e.Customers == 34);

        var filtered = DriverAnalysis.Analyze(Snapshot(), Range, new AnalyticsFilter { Interactions = i => i.Channel != Channel.MobileApp });
        Assert.DoesNotContain(filtered.Drivers, d => d.Touchpoint.Value == "app");
        Assert.Equal(["web"], filtered.Drivers.Select(d => d.Touchpoint.Value));
        Assert.Equal(filtered.Drivers[0].Correlation * filtered.Drivers[0].Correlation, filtered.RSquared!.Value, 12); // one predictor: R² = r²
    }

    [Fact]
    public void No_model_without_enough_customers_or_variation()
    {
        var few = DriverAnalysis.Analyze(Snapshot().Take(2), Range, options: new DriverOptions { MinimumCustomers = 1 });
        Assert.Null(few.RSquared);
        Assert.Empty(few.Drivers);
        Assert.All(few.Excluded, e => Assert.Equal(DriverExclusion.NoModel, e.Reason));

        var none = DriverAnalysis.Analyze([], Range);
        Assert.Equal((0, 0, null), (none.Journeys, none.Customers, none.RSquared));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => DriverAnalysis.Analyze(null!, Range));
        Assert.Throws<ArgumentNullException>(() => DriverAnalysis.Analyze([null!], Range));
        Assert.Equal("MinimumCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => new DriverOptions { MinimumCustomers = 0 }).ParamName);
    }
}
