namespace CxCore.Engine;

/// <summary>
/// Receives the engine's journey events: the closed loop a CX team needs (alert when a customer becomes at risk, start
/// onboarding when they buy …). Register with <c>cx.AddObserver&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// Observers run after the change is committed, one after another, on the recording caller's flow. An observer that
/// throws is logged and skipped: it never corrupts or blocks recording. Keep observers fast; hand slow work to a queue.
/// Calls for different customers can overlap (concurrent callers, and the workers of <c>ICxEngine.IngestAsync</c>),
/// so an observer must be safe for concurrent use.
/// </remarks>
public interface IJourneyObserver
{
    /// <summary>Called when a customer moves to another stage.</summary>
    /// <param name="change">The move.</param>
    /// <param name="cancellationToken">The recording call's token.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnStageChangedAsync(StageChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Called when a customer's score moves to another band (see <see cref="BandChange.IsAlert"/>).</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">The recording call's token.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnScoreBandChangedAsync(BandChange change, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
