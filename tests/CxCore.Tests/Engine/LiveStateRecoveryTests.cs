using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Storage;
using CxCore.Tests.Storage;
using Microsoft.Extensions.Options;

namespace CxCore.Tests.Engine;

/// <summary>The live state never drifts from the store: not after a failed load, a failed record, or a merge a writer waited out.</summary>
public sealed class LiveStateRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class ThrowOnceClassifier : IInteractionClassifier
    {
        public int Throws = 1;

        public bool TryClassify(Interaction interaction, out JourneyTrigger trigger)
        {
            if (Interlocked.Decrement(ref Throws) >= 0)
            {
                throw new InvalidOperationException("transient classifier failure");
            }

            return InteractionClassifier.Default.TryClassify(interaction, out trigger);
        }
    }

    [Fact]
    public async Task A_failed_first_load_does_not_leave_the_interactions_twice_in_the_live_scorer()
    {
        var store = new InMemoryJourneyStore();
        foreach (var i in EngineTestKit.HappyPath("c1"))
        {
            await store.TryAppendAsync(i, Ct);
        }

        var classifier = new ThrowOnceClassifier();
        var engine = new CxEngine(store, DefaultJourney.Definition, classifier, ScoringPipeline.Default, [],
            Options.Create(new CxCoreOptions()), new FixedTime(EngineTestKit.Now));

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.GetJourneyAsync(new CustomerId("c1"), cancellationToken: Ct));
        var journey = await engine.GetJourneyAsync(new CustomerId("c1"), cancellationToken: Ct);

        Assert.NotNull(journey);
        Assert.Equal(5, journey.Interactions.Count);
    }

    /// <summary>Blocks the merge's first copy into the target until released.</summary>
    private sealed class GatedStore(IJourneyStore inner) : DelegatingJourneyStore(inner)
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CustomerId? GateOn;

        public override async ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
        {
            if (GateOn is { } g && interaction.CustomerId == g)
            {
                GateOn = null;
                Entered.TrySetResult();
                await Go.Task;
            }

            return await base.TryAppendAsync(interaction, cancellationToken);
        }
    }

    [Fact]
    public async Task A_record_for_the_source_that_waited_out_a_merge_lands_on_the_target()
    {
        var store = new GatedStore(new InMemoryJourneyStore());
        var engine = EngineTestKit.Create(store);
        await engine.RecordAllAsync(EngineTestKit.HappyPath("a"));
        await engine.RecordAllAsync(EngineTestKit.HappyPath("b"));

        store.GateOn = new CustomerId("b");
        var merge = engine.MergeCustomersAsync(new CustomerId("a"), new CustomerId("b"), Ct).AsTask();
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Resolved before the merge finished: 'a' is still 'a'; waits on a's lock held by the merge.
        var record = engine.RecordAsync(EngineTestKit.Of("a", "a-late", 7, "contact"), Ct).AsTask();
        await Task.Delay(100, Ct);
        store.Go.SetResult();
        await merge;
        var result = await record;

        var journey = await engine.GetJourneyAsync(new CustomerId("a"), cancellationToken: Ct);
        Assert.Equal(new CustomerId("b"), result.CustomerId);
        Assert.Contains(journey!.Interactions, i => i.Id == new InteractionId("a-late"));
    }

    [Fact]
    public async Task A_record_that_fails_after_the_store_kept_it_is_rebuilt_from_the_store_by_the_next_caller()
    {
        var store = new InMemoryJourneyStore();
        var engine = new CxEngine(store, DefaultJourney.Definition, new ThrowOnceForClassifier("c1-3"), ScoringPipeline.Default, [],
            Options.Create(new CxCoreOptions()), new FixedTime(EngineTestKit.Now));
        var path = EngineTestKit.HappyPath("c1");
        await engine.RecordAllAsync(path[..2]);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.RecordAsync(path[2], Ct));
        var retry = await engine.RecordAsync(path[2], Ct);
        await engine.RecordAllAsync(path[3..]);

        Assert.Equal(RecordStatus.Duplicate, retry.Status); // the store kept it the first time
        var journey = await engine.GetJourneyAsync(new CustomerId("c1"), cancellationToken: Ct);
        var expected = new CxEngine(new InMemoryJourneyStore(), DefaultJourney.Definition, InteractionClassifier.Default, ScoringPipeline.Default, [],
            Options.Create(new CxCoreOptions()), new FixedTime(EngineTestKit.Now));
        await expected.RecordAllAsync(path);
        var reference = await expected.GetJourneyAsync(new CustomerId("c1"), cancellationToken: Ct);
        Assert.Equal(5, journey!.Interactions.Count);
        Assert.Equal(reference!.CurrentStage, journey.CurrentStage);
        Assert.Equal(reference.StageHistory.Select(v => v.Stage), journey.StageHistory.Select(v => v.Stage));
        Assert.Equal(reference.Score!.Value, journey.Score!.Value);
    }

    /// <summary>Throws once when asked to append the given interaction id for the given customer.</summary>
    private sealed class FailOnceStore(IJourneyStore inner, CustomerId customer, string id) : DelegatingJourneyStore(inner)
    {
        private int _failures = 1;

        public override async ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
        {
            if (interaction.CustomerId == customer && interaction.Id.Value == id && Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new IOException("disk full");
            }

            return await base.TryAppendAsync(interaction, cancellationToken);
        }





    }

    [Fact]
    public async Task A_merge_that_fails_half_way_leaves_journeys_that_match_the_store_and_can_be_retried()
    {
        var inner = new InMemoryJourneyStore();
        var engine = EngineTestKit.Create(new FailOnceStore(inner, new CustomerId("b"), "a-3"));
        await engine.RecordAllAsync(EngineTestKit.HappyPath("a"));
        await engine.RecordAllAsync(EngineTestKit.HappyPath("b"));

        await Assert.ThrowsAsync<IOException>(async () => await engine.MergeCustomersAsync(new CustomerId("a"), new CustomerId("b"), Ct));
        var halfway = await engine.GetJourneyAsync(new CustomerId("b"), cancellationToken: Ct);
        var stored = await inner.GetInteractionsAsync(new CustomerId("b"), Ct);

        Assert.Equal(stored.Select(i => i.Id.Value).Order(StringComparer.Ordinal), halfway!.Interactions.Select(i => i.Id.Value).Order(StringComparer.Ordinal));
        Assert.Equal(7, stored.Count); // b's five and the two copies made before the failure

        var merged = await engine.MergeCustomersAsync(new CustomerId("a"), new CustomerId("b"), Ct);
        Assert.Equal(10, merged.Interactions.Count);
        Assert.Null(await engine.GetJourneyAsync(new CustomerId("nobody"), cancellationToken: Ct));
        Assert.Equal(new CustomerId("b"), (await engine.GetJourneyAsync(new CustomerId("a"), cancellationToken: Ct))!.CustomerId);
    }
}
