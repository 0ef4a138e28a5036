using CxCore.Domain;
using CxCore.Engine;
using CxCore.Scoring;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Recording one interaction: the stage machine and the scoring pipeline applied, idempotence, late arrivals.</summary>
public sealed class RecordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAsync_walks_the_default_journey_and_returns_the_stage_before_and_after()
    {
        var engine = Create();
        var path = HappyPath("c-1");

        var results = new List<RecordResult>();
        foreach (var interaction in path)
        {
            results.Add(await engine.RecordAsync(interaction, Ct));
        }

        Assert.All(results, r => Assert.Equal(RecordStatus.Recorded, r.Status));
        Assert.All(results, r => Assert.Equal(Id("c-1"), r.CustomerId));
        Assert.Equal(
            [JourneyStage.Awareness, JourneyStage.Consideration, JourneyStage.Engagement, JourneyStage.Purchase, JourneyStage.Use],
            results.Select(r => r.StageBefore));
        Assert.Equal(
            [JourneyStage.Consideration, JourneyStage.Engagement, JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Advocacy],
            results.Select(r => r.Stage));
        Assert.All(results, r => Assert.True(r.StageChanged));
    }

    [Fact]
    public async Task RecordResult_score_is_the_pipeline_score_as_of_the_latest_interaction()
    {
        var engine = Create();
        var path = UnhappyPath("c-1");

        RecordResult last = default;
        foreach (var interaction in path)
        {
            last = await engine.RecordAsync(interaction, Ct);
        }

        var expected = ScoringPipeline.Default.Evaluate(path, path[^1].Timestamp);
        Assert.Equal(expected, last.Score);
        Assert.True(last.Score.IsRated);
    }

    [Fact]
    public async Task An_interaction_that_triggers_nothing_is_recorded_without_a_stage_change()
    {
        var engine = Create();
        await engine.RecordAsync(Of("c-1", "e-1", 0, "product_view"), Ct);

        var result = await engine.RecordAsync(Of("c-1", "e-2", 1, "email_open"), Ct);

        Assert.Equal(RecordStatus.Recorded, result.Status);
        Assert.False(result.StageChanged);
        Assert.Equal(JourneyStage.Consideration, result.Stage);
    }

    [Fact]
    public async Task A_failed_purchase_does_not_move_the_customer_to_Purchase()
    {
        var engine = Create();
        await engine.RecordAsync(Of("c-1", "e-1", 0, "add_to_cart"), Ct);

        var result = await engine.RecordAsync(Of("c-1", "e-2", 1, "purchase", InteractionOutcome.Failed), Ct);

        Assert.Equal(JourneyStage.Engagement, result.Stage);
    }

    [Fact]
    public async Task GetJourneyAsync_returns_the_stage_history_with_time_in_stage_and_an_explained_score()
    {
        var engine = Create();
        var path = HappyPath("c-1");
        await engine.RecordAllAsync(path);

        var journey = await engine.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(10), Ct);

        Assert.NotNull(journey);
        Assert.Equal(Id("c-1"), journey.CustomerId);
        Assert.Equal(JourneyStage.Advocacy, journey.CurrentStage);
        Assert.Equal(path.Select(i => i.Id), journey.Interactions.Select(i => i.Id));
        Assert.Equal(
            [JourneyStage.Awareness, JourneyStage.Consideration, JourneyStage.Engagement, JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Advocacy],
            journey.StageHistory.Select(v => v.Stage));
        Assert.Equal(StageEntryReason.Initial, journey.StageHistory[0].Reason);
        Assert.All(journey.StageHistory.Skip(1), v => Assert.Equal(StageEntryReason.Trigger, v.Reason));
        Assert.Equal(path.Select(i => (InteractionId?)i.Id), journey.StageHistory.Skip(1).Select(v => v.InteractionId));
        Assert.Equal(TimeSpan.FromDays(3), journey.TimeInStage(JourneyStage.Purchase, TestData.T0.AddDays(10)));
        Assert.Equal(TimeSpan.FromDays(1), journey.TimeInStage(JourneyStage.Use, TestData.T0.AddDays(10)));
        Assert.Equal(TimeSpan.FromDays(4), journey.TimeInStage(JourneyStage.Advocacy, TestData.T0.AddDays(10)));

        var score = journey.Score;
        Assert.NotNull(score);
        Assert.True(score.Summary.IsRated);
        Assert.Equal(ScoringPipeline.Default.Score(path, TestData.T0.AddDays(10)).Value, score.Value);
        Assert.NotEmpty(score.Contributions);
        Assert.False(string.IsNullOrWhiteSpace(score.Explain()));
    }

    [Fact]
    public async Task GetJourneyAsync_as_of_an_earlier_instant_sees_only_the_interactions_up_to_it()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));

        var journey = await engine.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(3), Ct);

        Assert.NotNull(journey);
        Assert.Equal(JourneyStage.Purchase, journey.CurrentStage);
        Assert.Equal(3, journey.Interactions.Count);
    }

    [Fact]
    public async Task GetJourneyAsync_for_an_unknown_customer_is_null()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));

        Assert.Null(await engine.GetJourneyAsync(Id("nobody"), cancellationToken: Ct));
    }

    [Fact]
    public async Task The_same_interaction_twice_is_a_duplicate_and_changes_nothing()
    {
        var engine = Create();
        var path = UnhappyPath("c-1");
        await engine.RecordAllAsync(path);
        var before = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);

        var again = await engine.RecordAsync(path[1], Ct);

        Assert.Equal(RecordStatus.Duplicate, again.Status);
        Assert.False(again.StageChanged);
        Assert.Equal(before!.CurrentStage, again.Stage);
        Assert.Equal(before.Score!.Summary, ScoringPipeline.Default.Evaluate(path, Now));
        AssertSameJourney(before, await engine.GetJourneyAsync(Id("c-1"), Now, Ct));
    }

    [Fact]
    public async Task A_different_interaction_reusing_an_id_is_a_duplicate_and_is_ignored()
    {
        var engine = Create();
        await engine.RecordAsync(Of("c-1", "e-1", 0, "product_view"), Ct);

        var result = await engine.RecordAsync(Of("c-1", "e-1", 1, "purchase"), Ct);

        Assert.Equal(RecordStatus.Duplicate, result.Status);
        Assert.Equal(JourneyStage.Consideration, result.Stage);
        var journey = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);
        Assert.Equal("product_view", Assert.Single(journey!.Interactions).Kind);
    }

    [Fact]
    public async Task The_same_interaction_id_for_two_customers_is_two_interactions()
    {
        var engine = Create();

        var first = await engine.RecordAsync(Of("c-1", "e-1", 0, "purchase"), Ct);
        var second = await engine.RecordAsync(Of("c-2", "e-1", 0, "purchase"), Ct);

        Assert.Equal(RecordStatus.Recorded, first.Status);
        Assert.Equal(RecordStatus.Recorded, second.Status);
    }

    [Fact]
    public async Task A_late_interaction_is_RecordedLate_and_the_journey_equals_recording_in_time_order()
    {
        var path = HappyPath("c-1");
        var inOrder = Create();
        await inOrder.RecordAllAsync(path);
        var late = Create();
        await late.RecordAllAsync([path[0], path[2], path[3], path[4]]);

        var result = await late.RecordAsync(path[1], Ct);

        Assert.Equal(RecordStatus.RecordedLate, result.Status);
        Assert.Equal(JourneyStage.Advocacy, result.Stage);
        Assert.Equal(ScoringPipeline.Default.Evaluate(path, path[^1].Timestamp), result.Score);
        var expected = await inOrder.GetJourneyAsync(Id("c-1"), Now, Ct);
        AssertSameJourney(expected!, await late.GetJourneyAsync(Id("c-1"), Now, Ct));
        var (reference, score) = Reference(Id("c-1"), path, Now);
        AssertSameJourney(reference, score, await late.GetJourneyAsync(Id("c-1"), Now, Ct));
    }

    [Fact]
    public async Task A_late_purchase_rewrites_the_stage_history()
    {
        var engine = Create();
        await engine.RecordAsync(Of("c-1", "e-2", 5, "delivered"), Ct);
        var before = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);
        Assert.Equal(JourneyStage.Awareness, before!.CurrentStage);

        var result = await engine.RecordAsync(Of("c-1", "e-1", 1, "purchase"), Ct);

        Assert.Equal(RecordStatus.RecordedLate, result.Status);
        Assert.Equal(JourneyStage.Awareness, result.StageBefore);
        Assert.Equal(JourneyStage.Use, result.Stage);
        var journey = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);
        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Use], journey!.StageHistory.Select(v => v.Stage));
        Assert.Equal(TestData.T0.AddDays(1), journey.StageHistory[1].EnteredAt);
    }

    [Fact]
    public async Task A_customer_silent_for_longer_than_DormantAfter_is_Dormant_as_of_later()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-1"));

        var journey = await engine.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(106), Ct);

        Assert.Equal(JourneyStage.Dormant, journey!.CurrentStage);
        Assert.Equal(StageEntryReason.Inactivity, journey.StageHistory[^1].Reason);
        Assert.Equal(TestData.T0.AddDays(96), journey.CurrentStageSince);
    }

    [Fact]
    public async Task Interactions_at_the_same_instant_give_the_same_score_whatever_their_arrival_order()
    {
        var bad = Of("c-1", "e-a", 1, "contact", InteractionOutcome.Failed, csat: 1, nps: 0);
        var good = Of("c-1", "e-b", 1, "support_resolved", csat: 5, nps: 10);
        var first = Create();
        var second = Create();
        await first.RecordAsync(Of("c-1", "e-0", 0, "purchase"), Ct);
        await second.RecordAsync(Of("c-1", "e-0", 0, "purchase"), Ct);

        await first.RecordAsync(bad, Ct);
        var badThenGood = await first.RecordAsync(good, Ct);
        await second.RecordAsync(good, Ct);
        var goodThenBad = await second.RecordAsync(bad, Ct);

        Assert.Equal(badThenGood.Score, goodThenBad.Score);
        var journey = await first.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(1), Ct);
        Assert.Equal(journey!.Score!.Summary, goodThenBad.Score);
    }

    [Fact]
    public async Task RecordAsync_with_a_cancelled_token_records_nothing()
    {
        var engine = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await engine.RecordAsync(Of("c-1", "e-1", 0, "purchase"), cts.Token));

        Assert.Null(await engine.GetJourneyAsync(Id("c-1"), Now, Ct));
    }

    [Fact]
    public async Task RecordAsync_rejects_null()
    {
        var engine = Create();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await engine.RecordAsync(null!, Ct));
    }
}
