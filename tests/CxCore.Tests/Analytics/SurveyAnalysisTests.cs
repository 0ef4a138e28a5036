using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.JourneyBuilder;

namespace CxCore.Tests.Analytics;

public sealed class SurveyAnalysisTests
{
    private static readonly TimeRange Month = new(T0, T0.AddDays(31));

    [Fact]
    public void Nps_of_five_promoters_three_passives_two_detractors_is_30_with_the_trinomial_interval()
    {
        int[] answers = [10, 9, 9, 10, 9, 8, 7, 7, 6, 0];
        var journey = answers.Select((a, i) => (a, i)).Aggregate(new JourneyBuilder("c1"), (b, x) => b.Survey(x.i, nps: x.a)).Build();
        var nps = SurveyAnalysis.Compute([journey], Month).Total.Nps;

        Assert.Equal((10, 5, 3, 2), (nps.Responses, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(30, nps.Score, 9);
        // Var = (0.5 + 0.2 − 0.3²) / 10 = 0.061; half-width = 1.96 × √0.061 = 0.4841.
        Assert.Equal(-18.41, nps.Lower, 2);
        Assert.Equal(78.41, nps.Upper, 2);
    }

    [Fact]
    public void Csat_mean_and_top_two_box_and_ces_mean()
    {
        var journey = new JourneyBuilder("c1").Survey(0, csat: 5).Survey(1, csat: 4).Survey(2, csat: 2, ces: 6).Survey(3, csat: 5, ces: 2).Survey(4, nps: 10).Build();
        var total = SurveyAnalysis.Compute([journey], Month).Total;

        Assert.Equal(5, total.Responses);
        Assert.Equal(4, total.Csat.Responses);
        Assert.Equal(4.0, total.Csat.Mean);
        Assert.Equal(0.75, total.Csat.TopTwoBox.Estimate);
        Assert.Equal(2, total.Ces.Responses);
        Assert.Equal(4.0, total.Ces.Mean);
        Assert.Equal(1, total.Nps.Responses);
    }

    [Fact]
    public void Csat_counts_answers_per_score_and_they_sum_to_the_responses()
    {
        var journey = new JourneyBuilder("c1").Survey(0, csat: 5).Survey(1, csat: 4).Survey(2, csat: 2).Survey(3, csat: 5).Survey(4, nps: 10).Build();
        var csat = SurveyAnalysis.Compute([journey], Month).Total.Csat;

        Assert.Equal([0, 1, 0, 1, 2], csat.Counts);
        Assert.Equal(2, csat.CountOf(5));
        Assert.Equal(csat.Responses, csat.Counts.Sum());
        Assert.Throws<ArgumentOutOfRangeException>(() => csat.CountOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => csat.CountOf(6));
    }

    [Fact]
    public void Csat_results_with_the_same_counts_are_equal_and_counts_are_checked()
    {
        var p = Proportion.Of(1, 2);

        Assert.Equal(new CsatResult(2, 3, p) { Counts = [1, 0, 0, 0, 1] }, new CsatResult(2, 3, p) { Counts = [1, 0, 0, 0, 1] });
        Assert.NotEqual(new CsatResult(2, 3, p) { Counts = [1, 0, 0, 0, 1] }, new CsatResult(2, 3, p) { Counts = [0, 1, 0, 1, 0] });
        Assert.Equal([0, 0, 0, 0, 0], new CsatResult(0, null, Proportion.Of(0, 0)).Counts);
        Assert.Throws<ArgumentException>(() => new CsatResult(1, 1, p) { Counts = [1, 0, 0, 0] });
        Assert.Throws<ArgumentException>(() => new CsatResult(1, 1, p) { Counts = [1, 0, 0, 0, -1] });
    }

    [Fact]
    public void Csat_counts_cannot_be_changed_after_the_result_is_made()
    {
        int[] source = [1, 0, 0, 0, 1];
        var result = new CsatResult(2, 3, Proportion.Of(1, 2)) { Counts = source };
        source[0] = 9;

        Assert.Equal(1, result.CountOf(1));
        Assert.IsNotType<int[]>(result.Counts);
        Assert.IsNotType<int[]>(new CsatResult(0, null, Proportion.Of(0, 0)).Counts);
    }

    [Fact]
    public void No_answers_gives_empty_metrics_with_uninformative_intervals()
    {
        var total = SurveyAnalysis.Compute([new JourneyBuilder("c1").Do(0, "page_view").Build()], Month).Total;
        Assert.Equal((0, 0.0, -100.0, 100.0), (total.Nps.Responses, total.Nps.Score, total.Nps.Lower, total.Nps.Upper));
        Assert.Null(total.Csat.Mean);
        Assert.Null(total.Ces.Mean);
    }

    [Fact]
    public void Breakdown_by_channel_and_weekly_iso_trend_with_empty_weeks()
    {
        var journey = new JourneyBuilder("c1")
            .Survey(0, nps: 10, channel: Channel.Email)                    // Mon 4 Mar, week of 4 Mar
            .Survey(60 * 24 * 6.9, nps: 0, channel: Channel.Phone)          // Sun 10 Mar, same ISO week
            .Survey(60 * 24 * 15, nps: 9, channel: Channel.Email)           // Tue 19 Mar, week of 18 Mar
            .Build();
        var result = SurveyAnalysis.Compute([journey], new TimeRange(T0.AddDays(-2), T0.AddDays(21)), breakdown: Breakdown.ByChannel, bucket: TimeBucket.IsoWeek);

        Assert.Equal(["email", "phone"], result.Groups.Select(g => g.Key));
        Assert.Equal([100.0, -100.0], result.Groups.Select(g => g.Nps.Score));
        Assert.Equal(["2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18"], result.Trend.Select(p => p.Summary.Key));
        Assert.Equal([0, 2, 0, 1], result.Trend.Select(p => p.Summary.Nps.Responses));
        Assert.Equal(0, result.Trend[1].Summary.Nps.Score);
    }

    [Theory]
    [InlineData("2024-03-10T23:59:00+00:00", TimeBucket.IsoWeek, "2024-03-04")]
    [InlineData("2024-03-11T00:00:00+00:00", TimeBucket.IsoWeek, "2024-03-11")]
    [InlineData("2024-03-11T01:00:00+02:00", TimeBucket.Day, "2024-03-10")]
    [InlineData("2024-02-29T12:00:00+00:00", TimeBucket.Month, "2024-02-01")]
    public void Buckets_are_utc_days_iso_weeks_and_months(string instant, TimeBucket bucket, string start) =>
        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture), SurveyAnalysis.BucketStart(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), bucket));

    [Fact]
    public void Nps_and_csat_intervals_contain_their_estimates_and_stay_in_bounds()
    {
        Gen.Select(Gen.Int[0, 10].Array[0, 40], Gen.Int[1, 5].Array[0, 40]).Sample((nps, csat) =>
        {
            var b = new JourneyBuilder("c1");
            for (var i = 0; i < nps.Length; i++)
            {
                b.Survey(i, nps: nps[i]);
            }

            for (var i = 0; i < csat.Length; i++)
            {
                b.Survey(100 + i, csat: csat[i]);
            }

            var total = SurveyAnalysis.Compute([b.Build()], Month).Total;
            Assert.InRange(total.Nps.Score, total.Nps.Lower, total.Nps.Upper);
            Assert.InRange(total.Nps.Lower, -100, 100);
            Assert.InRange(total.Nps.Upper, -100, 100);
            Assert.InRange(total.Csat.TopTwoBox.Estimate, total.Csat.TopTwoBox.Lower, total.Csat.TopTwoBox.Upper);
            Assert.Equal(nps.Length, total.Nps.Promoters + total.Nps.Passives + total.Nps.Detractors);
        });
    }
}
