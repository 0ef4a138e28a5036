using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Threading.Channels;
using CxCore.Domain;
using Channel = System.Threading.Channels.Channel;

namespace CxCore.Serialization;

/// <summary>
/// Parses JSON Lines on several threads while keeping input order: one task splits the stream into chunks of lines
/// (copied out of the splitter's buffer), each chunk is parsed on the thread pool by a parser of its own, and the
/// chunks come out in input order (<see cref="ReadChunksAsync"/>), so everything that depends on order (duplicate ids,
/// errors, dead letters, strict mode) stays with the one consumer. Over-long lines travel as chunk lines too, unparsed.
/// </summary>
internal sealed class JsonLinesPipeline : IAsyncDisposable
{
    /// <summary>Lines in a chunk at most.</summary>
    internal const int ChunkLines = 256;

    /// <summary>Bytes a chunk's buffer starts with (a longer line gets a buffer of its own size).</summary>
    private const int ChunkBytes = 64 * 1024;

    private readonly LineSplitter _splitter;
    private readonly FrozenDictionary<string, Domain.Channel> _channels;
    private readonly string _channelNames;
    private readonly ConcurrentBag<LineParser> _parsers = [];
    private readonly ConcurrentBag<LineChunk> _chunks = [];
    private readonly Channel<Task<LineChunk>> _parsed;
    private readonly SemaphoreSlim _parsing;
    private readonly bool _keepOverlongBytes;
    private readonly bool _materialize;
    private readonly CancellationTokenSource _stop;
    private readonly Task _splitting;

    /// <param name="splitter">The input's lines; used by the splitting task only.</param>
    /// <param name="channels">The channels accepted.</param>
    /// <param name="channelNames">Their names, for error messages.</param>
    /// <param name="parallelism">How many chunks are parsed at a time.</param>
    /// <param name="keepOverlongBytes">Whether lines over the limit are copied (for a dead letter) or only counted.</param>
    /// <param name="materialize">Whether each accepted line is also built as an <see cref="Interaction"/> (on the parsing thread), or only packed.</param>
    /// <param name="cancellationToken">Stops the splitting.</param>
    public JsonLinesPipeline(
        LineSplitter splitter,
        FrozenDictionary<string, Domain.Channel> channels,
        string channelNames,
        int parallelism,
        bool keepOverlongBytes,
        bool materialize,
        CancellationToken cancellationToken)
    {
        _materialize = materialize;
        _splitter = splitter;
        _channels = channels;
        _channelNames = channelNames;
        _parsing = new SemaphoreSlim(parallelism, parallelism);
        _keepOverlongBytes = keepOverlongBytes;
        // Chunks being parsed or waiting for the consumer: enough to keep every thread busy, and a bound on memory.
        _parsed = Channel.CreateBounded<Task<LineChunk>>(new BoundedChannelOptions(2 * parallelism) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _splitting = Task.Run(() => SplitAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>The parsed chunks, in input order; hand each back with <see cref="Recycle"/> once read.</summary>
    public async IAsyncEnumerable<LineChunk> ReadChunksAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var parsing in _parsed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return await parsing.ConfigureAwait(false);
        }
    }

    public void Recycle(LineChunk chunk)
    {
        chunk.Clear();
        _chunks.Add(chunk);
    }

    public async ValueTask DisposeAsync()
    {
        // The consumer stopped (done, failed or gave up): stop splitting, and let every parse in flight finish before
        // the parsers and buffers go back.
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _splitting.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Already reported to the consumer through the channel, or a consequence of stopping.
        }

        while (_parsed.Reader.TryRead(out var pending))
        {
            try
            {
                Recycle(await pending.ConfigureAwait(false));
            }
            catch (Exception)
            {
                // A parse that failed has nothing to hand back.
            }
        }

        foreach (var parser in _parsers)
        {
            parser.Dispose();
        }

        foreach (var chunk in _chunks)
        {
            chunk.Dispose();
        }

        _parsing.Dispose();
        _stop.Dispose();
    }

    private async Task SplitAsync(CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var chunk = Rent();
        try
        {
            while (true)
            {
                if (!_splitter.TryReadLine(out var segment))
                {
                    if (!await _splitter.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                if (!chunk.TryAdd(segment, Raw(segment)))
                {
                    if (chunk.Count > 0)
                    {
                        await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
                        chunk = Rent();
                    }

                    chunk.Add(segment, Raw(segment));
                }

                if (chunk.Count == ChunkLines)
                {
                    await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
                    chunk = Rent();
                }
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        try
        {
            // The lines read before the end, or before the stream failed, go out too (as on one thread).
            if (chunk.Count > 0 && !cancellationToken.IsCancellationRequested)
            {
                await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Recycle(chunk);
            }
        }
        catch (OperationCanceledException exception)
        {
            failure ??= exception;
        }
        finally
        {
            // The consumer sees the failure (a read error of the stream, a cancellation) after the chunks before it.
            _parsed.Writer.TryComplete(failure);
        }
    }

    // A part of a line over the limit is only reported (and dead-lettered): its bytes are copied for a dead letter only.
    private ReadOnlySpan<byte> Raw(in LineSegment segment) =>
        segment.IsOverlong && !_keepOverlongBytes ? [] : _splitter.Raw(segment).Span;

    /// <summary>
    /// Queues the chunk's parse once the queue has room (so a parse is never started for a chunk the queue then refuses,
    /// which nobody would await); at most <c>parallelism</c> parses run at a time.
    /// </summary>
    private async ValueTask SendAsync(LineChunk chunk, CancellationToken cancellationToken)
    {
        // One writer: once there is room, the write succeeds.
        if (!await _parsed.Writer.WaitToWriteAsync(cancellationToken).ConfigureAwait(false)
            || !_parsed.Writer.TryWrite(Task.Run(() => ParseAsync(chunk), CancellationToken.None)))
        {
            throw new InvalidOperationException("The queue of parsed chunks was closed while the input was being split.");
        }
    }

    private async Task<LineChunk> ParseAsync(LineChunk chunk)
    {
        await _parsing.WaitAsync().ConfigureAwait(false);
        try
        {
            return Parse(chunk);
        }
        finally
        {
            _parsing.Release();
        }
    }

    private LineChunk Rent() => _chunks.TryTake(out var chunk) ? chunk : new LineChunk(ChunkBytes);

    private LineChunk Parse(LineChunk chunk)
    {
        if (!_parsers.TryTake(out var parser))
        {
            parser = new LineParser(_channels, _channelNames, _materialize);
        }

        try
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                parser.Parse(chunk, ref chunk.Lines[i]);
            }
        }
        finally
        {
            _parsers.Add(parser);
        }

        return chunk;
    }

    /// <summary>A parser of its own for each thread parsing at a time (a draft keeps state and caches).</summary>
    private sealed class LineParser(FrozenDictionary<string, Domain.Channel> channels, string channelNames, bool materialize) : IDisposable
    {
        private readonly EventDraft _draft = new(channels, channelNames);
        private JsonLineParser? _json;

        public void Parse(LineChunk chunk, ref ChunkLine line)
        {
            if (line.Kind != LineKind.Line)
            {
                return; // an over-long line: reported by the consumer
            }

            var content = chunk.Content(line);
            if (InteractionReader.IsBlank(content))
            {
                line.Result = LineResult.Blank;
                return;
            }

            _draft.Reset(line.LineNumber);
            var packed = chunk.Packed;
            line.Error = (_json ??= new JsonLineParser(_draft)).Parse(content, packed);
            line.Result = line.Error is null ? LineResult.Accepted : LineResult.Rejected;
            if (line.Error is null)
            {
                line.Packed = packed.Count;
                packed.Commit();
                ref readonly var accepted = ref packed.Items[line.Packed];
                line.Hash = IdHash.Of(accepted.Id(packed.Bytes));
                if (materialize)
                {
                    line.Interaction = accepted.ToInteraction(packed.Bytes);
                }
            }
        }

        public void Dispose() => _draft.Dispose();
    }
}

/// <summary>Lines copied out of the splitter's buffer, with what parsing them found.</summary>
internal sealed class LineChunk(int bytes) : IDisposable
{
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(bytes);
    private int _used;

    public ChunkLine[] Lines { get; } = new ChunkLine[JsonLinesPipeline.ChunkLines];

    /// <summary>The accepted lines, packed (<see cref="ChunkLine.Packed"/> says which is whose).</summary>
    public InteractionBatch Packed { get; } = new();

    public int Count { get; private set; }

    /// <summary>Copies the segment's bytes in, unless they do not fit in what is left of the buffer.</summary>
    public bool TryAdd(in LineSegment segment, ReadOnlySpan<byte> raw)
    {
        if (raw.Length > _bytes.Length - _used)
        {
            return false;
        }

        raw.CopyTo(_bytes.AsSpan(_used));
        Lines[Count++] = new ChunkLine
        {
            Start = _used,
            Length = segment.Length,
            RawLength = raw.Length,
            LineNumber = segment.LineNumber,
            Lines = segment.Lines,
            Kind = segment.Kind,
        };
        _used += raw.Length;
        return true;
    }

    /// <summary>Adds the first segment of an empty chunk, growing the buffer to its size if needed.</summary>
    public void Add(in LineSegment segment, ReadOnlySpan<byte> raw)
    {
        if (raw.Length > _bytes.Length)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(raw.Length);
        }

        TryAdd(segment, raw);
    }

    public ReadOnlySpan<byte> Content(in ChunkLine line) => _bytes.AsSpan(line.Start, line.Length);

    public ReadOnlyMemory<byte> Raw(in ChunkLine line) => _bytes.AsMemory(line.Start, line.RawLength);

    public void Clear()
    {
        Array.Clear(Lines, 0, Count); // no interaction stays reachable from a pooled chunk
        Packed.Clear();
        Count = 0;
        _used = 0;
        if (_bytes.Length > bytes)
        {
            // Grown for a long line: back to the usual size, so long lines do not keep every pooled chunk large.
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }
}

/// <summary>One line of a <see cref="LineChunk"/>: where its bytes are, and what parsing found.</summary>
internal struct ChunkLine
{
    public int Start;
    public int Length;
    public int RawLength;
    public long LineNumber;
    public int Lines;
    public LineKind Kind;
    public LineResult Result;
    public int Packed;
    public Interaction? Interaction;
    public ReadError? Error;
    public UInt128 Hash;
}
