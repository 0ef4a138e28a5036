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
                Assert.Equal(r.Customers, p.Hit.Lapsed.Trials + p.NotHit.Lapsed.Trials);
                Assert.Equal(p.Customers, p.Hit.DroppedOut.Trials);
                foreach (var share in new[] { p.FailureRate, p.Hit.Lapsed, p.Hit.DroppedOut, p.Hit.PurchasedAgain, p.NotHit.Lapsed, p.NotHit.DroppedOut, p.NotHit.PurchasedAgain })
                {
                    Assert.InRange(share.Estimate, 0, 1);
                }

                Assert.True(p.Impact >= 0);
                Assert.Equal(p.Gap is null || p.Gap >= 0 ? 0 : p.Volume * -p.Gap.Value * (1 + (p.LapsedDifference ?? 0)), p.Impact, 9);
            }

            var ranked = r.Channels.Select(c => c.Impact).ToList();
            Assert.Equal(ranked.OrderDescending(), ranked);
        });
    }
}
