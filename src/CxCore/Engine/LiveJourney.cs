using CxCore.Journeys;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>
/// One customer's journey as the engine keeps it between calls, and the lock that guards it: <see cref="WaitAsync"/>
/// … <see cref="Release"/>. The lock is the object itself rather than a <see cref="SemaphoreSlim"/> (two more objects
/// per customer): taking and releasing it uncontended is one compare-and-swap each and allocates nothing; only a writer
/// that has to wait takes the monitor and allocates its waiter. The stage position and the running score are values
/// inside it (one object per live customer, about 270 bytes: a record touches one object, not three).
/// </summary>
internal sealed class LiveJourney
{
    private const int Free = 0;
    private const int Held = 1;
    private const int HeldWithWaiters = 2;

    private Queue<TaskCompletionSource>? _waiters;
    private StagePosition _position;
    private JourneyScoreState _score = JourneyScoreState.Empty;
    private int _held;

    /// <summary>The compact interactions and the running score (inline, mutated in place).</summary>
    public ref JourneyScoreState Score => ref _score;

    /// <summary>Where the journey stands (inline, mutated in place); not <see cref="StagePosition.IsStarted"/> before the first interaction.</summary>
    public ref StagePosition Position => ref _position;

    public bool Loaded { get; set; }

    /// <summary>Set when the customer was forgotten or merged away; a caller holding a stale reference must look again.</summary>
    public bool Retired { get; set; }

    /// <summary>Takes the lock when nobody holds it (one compare-and-swap); false when somebody does.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _held, Held, Free) == Free;

    /// <summary>Takes the lock; completes synchronously when nobody holds it.</summary>
    /// <param name="cancellationToken">Cancels the wait (not a lock already taken).</param>
    /// <returns>Completes when the caller holds the lock.</returns>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (TryTake())
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
            // Free → take it; held → mark "held with waiters" (so Release takes the slow path) and queue up.
            while (true)
            {
                var state = Volatile.Read(ref _held);
                if (state == Free && Interlocked.CompareExchange(ref _held, Held, Free) == Free)
                {
                    return ValueTask.CompletedTask;
                }

                if (state != Free && (state == HeldWithWaiters || Interlocked.CompareExchange(ref _held, HeldWithWaiters, Held) == Held))
                {
                    break;
                }
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (_waiters ??= new Queue<TaskCompletionSource>()).Enqueue(waiter);
        }

        return cancellationToken.CanBeCanceled ? WaitCancellableAsync(waiter, cancellationToken) : new ValueTask(waiter.Task);
    }

    /// <summary>Releases the lock, handing it to the longest waiting writer if there is one.</summary>
    public void Release()
    {
        // Nobody ever queued while it was held: one compare-and-swap, no monitor.
        if (Interlocked.CompareExchange(ref _held, Free, Held) == Held)
        {
            return;
        }

        lock (this)
        {
            while (_waiters is { Count: > 0 } waiters)
            {
                // Completed under the lock (continuations run asynchronously), so a cancellation racing with this
                // hand-over either wins before it (the waiter is skipped) or loses (the waiter owns the lock). The
                // state stays "held with waiters" until the queue is empty, so the new owner's release looks again.
                if (waiters.Dequeue().TrySetResult())
                {
                    return;
                }
            }

            Volatile.Write(ref _held, Free);
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
