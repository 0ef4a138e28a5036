using CxCore.Journeys;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>
/// One customer's journey as the engine keeps it between calls, and the lock that guards it: <see cref="WaitAsync"/>
/// … <see cref="Release"/>. The lock is the object itself rather than a <see cref="SemaphoreSlim"/> (two more objects
/// per customer): taking it uncontended is one compare-and-swap and allocates nothing; only a writer that has to wait
/// allocates its waiter.
/// </summary>
internal sealed class LiveJourney(JourneyScorer scorer)
{
    private Queue<TaskCompletionSource>? _waiters;
    private int _held;

    public JourneyScorer Scorer { get; set; } = scorer;

    public JourneyCursor? Cursor { get; set; }

    public CxScoreSummary Summary { get; set; }

    public bool Loaded { get; set; }

    /// <summary>Set when the customer was forgotten or merged away; a caller holding a stale reference must look again.</summary>
    public bool Retired { get; set; }

    /// <summary>Takes the lock; completes synchronously when nobody holds it.</summary>
    /// <param name="cancellationToken">Cancels the wait (not a lock already taken).</param>
    /// <returns>Completes when the caller holds the lock.</returns>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _held, 1, 0) == 0)
        {
            return ValueTask.CompletedTask;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        TaskCompletionSource waiter;
        lock (this)
        {
            if (Interlocked.CompareExchange(ref _held, 1, 0) == 0)
            {
                return ValueTask.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (_waiters ??= new Queue<TaskCompletionSource>()).Enqueue(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitCancellableAsync(waiter, cancellationToken) : new ValueTask(waiter.Task);
    }

    /// <summary>Releases the lock, handing it to the longest waiting writer if there is one.</summary>
    public void Release()
    {
        lock (this)
        {
            while (_waiters is { Count: > 0 } waiters)
            {
                // Completed under the lock (continuations run asynchronously), so a cancellation racing with this
                // hand-over either wins before it (the waiter is skipped) or loses (the waiter owns the lock).
                if (waiters.Dequeue().TrySetResult())
                {
                    return;
                }
            }

            Volatile.Write(ref _held, 0);
        }
    }

    private async ValueTask WaitCancellableAsync(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.UnsafeRegister(
            static (state, token) =>
            {
                var (owner, w) = ((LiveJourney, TaskCompletionSource))state!;
                lock (owner)
                {
                    w.TrySetCanceled(token);
                }
            },
            (this, waiter)))
        {
            await waiter.Task.ConfigureAwait(false);
        }
    }
}
