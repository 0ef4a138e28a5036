using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// One read of JSON Lines or CSV on one thread, as steps: <see cref="Next"/> reads lines until one is accepted (packed
/// into a batch), the splitter needs more input (<see cref="FillAsync"/>), or a rejected line waits for its dead letter
/// (<see cref="WriteDeadLetterAsync"/>). Everything a line does to the report, the error callback and strict mode
/// happens inside <see cref="Next"/>, in input order, so the reader's two ways out (one interaction at a time, or
/// batches for the engine) behave the same: they differ only in how often they hand over what was accepted.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly InteractionReader _reader;
    private readonly ReadReport _report;
    private readonly Stream? _deadLetter;
    private readonly SeenIds? _seen;
    private readonly LineSplitter _splitter;
    private readonly EventDraft _draft;
    private readonly JsonLineParser? _json;
    private readonly CsvParser? _table;
    private bool _deadLetterStarted;
    private LineSegment _pending;

    public LineReader(InteractionReader reader, Stream source, ReadReport report, bool csv)
    {
        var options = reader.Options;
        _reader = reader;
        _report = report;
        _deadLetter = options.Strict ? null : options.DeadLetter;
        _seen = options.DetectDuplicateIds ? new SeenIds() : null;
        _splitter = new LineSplitter(source, options.MaxLineBytes, csv);
        _draft = reader.CreateDraft();
        _json = csv ? null : new JsonLineParser(_draft);
        _table = csv ? new CsvParser(_draft) : null;
    }

    /// <summary>
    /// Reads lines until one is accepted (then it is committed to <paramref name="target"/>), the input must be read
    /// further, or a rejected line is to be dead-lettered. Throws <see cref="InteractionReadException"/> on a line that
    /// ends the read (strict mode, an unusable CSV header).
    /// </summary>
    public LineStep Next(InteractionBatch target, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_splitter.TryReadLine(out var segment))
            {
                return LineStep.Fill;
            }

            cancellationToken.ThrowIfCancellationRequested();
            _report.LinesRead += segment.Lines;
            if (segment.IsOverlong)
            {
                if (segment.StartsOverlong)
                {
                    var tooLong = _reader.TooLong(segment.LineNumber);
                    if (_table is { HasHeader: false })
                    {
                        throw _reader.Fatal(tooLong with { Reason = "the CSV header " + tooLong.Reason }, _report);
                    }

                    _reader.Reject(tooLong, _report);
                }
            }
            else
            {
                switch (Parse(segment, target, out var error))
                {
                    case LineResult.Blank:
                        _report.BlankLines += segment.Lines;
                        continue;
                    case LineResult.Header:
                        continue;
                    case LineResult.Fatal:
                        throw _reader.Fatal(error!, _report);
                    case LineResult.Accepted:
                        _report.Accepted++;
                        target.Commit();
                        return LineStep.Accepted;
                    default:
                        _reader.Reject(error!, _report);
                        break;
                }
            }

            if (_deadLetter is not null)
            {
                _pending = segment;
                return LineStep.DeadLetter;
            }
        }
    }

    /// <summary>Reads more input; false at its end.</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken) => _splitter.FillAsync(cancellationToken);

    /// <summary>Writes the line <see cref="Next"/> stopped at to the dead letter (after the CSV header, the first time).</summary>
    public async ValueTask WriteDeadLetterAsync(CancellationToken cancellationToken)
    {
        var deadLetter = _deadLetter!;
        if (_table is not null && !_deadLetterStarted)
        {
            var header = _table.HeaderRaw;
            await InteractionReader.WriteDeadLetterAsync(deadLetter, header, header is [] or [.., not (byte)'\n'], cancellationToken).ConfigureAwait(false);
        }

        _deadLetterStarted = true;
        var raw = _splitter.Raw(_pending);
        await InteractionReader.WriteDeadLetterAsync(deadLetter, raw, InteractionReader.NeedsLineFeed(_pending.Kind, raw.Span), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _report.PeakBufferBytes = Math.Max(_report.PeakBufferBytes, _splitter.PeakBufferBytes);
        _splitter.Dispose();
        _draft.Dispose();
        _seen?.Dispose();
    }

    private LineResult Parse(in LineSegment segment, InteractionBatch target, out ReadError? error)
    {
        error = null;
        var content = _splitter.Content(segment);
        if (InteractionReader.IsBlank(content))
        {
            return LineResult.Blank;
        }

        _draft.Reset(segment.LineNumber);
        if (_table is { HasHeader: false })
        {
            error = _table.ReadHeader(content, _splitter.Raw(segment).Span);
            return error is null ? LineResult.Header : LineResult.Fatal;
        }

        error = _json is not null ? _json.Parse(content, target) : _table!.Parse(content, target);
        if (error is not null)
        {
            return LineResult.Rejected;
        }

        if (_seen is not null)
        {
            ref readonly var packed = ref target.Next;
            if (!_seen.TryAdd(IdHash.Of(packed.Id(target.Bytes)), segment.LineNumber, out var firstLine))
            {
                error = InteractionReader.DuplicateId(segment.LineNumber, packed.IdValue(target.Bytes).Value, firstLine);
                target.Truncate(packed.IdStart);
                return LineResult.Rejected;
            }
        }

        return LineResult.Accepted;
    }
}

/// <summary>Where <see cref="LineReader.Next"/> stopped.</summary>
internal enum LineStep
{
    /// <summary>A line was accepted and committed to the batch.</summary>
    Accepted,

    /// <summary>The input must be read further (<see cref="LineReader.FillAsync"/>).</summary>
    Fill,

    /// <summary>A rejected line waits for its dead letter.</summary>
    DeadLetter,

    /// <summary>The line was dealt with (blank, rejected without a dead letter): nothing to hand over.</summary>
    Skipped,
}
