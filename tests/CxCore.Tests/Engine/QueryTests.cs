using CxCore.Domain;
using CxCore.Engine;
using CxCore.Scoring;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Who is where: customers in a stage (with inactivity applied) and customers at risk.</summary>
public sealed class QueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCustomersInStageAsync_lists_the_customers_in_that_stage()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-happy"));
        await engine.RecordAllAsync(HappyPath("c-buyer").Take(3));
        await engine.RecordAllAsync(HappyPath("c-other-buyer").Take(3));

        var purchase = await engine.GetCustomersInStageAsync(JourneyStage.Purchase, TestData.T0.AddDays(10), Ct).ToListAsync();
        var advocacy = await engine.GetCustomersInStageAsync(JourneyStage.Advocacy, TestData.T0.AddDays(10), Ct).ToListAsync();

        Assert.Equal(["c-buyer", "c-other-buyer"], purchase.Select(s => s.CustomerId.Value).Order(StringComparer.Ordinal));
        Assert.All(purchase, s => Assert.Equal(JourneyStage.Purchase, s.Stage));
        Assert.All(purchase, s => Assert.Equal(TestData.T0.AddDays(2), s.LastInteractionAt));
        Assert.Equal("c-happy", Assert.Single(advocacy).CustomerId.Value);
        Assert.Empty(await engine.GetCustomersInStageAsync(JourneyStage.Churned, TestData.T0.AddDays(10), Ct).ToListAsync());
    }

    [Fact]
    public async Task A_customer_silent_for_100_days_is_Dormant_as_of_then_and_not_before()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-quiet"));
        await engine.RecordAsync(Of("c-busy", "e-1", 0, "purchase"), Ct);
        await engine.RecordAsync(Of("c-busy", "e-2", 60, "delivered"), Ct);
        var asOf = TestData.T0.AddDays(106);

        var dormant = await engine.GetCustomersInStageAsync(JourneyStage.Dormant, asOf, Ct).ToListAsync();
        var dormantEarlier = await engine.GetCustomersInStageAsync(JourneyStage.Dormant, TestData.T0.AddDays(50), Ct).ToListAsync();

        var quiet = Assert.Single(dormant);
        Assert.Equal(Id("c-quiet"), quiet.CustomerId);
        Assert.Equal(JourneyStage.Dormant, quiet.Stage);
        Assert.Equal(TestData.T0.AddDays(6), quiet.LastInteractionAt);
        Assert.Empty(dormantEarlier);
        Assert.Equal(Id("c-busy"), Assert.Single(await engine.GetCustomersInStageAsync(JourneyStage.Use, asOf, Ct).ToListAsync()).CustomerId);
    }

    [Fact]
    public async Task GetCustomersInStageAsync_defaults_to_now_from_the_time_provider()
    {
        var engine = Create(now: TestData.T0.AddDays(400));
        await engine.RecordAllAsync(HappyPath("c-1"));

        Assert.Single(await engine.GetCustomersInStageAsync(JourneyStage.Churned, cancellationToken: Ct).ToListAsync());
        Assert.Equal(JourneyStage.Churned, (await engine.GetJourneyAsync(Id("c-1"), cancellationToken: Ct))!.CurrentStage);
    }

    [Fact]
    public async Task GetCustomersInStageAsync_does_not_change_the_live_journey()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));

        await engine.GetCustomersInStageAsync(JourneyStage.Dormant, TestData.T0.AddDays(300), Ct).ToListAsync();
        var result = await engine.RecordAsync(Of("c-1", "e-late", 7, "referral"), Ct);

        Assert.Equal(JourneyStage.Advocacy, result.StageBefore);
    }

    [Fact]
    public async Task GetCustomersAtRiskAsync_lists_unhappy_customers_worst_first_and_not_delighted_ones()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-happy"));
        await engine.RecordAllAsync(UnhappyPath("c-unhappy"));
        await engine.RecordAllAsync(UnhappyPath("c-furious"));
        await engine.RecordAsync(Of("c-furious", "c-furious-5", 6, "complaint", InteractionOutcome.Failed, csat: 1, nps: 0), Ct);
        await engine.RecordAsync(Of("c-furious", "c-furious-6", 6.5, "contact", InteractionOutcome.Abandoned, csat: 1), Ct);
        var asOf = TestData.T0.AddDays(8);

        var atRisk = await engine.GetCustomersAtRiskAsync(asOf, Ct);

        Assert.Equal(["c-furious", "c-unhappy"], atRisk.Select(s => s.CustomerId.Value));
        Assert.True(atRisk[0].Score.Value <= atRisk[1].Score.Value);
        Assert.All(atRisk, s => Assert.True(s.Score.Band is CxBand.AtRisk or CxBand.Detractor));
        var happy = await engine.GetJourneyAsync(Id("c-happy"), asOf, Ct);
        Assert.True(happy!.Score!.Band >= CxBand.Satisfied);
        foreach (var status in atRisk)
        {
            Assert.Equal((await engine.GetJourneyAsync(status.CustomerId, asOf, Ct))!.Score!.Summary, status.Score);
        }
    }

    [Fact]
    public async Task GetCustomersAtRiskAsync_of_an_empty_engine_is_empty()
    {
        Assert.Empty(await Create().GetCustomersAtRiskAsync(Now, Ct));
    }
}
