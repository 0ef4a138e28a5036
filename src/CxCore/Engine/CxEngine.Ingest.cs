using System.Buffers;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CxCore.Domain;
using Channel = System.Threading.Channels.Channel;

namespace CxCore.Engine;

// IngestAsync: a stream recorded in order on the caller's thread, or split by customer over parallel workers.
public sealed partial class CxEngine
{
    /// <summary>Interactions handed to a worker at a time.</summary>
    private const int IngestBatchSize = 256;

    /// <summary>Batches a worker may have waiting before the reader waits for it.</summary>
    private const int IngestQueuedBatches = 4;

    /// <inheritdoc/>
    /// <remarks>
    /// With <c>CxCoreOptions.IngestParallelism</c> above 1 (the default is the number of processors), the stream is
    /// read on the caller's thread and split by customer id over that many workers, each recording its customers'
    /// interactions in stream order; different customers are recorded in parallel. The end state is the same as
    /// recording the stream in order (journeys and scores do not depend on the order customers are interleaved in);
    /// only the split between recorded and recorded-late can differ when aliases of one customer land on different
    /// workers. Progress then counts interactions recorded rather than read.
    /// </remarks>
    public async Task<IngestResult> IngestAsync(IAsyncEnumerable<Interaction> interactions, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        using var activity = CxTelemetry.Source.StartActivity("cxcore.ingest");
        var started = Stopwatch.GetTimestamp();
        var result = _ingestParallelism > 1
            ? await IngestInParallelAsync(interactions, progress, started, cancellationToken).ConfigureAwait(false)
            : await IngestInOrderAsync(interactions, progress, started, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("cxcore.processed", result.Processed);
        EngineLog.IngestFinished(_logger, result.Processed, result.Recorded, result.RecordedLate, result.Duplicates, (long)result.Elapsed.TotalMilliseconds);
        return result;
    }

    private async Task<IngestResult> IngestInOrderAsync(IAsyncEnumerable<Interaction> interactions, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var totals = new Totals(started);
        await foreach (var interaction in interactions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            totals.Add(await RecordAsync(NotNull(interaction, totals.Processed), cancellationToken).ConfigureAwait(false));
            if (progress is not null && totals.Processed % _progressInterval == 0)
            {
                progress.Report(totals.ToProgress());
            }
        }

        progress?.Report(totals.ToProgress());
        return totals.ToResult();
    }

    /// <summary>
    /// Reads the stream on the caller's thread and hands each interaction to the worker its customer id hashes to.
    /// A failing worker stops the ingest (the first failure is thrown); a failing stream stops the reading, the
    /// workers record what was read before it, and its exception is thrown.
    /// </summary>
    private async Task<IngestResult> IngestInParallelAsync(IAsyncEnumerable<Interaction> interactions, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shared = new IngestTotals(started, progress, _progressInterval, stop);
        var workers = new IngestWorker[_ingestParallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new IngestWorker(this, shared);
        }

        ExceptionDispatchInfo? readFailure = null;
        var read = 0L;
        try
        {
            await foreach (var interaction in interactions.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                var worker = workers[(int)((uint)NotNull(interaction, read).CustomerId.GetHashCode() % (uint)workers.Length)];
                read++;
                await worker.AddAsync(interaction, stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            readFailure = ExceptionDispatchInfo.Capture(exception);
        }

        // Whatever was read is recorded, unless the ingest is being stopped (cancelled, or a worker failed).
        foreach (var worker in workers)
        {
            await worker.CompleteAsync(stop.Token).ConfigureAwait(false);
        }

        Exception? stopped = null;
        try
        {
            await Task.WhenAll(workers.Select(w => w.Completion)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            stopped = exception; // thrown below, after what caused it
        }

        // In order of precedence: a worker's failure, the stream's, then the caller's cancellation.
        shared.Failure?.Throw();
        readFailure?.Throw();
        if (stopped is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(stopped);
        }

        return shared.Finish();
    }

    private static Interaction NotNull(Interaction? interaction, long position) =>
        interaction ?? throw new InvalidOperationException($"The stream of interactions yielded null at position {position} (0-based); expected an interaction.");

    /// <summary>One worker of a parallel ingest: a queue of batches and the task that records them in order.</summary>
    private sealed class IngestWorker
    {
        private readonly Channel<(Interaction[] Items, int Count)> _queue = Channel.CreateBounded<(Interaction[], int)>(
            new BoundedChannelOptions(IngestQueuedBatches) { SingleReader = true, SingleWriter = true });

        private Interaction[] _pending = ArrayPool<Interaction>.Shared.Rent(IngestBatchSize);
        private int _count;

        public IngestWorker(CxEngine engine, IngestTotals shared) =>
            Completion = Task.Run(() => RecordAllAsync(engine, shared));

        public Task Completion { get; }

        public ValueTask AddAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            _pending[_count++] = interaction;
            return _count == IngestBatchSize ? SendAsync(cancellationToken) : ValueTask.CompletedTask;
        }

        /// <summary>Sends the last partial batch (unless the ingest is stopping) and closes the queue.</summary>
        public async ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            try
            {
                if (_count > 0 && !cancellationToken.IsCancellationRequested)
                {
                    await SendAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
            {
                // Stopping (cancelled, or the worker failed): what it has not recorded is dropped.
            }
            finally
            {
                _queue.Writer.TryComplete();
            }
        }

        private async ValueTask SendAsync(CancellationToken cancellationToken)
        {
            var batch = (_pending, _count);
            _pending = ArrayPool<Interaction>.Shared.Rent(IngestBatchSize);
            _count = 0;
            await _queue.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        private async Task RecordAllAsync(CxEngine engine, IngestTotals shared)
        {
            var totals = new Totals(0);
            var token = shared.Stop.Token;
            try
            {
                await foreach (var (items, count) in _queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    for (var i = 0; i < count; i++)
                    {
                        totals.Add(await engine.RecordAsync(items[i], token).ConfigureAwait(false));
                        if (totals.Processed == shared.FlushEvery)
                        {
                            shared.Add(ref totals);
                        }
                    }

                    ArrayPool<Interaction>.Shared.Return(items, clearArray: true);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                shared.Fail(exception);
                throw;
            }
            finally
            {
                // What was recorded before a failure or cancellation counts, and the queue no longer blocks the reader.
                shared.Add(ref totals);
                _queue.Writer.TryComplete();
            }
        }
    }

    /// <summary>The totals of a parallel ingest, added to by the workers; reports progress and holds the first failure.</summary>
    private sealed class IngestTotals(long started, IProgress<IngestProgress>? progress, int interval, CancellationTokenSource stop)
    {
        private readonly Lock _gate = new();
        private Totals _totals = new(started);
        private long _nextReport = interval;

        /// <summary>How many interactions a worker records between two additions (so progress keeps to its interval).</summary>
        public int FlushEvery { get; } = Math.Min(interval, IngestBatchSize);

        public CancellationTokenSource Stop { get; } = stop;

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>Adds a worker's totals (and resets them), reporting progress when an interval is crossed.</summary>
        public void Add(ref Totals totals)
        {
            if (totals.Processed == 0)
            {
                return;
            }

            lock (_gate)
            {
                _totals.Add(totals);
                if (progress is not null && _totals.Processed >= _nextReport)
                {
                    progress.Report(_totals.ToProgress());
                    _nextReport = (_totals.Processed / interval + 1) * interval;
                }
            }

            totals = new Totals(0);
        }

        public void Fail(Exception exception)
        {
            lock (_gate)
            {
                Failure ??= ExceptionDispatchInfo.Capture(exception);
            }

            Stop.Cancel();
        }

        public IngestResult Finish()
        {
            lock (_gate)
            {
                progress?.Report(_totals.ToProgress());
                return _totals.ToResult();
            }
        }
    }

    private struct Totals(long started)
    {
        public long Processed;
        public long Recorded;
        public long Late;
        public long Duplicates;
        public long StageChanges;

        public void Add(RecordResult result)
        {
            Processed++;
            switch (result.Status)
            {
                case RecordStatus.Recorded:
                    Recorded++;
                    break;
                case RecordStatus.RecordedLate:
                    Late++;
                    break;
                default:
                    Duplicates++;
                    break;
            }

            if (result.StageChanged)
            {
                StageChanges++;
            }
        }

        public void Add(in Totals other)
        {
            Processed += other.Processed;
            Recorded += other.Recorded;
            Late += other.Late;
            Duplicates += other.Duplicates;
            StageChanges += other.StageChanges;
        }

        public readonly IngestProgress ToProgress() => new(Processed, Recorded + Late, Duplicates, Stopwatch.GetElapsedTime(started));

        public readonly IngestResult ToResult() => new(Processed, Recorded, Late, Duplicates, StageChanges, Stopwatch.GetElapsedTime(started));
    }
}
