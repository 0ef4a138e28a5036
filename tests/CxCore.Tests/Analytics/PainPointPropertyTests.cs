using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Analytics;

public sealed class PainPointPropertyTests
{
    private static readonly Gen<Journey[]> Snapshot = ChannelMixPropertyTests.Snapshot;

    [Fact]
    public void Pain_point_rates_are_shares_and_volumes_add_up()
    {
        Gen.Select(Snapshot, Gen.Int[0, 2000], Gen.Int[1, 3000], Gen.Int[1, 2000]).Sample((journeys, from, length, window) =>
        {
            var range = new TimeRange(T0.AddMinutes(from), T0.AddMinutes(from + length));
            var r = PainPointAnalysis.Analyze(journeys, range, CsatOnly, new PainPointOptions { FollowUpWindow = TimeSpan.FromMinutes(window) });
            Assert.Equal(r.Interactions, r.Channels.Sum(c => c.Volume));
            Assert.Equal(journeys.Sum(j => j.Interactions.Count(i => range.Contains(i.Timestamp) && i.Touchpoint is not null)), r.Touchpoints.Sum(t => t.Volume));
            foreach (var p in r.Channels.Concat(r.Touchpoints))
            {
                Assert.Equal(r.Customers, p.Hit.Observed + p.Hit.Censored + p.NotHit.Observed + p.NotHit.Censored);
                Assert.Equal(p.Customers, p.Hit.Observed + p.Hit.Censored);
                Assert.Equal(p.Hit.Observed, p.Hit.DroppedOut.Trials);
                foreach (var d in new[] { p.LapsedDifference, p.DroppedOutDifference, p.PurchasedAgainDifference })
                {
                    Assert.Equal(d is null, p.Hit.Observed == 0 || p.NotHit.Observed == 0);
                    if (d is not null)
                    {
                        Assert.InRange(d.Estimate, d.Lower, d.Upper);
                        Assert.InRange(d.Lower, -1, 1);
                        Assert.InRange(d.Upper, -1, 1);
                    }
                }
                foreach (var share in new[] { p.FailureRate, p.Hit.Lapsed, p.Hit.DroppedOut, p.Hit.PurchasedAgain, p.NotHit.Lapsed, p.NotHit.DroppedOut, p.NotHit.PurchasedAgain })
                {
                    Assert.InRange(share.Estimate, 0, 1);
                }

                Assert.True(p.Impact >= 0);
                Assert.Equal(p.Gap is null || p.Gap >= 0 ? 0 : p.Volume * -p.Gap.Value * (1 + (p.LapsedDifference?.Estimate ?? 0)), p.Impact, 9);
            }

            var latest = journeys.SelectMany(j => j.Interactions.Select(i => i.Timestamp).Concat(j.StageHistory.Select(v => v.EnteredAt))).DefaultIfEmpty(range.To).Max();
            Assert.Equal(latest, r.Horizon);
            var ranked = r.Channels.Select(c => c.Impact).ToList();
            Assert.Equal(ranked.OrderDescending(), ranked);
        });
    }

    [Fact]
    public void A_horizon_past_every_window_censors_nobody_and_an_early_one_censors_everybody()
    {
        Gen.Select(Snapshot, Gen.Int[1, 2000]).Sample((journeys, window) =>
        {
            var range = new TimeRange(T0, T0.AddDays(10));
            var late = PainPointAnalysis.Analyze(journeys, range, CsatOnly, new PainPointOptions { FollowUpWindow = TimeSpan.FromMinutes(window), Horizon = T0.AddYears(1) });
            Assert.All(late.Channels, p => Assert.Equal(0, p.Hit.Censored + p.NotHit.Censored));
            var early = PainPointAnalysis.Analyze(journeys, range, CsatOnly, new PainPointOptions { FollowUpWindow = TimeSpan.FromMinutes(window), Horizon = T0.AddYears(-1) });
            Assert.All(early.Channels, p => Assert.Equal(0, p.Hit.Observed + p.NotHit.Observed));
            Assert.All(early.Channels, p => Assert.Null(p.LapsedDifference));
        });
    }
}
