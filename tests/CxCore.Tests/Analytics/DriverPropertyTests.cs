using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Analytics;

public sealed class DriverPropertyTests
{
    private static readonly TimeRange Range = new(T0, T0.AddDays(30));

    private static readonly DriverOptions Options = new() { MinimumCustomers = 1, Pipeline = CsatOnly };

    /// <summary>Up to 64 customers of the channel-mix generator, ids made unique.</summary>
    private static readonly Gen<Journey[]> Snapshot = ChannelMixPropertyTests.Snapshot.Array[1, 8].Select(groups =>
        groups.SelectMany((g, k) => g.Select(j => Rename(j, $"g{k}-{j.CustomerId.Value}"))).ToArray());

    private static Journey Rename(Journey j, string id)
    {
        var customer = new CustomerId(id);
        return new Journey(customer, [.. j.Interactions.Select(i => new Interaction(new InteractionId($"{id}-{i.Id.Value}"), customer, i.Timestamp, i.Channel, i.Kind)
        {
            Touchpoint = i.Touchpoint,
            Signals = i.Signals,
            Outcome = i.Outcome,
        })], j.StageHistory);
    }

    [Fact]
    public void Weights_add_up_to_R_squared_counts_add_up_and_journey_order_does_not_matter()
    {
        Gen.Select(Snapshot, Gen.Int).Sample((journeys, seed) =>
        {
            var r = DriverAnalysis.Analyze(journeys, Range, options: Options);
            Assert.Equal(r.Journeys, r.Unscored + r.WithoutTouchpointScores + r.Customers);
            Assert.All(r.Drivers, d => Assert.True(d.RelativeWeight >= 0));
            if (r.RSquared is { } r2)
            {
                Assert.Equal(r2, r.Drivers.Sum(d => d.RelativeWeight), 9);
                Assert.InRange(r2, -1e-9, 1 + 1e-9);
            }
            else
            {
                Assert.Empty(r.Drivers);
            }

            Assert.Equal(Enumerable.Range(1, r.Drivers.Count), r.Drivers.Select(d => d.Rank));
            var shuffled = DriverAnalysis.Analyze(journeys.OrderBy(j => HashCode.Combine(j.CustomerId.Value, seed)), Range, options: Options);
            Assert.Equal(r.RSquared is null, shuffled.RSquared is null);
            Assert.Equal(r.RSquared ?? 0, shuffled.RSquared ?? 0, 9);
            Assert.Equal(r.Drivers.Select(d => d.Touchpoint), shuffled.Drivers.Select(d => d.Touchpoint));
            Assert.Equal(r.Excluded.Select(e => (e.Touchpoint, e.Reason)), shuffled.Excluded.Select(e => (e.Touchpoint, e.Reason)));
        });
    }
}
