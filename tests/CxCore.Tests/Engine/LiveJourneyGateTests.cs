// The tests look at a ValueTask's state (completed synchronously, cancelled) before consuming it once.
#pragma warning disable CA2012

using CxCore.Engine;
using CxCore.Scoring;

namespace CxCore.Tests.Engine;

/// <summary>The per-customer lock of the engine: exclusive, first come first served, cancellable while waiting.</summary>
public sealed class LiveJourneyGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LiveJourney NewJourney() => new();

    [Fact]
    public async Task An_uncontended_wait_completes_synchronously_and_the_gate_can_be_taken_again_after_release()
    {
        var live = NewJourney();

        var first = live.WaitAsync(Ct);
        Assert.True(first.IsCompletedSuccessfully);
        await first;
        live.Release();

        var second = live.WaitAsync(Ct);
        Assert.True(second.IsCompletedSuccessfully);
        await second;
        live.Release();
    }

    [Fact]
    public async Task Queued_waiters_get_the_gate_one_at_a_time_after_the_holder_releases_it()
    {
        var live = NewJourney();
        await live.WaitAsync(Ct);
        var order = new List<int>();
        var waiters = Enumerable.Range(1, 3).Select(i => Task.Run(async () => await Take(i), Ct)).ToArray();

        async Task Take(int i)
        {
            await live.WaitAsync(Ct);
            lock (order)
            {
                order.Add(i);
            }

            live.Release();
        }

        // Let all three queue up behind the holder.
        while (!waiters.All(w => w.Status == TaskStatus.WaitingForActivation))
        {
            await Task.Delay(5, Ct);
        }

        await Task.Delay(50, Ct);
        Assert.Empty(order);
        live.Release();
        await Task.WhenAll(waiters);
        Assert.Equal(3, order.Count);
        Assert.True(live.WaitAsync(Ct).IsCompletedSuccessfully, "the gate is free after the last waiter released it.");
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_up_without_taking_the_gate_and_the_next_one_still_gets_it()
    {
        var live = NewJourney();
        await live.WaitAsync(Ct);
        using var cancel = new CancellationTokenSource();
        var cancelled = live.WaitAsync(cancel.Token).AsTask();
        var next = live.WaitAsync(Ct).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);

        live.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(live.WaitAsync(Ct).IsCompleted, "the next waiter holds the gate now.");
    }

    [Fact]
    public async Task A_wait_with_an_already_cancelled_token_on_a_held_gate_is_cancelled_at_once()
    {
        var live = NewJourney();
        await live.WaitAsync(Ct);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var wait = live.WaitAsync(cancel.Token);

        Assert.True(wait.IsCanceled);
        live.Release();
        Assert.True(live.WaitAsync(Ct).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Many_writers_never_hold_the_gate_together()
    {
        var live = NewJourney();
        var inside = 0;
        var maxInside = 0;
        var total = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < 500; i++)
                {
                    await live.WaitAsync(Ct);
                    var now = Interlocked.Increment(ref inside);
                    maxInside = Math.Max(maxInside, now);
                    total++;
                    if (i % 50 == 0)
                    {
                        await Task.Yield();
                    }

                    Interlocked.Decrement(ref inside);
                    live.Release();
                }
            },
            Ct)));

        Assert.Equal(1, maxInside);
        Assert.Equal(4_000, total);
    }
}
