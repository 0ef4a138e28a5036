using System.Buffers;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using CxCore.Domain;
using CxCore.Serialization;
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
        // The reader's streams can be read in packed batches: no object per interaction on the way in.
        var batches = interactions as IInteractionBatchSource;
        var result = (_ingestParallelism > 1, batches) switch
        {
            (true, null) => await IngestInParallelAsync(interactions, progress, started, cancellationToken).ConfigureAwait(false),
            (true, _) => await IngestInParallelAsync(batches, progress, started, cancellationToken).ConfigureAwait(false),
            (false, null) => await IngestInOrderAsync(interactions, progress, started, cancellationToken).ConfigureAwait(false),
            (false, _) => await IngestInOrderAsync(batches, progress, started, cancellationToken).ConfigureAwait(false),
        };
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

    private async Task<IngestResult> IngestInOrderAsync(IInteractionBatchSource batches, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var totals = new Totals(started);
        var lines = new BatchLines();
        await foreach (var batch in batches.ReadBatches().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            lines.Select(batch, worker: 0, workers: 1);
            for (var i = 0; i < lines.Count; i++)
            {
                lines.PrefetchAhead(i);
                totals.Add(await RecordPackedAsync(batch, lines, i, cancellationToken).ConfigureAwait(false));
                if (progress is not null && totals.Processed % _progressInterval == 0)
                {
                    progress.Report(totals.ToProgress());
                }
            }

            batch.Release();
        }

        progress?.Report(totals.ToProgress());
        return totals.ToResult();
    }

    /// <summary>
    /// Reads the stream on the caller's thread and hands each interaction to the worker its customer id hashes to.
    /// A failing worker stops the ingest (the first failure is thrown); a failing stream stops the reading, the
    /// workers record what was read before it, and its exception is thrown.
    /// </summary>
    private Task<IngestResult> IngestInParallelAsync(IAsyncEnumerable<Interaction> interactions, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken) =>
        IngestInParallelAsync((workers, stop) => ReadIntoAsync(interactions, workers, stop), progress, started, cancellationToken);

    /// <summary>
    /// The packed batches of a reader's stream, each handed to every worker: a worker records the interactions whose
    /// customer id hashes to it (so each customer's go to one worker, in stream order), and releases the batch.
    /// </summary>
    private Task<IngestResult> IngestInParallelAsync(IInteractionBatchSource batches, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken) =>
        IngestInParallelAsync((workers, stop) => ReadIntoAsync(batches, workers, stop), progress, started, cancellationToken);

    private async Task<IngestResult> IngestInParallelAsync(Func<IngestWorker[], CancellationToken, Task> read, IProgress<IngestProgress>? progress, long started, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var shared = new IngestTotals(started, progress, _progressInterval, stop);
        var workers = new IngestWorker[_ingestParallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new IngestWorker(this, shared, i, workers.Length);
        }

        ExceptionDispatchInfo? readFailure = null;
        var readStopped = false;
        try
        {
            await read(workers, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (stop.IsCancellationRequested && exception is OperationCanceledException or ChannelClosedException)
        {
            readStopped = true; // the caller cancelled or a worker failed: that is what is thrown below
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

        // In order of precedence: a worker's failure, the caller's cancellation (with the caller's token), the stream's failure.
        shared.Failure?.Throw();
        if (readStopped || stopped is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        readFailure?.Throw();
        if (stopped is not null)
        {
            ExceptionDispatchInfo.Throw(stopped);
        }

        return shared.Finish();
    }

    /// <summary>
    /// Reads the stream into the workers' batches. When the stream has nothing at hand (a live feed waiting for more),
    /// the partial batches are handed over first, so nothing read is held back while it waits.
    /// </summary>
    private static async Task ReadIntoAsync(IAsyncEnumerable<Interaction> interactions, IngestWorker[] workers, CancellationToken stop)
    {
        var read = 0L;
        var source = interactions.GetAsyncEnumerator(stop);
        await using (source.ConfigureAwait(false))
        {
            while (true)
            {
                var next = source.MoveNextAsync();
                bool more;
                if (next.IsCompleted)
                {
                    more = next.Result;
                }
                else
                {
                    var pending = next.AsTask();
                    await FlushWhileWaitingAsync(workers, pending, stop).ConfigureAwait(false);
                    more = await pending.ConfigureAwait(false);
                }

                if (!more)
                {
                    return;
                }

                // A source that ignores the token is not read further once the ingest stops.
                stop.ThrowIfCancellationRequested();
                var interaction = NotNull(source.Current, read++);
                await workers[(int)((uint)interaction.CustomerId.GetHashCode() % (uint)workers.Length)].AddAsync(interaction, stop).ConfigureAwait(false);
            }
        }
    }

    private static async Task ReadIntoAsync(IInteractionBatchSource batches, IngestWorker[] workers, CancellationToken stop)
    {
        await foreach (var batch in batches.ReadBatches().WithCancellation(stop).ConfigureAwait(false))
        {
            // A source that ignores the token is not read further once the ingest stops.
            stop.ThrowIfCancellationRequested();
            batch.Share(workers.Length);
            foreach (var worker in workers)
            {
                await worker.AddAsync(batch, stop).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask FlushWhileWaitingAsync(IngestWorker[] workers, Task<bool> next, CancellationToken stop)
    {
        try
        {
            foreach (var worker in workers)
            {
                await worker.FlushAsync(stop).ConfigureAwait(false);
            }
        }
        catch
        {
            // Stopping: let the pending read finish (it was given the same token) before the stream is disposed.
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException || stop.IsCancellationRequested)
            {
                // The stop is what is reported.
            }

            throw;
        }
    }

    private static Interaction NotNull(Interaction? interaction, long position) =>
        interaction ?? throw new InvalidOperationException($"The stream of interactions yielded null at position {position} (0-based); expected an interaction.");

    /// <summary>One worker of a parallel ingest: a queue of batches and the task that records them in order.</summary>
    private sealed class IngestWorker
    {
        private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(
            new BoundedChannelOptions(IngestQueuedBatches) { SingleReader = true, SingleWriter = true });

        private readonly int _index;
        private readonly int _workers;
        private Interaction[] _pending = ArrayPool<Interaction>.Shared.Rent(IngestBatchSize);
        private int _count;

        public IngestWorker(CxEngine engine, IngestTotals shared, int index, int workers)
        {
            (_index, _workers) = (index, workers);
            Completion = Task.Run(() => RecordAllAsync(engine, shared));
        }

        public Task Completion { get; }

        public ValueTask AddAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            _pending[_count++] = interaction;
            return _count == IngestBatchSize ? SendAsync(cancellationToken) : ValueTask.CompletedTask;
        }

        /// <summary>Queues a packed batch shared by every worker (this one records its customers' interactions).</summary>
        public ValueTask AddAsync(InteractionBatch batch, CancellationToken cancellationToken) =>
            _queue.Writer.WriteAsync(new Work(null, 0, batch), cancellationToken);

        /// <summary>Sends the partial batch, if any.</summary>
        public ValueTask FlushAsync(CancellationToken cancellationToken) => _count > 0 ? SendAsync(cancellationToken) : ValueTask.CompletedTask;

        /// <summary>Sends the last partial batch (unless the ingest is stopping) and closes the queue.</summary>
        public async ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            try
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
            {
                // Stopping (cancelled, or the worker failed): what it has not recorded is dropped.
            }
            finally
            {
                _queue.Writer.TryComplete();
                ArrayPool<Interaction>.Shared.Return(_pending, clearArray: true);
                _pending = [];
                _count = 0;
            }
        }

        private async ValueTask SendAsync(CancellationToken cancellationToken)
        {
            var batch = new Work(_pending, _count, null);
            _pending = ArrayPool<Interaction>.Shared.Rent(IngestBatchSize);
            _count = 0;
            await _queue.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        private async Task RecordAllAsync(CxEngine engine, IngestTotals shared)
        {
            var totals = new Totals(0);
            var token = shared.Stop.Token;
            var lines = new BatchLines();
            try
            {
                await foreach (var work in _queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
                {
                    if (work.Packed is { } batch)
                    {
                        try
                        {
                            lines.Select(batch, _index, _workers);
                            for (var j = 0; j < lines.Count; j++)
                            {
                                lines.PrefetchAhead(j);
                                totals.Add(await engine.RecordPackedAsync(batch, lines, j, token).ConfigureAwait(false));
                                if (totals.Processed == shared.FlushEvery)
                                {
                                    shared.Add(ref totals);
                                }
                            }
                        }
                        finally
                        {
                            batch.Release();
                        }

                        continue;
                    }

                    for (var i = 0; i < work.Count; i++)
                    {
                        totals.Add(await engine.RecordAsync(work.Items![i], token).ConfigureAwait(false));
                        if (totals.Processed == shared.FlushEvery)
                        {
                            shared.Add(ref totals);
                        }
                    }

                    ArrayPool<Interaction>.Shared.Return(work.Items!, clearArray: true);
                }

                shared.Add(ref totals); // inside the try: a progress that throws here is this worker's failure too
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
                while (_queue.Reader.TryRead(out var dropped))
                {
                    if (dropped.Items is { } items)
                    {
                        ArrayPool<Interaction>.Shared.Return(items, clearArray: true);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The lines of a packed batch one worker records (or all of them, in order), with their customer ids' quick hashes,
    /// and the worker's <see cref="IngestCustomerCache"/>: while a line is recorded, the journey of the line after next
    /// and the log of the next one are fetched ahead.
    /// </summary>
    private sealed class BatchLines
    {
        private readonly int[] _indexes = new int[InteractionBatch.Capacity];
        private readonly ulong[] _hashes = new ulong[InteractionBatch.Capacity];
        private readonly LiveJourney?[] _journeys = new LiveJourney?[InteractionBatch.Capacity];

        public IngestCustomerCache Cache { get; } = new();

        public int Count { get; private set; }

        /// <summary>The line's position in the batch.</summary>
        public int Index(int line) => _indexes[line];

        /// <summary>The quick hash of the line's customer id bytes.</summary>
        public ulong Hash(int line) => _hashes[line];

        /// <summary>The journey the cache held for the line's customer when it was fetched ahead (unchecked; null if none).</summary>
        public LiveJourney? Journey(int line) => _journeys[line];

        /// <summary>
        /// Takes the lines of <paramref name="batch"/> that <paramref name="worker"/> of <paramref name="workers"/> records:
        /// those whose customer id's bytes hash to it, so every interaction of a customer (as the stream names them)
        /// goes to the same worker. The first two lines' journeys are fetched at once.
        /// </summary>
        public void Select(InteractionBatch batch, int worker, int workers)
        {
            var count = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var hash = IdHash.Quick(batch.Items[i].Customer(batch.Bytes));
                if ((int)(hash % (uint)workers) == worker)
                {
                    (_indexes[count], _hashes[count]) = (i, hash);
                    count++;
                }
            }

            Count = count;
            for (var line = 0; line < Math.Min(2, count); line++)
            {
                IngestCustomerCache.PrefetchJourney(_journeys[line] = Cache.Peek(_hashes[line]));
            }
        }

        /// <summary>Before line <paramref name="line"/> is recorded: the journey of the line after next, and the log of the next.</summary>
        public void PrefetchAhead(int line)
        {
            if (line + 2 < Count)
            {
                IngestCustomerCache.PrefetchJourney(_journeys[line + 2] = Cache.Peek(_hashes[line + 2]));
            }

            if (line + 1 < Count)
            {
                IngestCustomerCache.PrefetchLog(_journeys[line + 1]);
            }
        }
    }

    /// <summary>What a worker is handed: a run of interaction objects (pooled), or a packed batch it shares with the other workers.</summary>
    private readonly record struct Work(Interaction[]? Items, int Count, InteractionBatch? Packed);

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

            var added = totals;
            totals = new Totals(0);
            lock (_gate)
            {
                _totals.Add(added);
                // No reports once the ingest is stopping (as in order, where the exception comes first).
                if (progress is not null && _totals.Processed >= _nextReport && !Stop.IsCancellationRequested)
                {
                    _nextReport = (_totals.Processed / interval + 1) * interval;
                    progress.Report(_totals.ToProgress());
                }
            }
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
