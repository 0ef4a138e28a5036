using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>The engine's snapshot of every journey, and analytics run over it the way a host would.</summary>
public sealed class SnapshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetJourneysAsync_returns_every_customers_journey_as_of_the_instant_with_its_score()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));
        await engine.RecordAllAsync([Of("c-2", "c-2-1", 0, "product_view"), Of("c-2", "c-2-2", 3, "add_to_cart")]);

        var all = (await engine.GetJourneysAsync(Now, Ct).ToListAsync()).OrderBy(j => j.CustomerId.Value).ToList();
        var early = (await engine.GetJourneysAsync(TestData.T0.AddDays(1.5), Ct).ToListAsync()).OrderBy(j => j.CustomerId.Value).ToList();

        Assert.Equal([Id("c-1"), Id("c-2")], all.Select(j => j.CustomerId));
        Assert.Equal([JourneyStage.Advocacy, JourneyStage.Engagement], all.Select(j => j.CurrentStage));
        Assert.All(all, j => Assert.NotNull(j.Score));
        Assert.Equal([2, 1], early.Select(j => j.Interactions.Count));
        Assert.Equal([JourneyStage.Engagement, JourneyStage.Consideration], early.Select(j => j.CurrentStage));
    }

    [Fact]
    public async Task A_funnel_over_the_engine_snapshot_counts_who_viewed_carted_and_bought()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));
        await engine.RecordAllAsync([Of("c-2", "c-2-1", 0, "product_view"), Of("c-2", "c-2-2", 3, "add_to_cart")]);
        await engine.RecordAllAsync([Of("c-3", "c-3-1", 1, "product_view")]);
        var funnel = new FunnelDefinition(
            [FunnelStep.Kind("product_view"), FunnelStep.Kind("add_to_cart"), FunnelStep.StageEntry(JourneyStage.Purchase)],
            TimeSpan.FromDays(7));

        var snapshot = await engine.GetJourneysAsync(Now, Ct).ToListAsync();
        var result = FunnelAnalysis.Analyze(snapshot, funnel, new TimeRange(TestData.T0, Now));

        Assert.Equal([3, 2, 1], result.Total.Steps.Select(s => s.Converted));
    }

    [Fact]
    public async Task Looking_up_unknown_customers_keeps_no_state_for_them_and_recording_them_later_still_works()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await engine.GetJourneyAsync(Id($"nobody-{i}"), Now, Ct));
        }

        Assert.Equal(1, engine.LiveCount);
        var result = await engine.RecordAsync(Of("nobody-7", "n-1", 0, "purchase"), Ct);
        Assert.Equal(JourneyStage.Purchase, result.Stage);
        Assert.Equal(JourneyStage.Purchase, (await engine.GetJourneyAsync(Id("nobody-7"), Now, Ct))!.CurrentStage);
    }
}
