using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using CxCore.Domain;
using CxCore.Engine;

namespace CxCore.Serialization;

/// <summary>
/// Reads canonical events (format v1, see docs/event-format.md) from JSON Lines or CSV, streaming: the input is never
/// held in memory whole, only the current line (and, when JSON Lines are parsed on several threads, a few chunks of up
/// to 256 lines or 64 KB each). Bad lines never stop a read (unless <see cref="InteractionReaderOptions.Strict"/>):
/// each is reported with its line number, field, value and reason, can go to a dead letter, and every valid line is kept.
/// Immutable and thread-safe; each read has its own state.
/// </summary>
/// <example>
/// <code>
/// var reader = new InteractionReader(ChannelRegistry.WellKnown);
/// var report = new ReadReport();
/// await using var file = File.OpenRead("events.jsonl");
/// await foreach (var interaction in reader.ReadJsonLinesAsync(file, report))
/// {
///     Console.WriteLine(interaction);
/// }
///
/// foreach (var error in report.Errors)
/// {
///     Console.WriteLine(error); // line 7: field 'nps': value '11': NPS must be between 0 and 10, but was 11.
/// }
/// </code>
/// </example>
public sealed class InteractionReader
{
    private static readonly byte[] LineFeed = "\n"u8.ToArray();

    private readonly FrozenDictionary<string, Channel> _channels;
    private readonly string _channelNames;

    /// <summary>Creates a reader that accepts the channels of <paramref name="channels"/>.</summary>
    /// <param name="channels">The channels accepted; <see cref="ChannelRegistry.WellKnown"/> unless the host added its own.</param>
    /// <param name="options">How bad input is treated; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (every problem is named).</exception>
    public InteractionReader(ChannelRegistry channels, InteractionReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        options ??= new InteractionReaderOptions();
        options.Validate();
        Channels = channels;
        Options = options;
        var registered = channels.Channels;
        _channels = registered.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        _channelNames = string.Join(", ", registered.Select(c => c.Name));
    }

    /// <summary>The channels accepted.</summary>
    public ChannelRegistry Channels { get; }

    /// <summary>The options in force.</summary>
    public InteractionReaderOptions Options { get; }

    /// <summary>Reads JSON Lines: one canonical event object per line, UTF-8 (a leading BOM is skipped), LF or CRLF.</summary>
    /// <param name="source">The input; read to its end, not disposed.</param>
    /// <param name="report">Filled with counts and errors as the read goes; optional.</param>
    /// <param name="cancellationToken">Stops the read between lines.</param>
    /// <returns>The valid events, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not readable.</exception>
    /// <exception cref="InteractionReadException">While enumerating, in strict mode: the first rejected line.</exception>
    /// <remarks>
    /// With <see cref="InteractionReaderOptions.ParseParallelism"/> above 1, lines are parsed on that many threads at a
    /// time while everything else keeps input order: the events come out in input order, and errors, duplicate ids, the
    /// dead letter and strict mode behave exactly as when reading on one thread.
    /// </remarks>
    public IAsyncEnumerable<Interaction> ReadJsonLinesAsync(Stream source, ReadReport? report = null, CancellationToken cancellationToken = default)
    {
        EnsureReadable(source);
        return new ReadStream(this, source, report ?? new ReadReport(), csv: false, cancellationToken);
    }

    /// <summary>
    /// Reads CSV (RFC 4180, UTF-8, comma-separated, header row with the canonical field names; any other column is an
    /// attribute). A header without a required column fails the read, strict or not, since no row could be valid.
    /// </summary>
    /// <param name="source">The input; read to its end, not disposed.</param>
    /// <param name="report">Filled with counts and errors as the read goes; optional.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The valid events, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not readable.</exception>
    /// <exception cref="InteractionReadException">
    /// While enumerating: the header is unusable (missing required column, duplicate or empty column name); in strict
    /// mode also the first rejected row.
    /// </exception>
    public IAsyncEnumerable<Interaction> ReadCsvAsync(Stream source, ReadReport? report = null, CancellationToken cancellationToken = default)
    {
        EnsureReadable(source);
        return new ReadStream(this, source, report ?? new ReadReport(), csv: true, cancellationToken);
    }

    /// <summary>A parser's state for one thread (a draft keeps per-line state and caches).</summary>
    internal EventDraft CreateDraft() => new(_channels, _channelNames);

    /// <summary>A pipeline parsing <paramref name="splitter"/>'s lines on <see cref="InteractionReaderOptions.ParseParallelism"/> threads.</summary>
    internal JsonLinesPipeline CreatePipeline(LineSplitter splitter, bool keepOverlongBytes, bool materialize, CancellationToken cancellationToken) =>
        new(splitter, _channels, _channelNames, Options.ParseParallelism, keepOverlongBytes, materialize, cancellationToken);

    private static void EnsureReadable(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream must be readable.", nameof(source));
        }
    }

    internal static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    internal static ReadError DuplicateId(long line, string id, long firstLine) =>
        new(line, "id", id, $"duplicate id: it was first read on line {firstLine}, which is kept");

    internal ReadError TooLong(long line) =>
        new(line, null, null, $"line exceeds {Options.MaxLineBytes} bytes (InteractionReaderOptions.MaxLineBytes); it was skipped");

    // A dead-lettered line keeps its own line break; one that had none (the input's last) gets "\n", so the next appends cleanly.
    internal static bool NeedsLineFeed(LineKind kind, ReadOnlySpan<byte> raw) =>
        kind is LineKind.Line or LineKind.OverlongWhole or LineKind.OverlongLast && (raw.IsEmpty || raw[^1] != '\n');

    internal InteractionReadException Fatal(ReadError error, ReadReport report)
    {
        report.Add(error, Options.MaxReportedErrors);
        Options.OnError?.Invoke(error);
        return new InteractionReadException(error);
    }

    internal void Reject(ReadError error, ReadReport report)
    {
        report.Rejected++;
        CxTelemetry.Rejected.Add(1);
        report.Add(error, Options.MaxReportedErrors);
        Options.OnError?.Invoke(error);
        if (Options.Strict)
        {
            throw new InteractionReadException(error);
        }
    }

    internal static async ValueTask WriteDeadLetterAsync(Stream deadLetter, ReadOnlyMemory<byte> raw, bool addLineFeed, CancellationToken cancellationToken)
    {
        await deadLetter.WriteAsync(raw, cancellationToken).ConfigureAwait(false);
        if (addLineFeed)
        {
            await deadLetter.WriteAsync(LineFeed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One interaction at a time, on the caller's thread: each is handed over as soon as its line is read.</summary>
    private async IAsyncEnumerable<Interaction> ReadAsync(
        Stream source,
        ReadReport report,
        bool csv,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(this, source, report, csv);
        var scratch = new InteractionBatch();
        while (true)
        {
            switch (lines.Next(scratch, cancellationToken))
            {
                case LineStep.Accepted:
                    var interaction = scratch.Items[0].ToInteraction(scratch.Bytes);
                    scratch.Clear();
                    yield return interaction;
                    break;
                case LineStep.DeadLetter:
                    await lines.WriteDeadLetterAsync(cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (!await lines.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// <see cref="ReadAsync"/> in batches: the same steps, but the accepted interactions stay packed and are handed over
    /// when a batch is full, when the input has nothing at hand, and before a failure (so the failure still comes after
    /// every interaction read before it).
    /// </summary>
    private async IAsyncEnumerable<InteractionBatch> ReadBatchesAsync(
        Stream source,
        ReadReport report,
        bool csv,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(this, source, report, csv);
        var batches = new BatchPool();
        var batch = batches.Rent();
        while (true)
        {
            ExceptionDispatchInfo? failure = null;
            var step = LineStep.Fill;
            var more = true;
            try
            {
                step = lines.Next(batch, cancellationToken);
                if (step == LineStep.DeadLetter)
                {
                    await lines.WriteDeadLetterAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            if (step == LineStep.Fill && failure is null)
            {
                var fill = lines.FillAsync(cancellationToken);
                if (!fill.IsCompleted && batch.Count > 0)
                {
                    // A live feed waits for more: what was read goes out first.
                    yield return batch;
                    batch = batches.Rent();
                }

                try
                {
                    more = await fill.ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            }

            if (failure is not null || !more || batch.IsFull)
            {
                if (batch.Count > 0)
                {
                    yield return batch;
                    batch = batches.Rent();
                }

                failure?.Throw();
                if (!more)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// <see cref="ReadAsync"/> for JSON Lines with the parsing spread over threads (<see cref="JsonLinesPipeline"/>):
    /// the chunks arrive parsed and in input order, and this loop does, line by line, what the one-thread loop does after
    /// parsing (counts, duplicate ids, errors, dead letter, strict mode), so both give the same result.
    /// </summary>
    private async IAsyncEnumerable<Interaction> ReadJsonLinesInParallelAsync(
        Stream source,
        ReadReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = new ParsedChunks(this, source, report, materialize: true, cancellationToken);
        await using (chunks.ConfigureAwait(false))
        {
            await foreach (var chunk in chunks.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    switch (chunks.Handle(chunk, i, cancellationToken))
                    {
                        case LineStep.Accepted:
                            yield return chunk.Lines[i].Interaction!;
                            break;
                        case LineStep.DeadLetter:
                            await chunks.WriteDeadLetterAsync(chunk, i, cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }

                chunks.Done(chunk);
            }
        }
    }

    /// <summary><see cref="ReadJsonLinesInParallelAsync"/> in batches: a batch per chunk (the accepted lines of it, packed).</summary>
    private async IAsyncEnumerable<InteractionBatch> ReadJsonLineBatchesInParallelAsync(
        Stream source,
        ReadReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = new ParsedChunks(this, source, report, materialize: false, cancellationToken);
        await using (chunks.ConfigureAwait(false))
        {
            var batches = new BatchPool();
            var batch = batches.Rent();
            ExceptionDispatchInfo? failure = null;
            var enumerator = chunks.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (enumerator.ConfigureAwait(false))
            {
                while (failure is null)
                {
                    LineChunk? chunk = null;
                    try
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        chunk = enumerator.Current;
                        for (var i = 0; i < chunk.Count; i++)
                        {
                            switch (chunks.Handle(chunk, i, cancellationToken))
                            {
                                case LineStep.Accepted:
                                    ref readonly var packed = ref chunk.Packed.Items[chunk.Lines[i].Packed];
                                    batch.Add(packed, chunk.Packed.Bytes);
                                    break;
                                case LineStep.DeadLetter:
                                    await chunks.WriteDeadLetterAsync(chunk, i, cancellationToken).ConfigureAwait(false);
                                    break;
                            }
                        }
                    }
                    catch (Exception exception)
                    {
                        failure = ExceptionDispatchInfo.Capture(exception);
                    }

                    if (chunk is not null)
                    {
                        chunks.Done(chunk);
                    }

                    if (batch.Count > 0)
                    {
                        yield return batch;
                        batch = batches.Rent();
                    }
                }
            }

            failure?.Throw();
        }
    }

    /// <summary>The batches of one read, reused once their consumer released them.</summary>
    private sealed class BatchPool
    {
        private readonly ConcurrentQueue<InteractionBatch> _free = new();

        public InteractionBatch Rent() => _free.TryDequeue(out var batch) ? batch : new InteractionBatch(_free.Enqueue);
    }

    /// <summary>
    /// What <see cref="ReadJsonLinesAsync"/> and <see cref="ReadCsvAsync"/> return: the interactions one at a time, and
    /// (for the engine's ingest) the same read in packed batches.
    /// </summary>
    private sealed class ReadStream(InteractionReader reader, Stream source, ReadReport report, bool csv, CancellationToken cancellationToken)
        : IAsyncEnumerable<Interaction>, IInteractionBatchSource
    {
        private bool Parallel => !csv && reader.Options.ParseParallelism > 1;

        public IAsyncEnumerator<Interaction> GetAsyncEnumerator(CancellationToken token = default) =>
            (Parallel ? reader.ReadJsonLinesInParallelAsync(source, report, cancellationToken) : reader.ReadAsync(source, report, csv, cancellationToken))
                .GetAsyncEnumerator(token);

        public IAsyncEnumerable<InteractionBatch> ReadBatches() =>
            Parallel ? reader.ReadJsonLineBatchesInParallelAsync(source, report, cancellationToken) : reader.ReadBatchesAsync(source, report, csv, cancellationToken);
    }
}
