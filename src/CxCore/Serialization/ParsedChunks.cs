using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// One read of JSON Lines parsed on several threads (<see cref="JsonLinesPipeline"/>), as the reading thread sees it:
/// the chunks in input order, and <see cref="Handle"/> doing for each line what <see cref="LineReader"/> does after
/// parsing (counts, duplicate ids, errors, strict mode), so both ways of reading give the same result.
/// </summary>
internal sealed class ParsedChunks : IAsyncDisposable
{
    private readonly InteractionReader _reader;
    private readonly ReadReport _report;
    private readonly Stream? _deadLetter;
    private readonly SeenIds? _seen;
    private readonly LineSplitter _splitter;
    private readonly JsonLinesPipeline _pipeline;
    private LineChunk? _current;

    public ParsedChunks(InteractionReader reader, Stream source, ReadReport report, bool materialize, CancellationToken cancellationToken)
    {
        var options = reader.Options;
        _reader = reader;
        _report = report;
        _deadLetter = options.Strict ? null : options.DeadLetter;
        _seen = options.DetectDuplicateIds ? new SeenIds() : null;
        _splitter = new LineSplitter(source, options.MaxLineBytes, csv: false);
        _pipeline = reader.CreatePipeline(_splitter, keepOverlongBytes: _deadLetter is not null, materialize, cancellationToken);
    }

    /// <summary>The parsed chunks in input order; hand each back with <see cref="Done"/>.</summary>
    public async IAsyncEnumerable<LineChunk> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in _pipeline.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            _current = chunk;
            yield return chunk;
        }
    }

    /// <summary>Accounts for line <paramref name="index"/> of <paramref name="chunk"/>: accepted, to be dead-lettered, or neither.</summary>
    public LineStep Handle(LineChunk chunk, int index, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ref readonly var line = ref chunk.Lines[index];
        _report.LinesRead += line.Lines;
        var error = line.Error;
        if (line.Kind == LineKind.Line)
        {
            if (line.Result == LineResult.Blank)
            {
                _report.BlankLines += line.Lines;
                return LineStep.Skipped;
            }

            if (line.Result == LineResult.Accepted)
            {
                if (_seen is null || _seen.TryAdd(line.Hash, line.LineNumber, out var firstLine))
                {
                    _report.Accepted++;
                    return LineStep.Accepted;
                }

                var packed = chunk.Packed;
                error = InteractionReader.DuplicateId(line.LineNumber, packed.Items[line.Packed].IdValue(packed.Bytes).Value, firstLine);
            }
        }
        else if (line.Kind is LineKind.OverlongWhole or LineKind.OverlongFirst)
        {
            error = _reader.TooLong(line.LineNumber);
        }

        if (error is not null)
        {
            _reader.Reject(error, _report);
        }

        return _deadLetter is null ? LineStep.Skipped : LineStep.DeadLetter;
    }

    /// <summary>Writes line <paramref name="index"/> of <paramref name="chunk"/> to the dead letter.</summary>
    public ValueTask WriteDeadLetterAsync(LineChunk chunk, int index, CancellationToken cancellationToken)
    {
        ref readonly var line = ref chunk.Lines[index];
        var raw = chunk.Raw(line);
        return InteractionReader.WriteDeadLetterAsync(_deadLetter!, raw, InteractionReader.NeedsLineFeed(line.Kind, raw.Span), cancellationToken);
    }

    /// <summary>Hands a chunk back once its lines were handled.</summary>
    public void Done(LineChunk chunk)
    {
        _current = null;
        _pipeline.Recycle(chunk);
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            _pipeline.Recycle(_current); // stopped in the middle of a chunk
            _current = null;
        }

        await _pipeline.DisposeAsync().ConfigureAwait(false);
        _report.PeakBufferBytes = Math.Max(_report.PeakBufferBytes, _splitter.PeakBufferBytes);
        _splitter.Dispose();
        _seen?.Dispose();
    }
}
