using System.Buffers;

namespace CxCore.Serialization;

/// <summary>
/// Splits a stream into lines (JSONL) or records (CSV, where a quoted field may hold line breaks) over one pooled buffer,
/// never holding more than about twice <c>maxLineBytes</c>: a line over the limit is handed out in parts as it streams
/// past, so it can be reported and dead-lettered without being held whole.
/// </summary>
/// <remarks>
/// Use: call <see cref="TryReadLine"/> until it returns false, then <see cref="FillAsync"/>; stop when that returns
/// false. A segment's bytes stay valid until the next call to <see cref="FillAsync"/>.
/// </remarks>
internal sealed class LineSplitter : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly bool _csv;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scan;
    private int _innerLineBreaks;
    private CsvScanState _state;
    private bool _eof;
    private bool _bomChecked;
    private bool _skipping;
    private long _lineNumber = 1;
    private long _recordLine = 1;

    public LineSplitter(Stream stream, int maxLineBytes, bool csv)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _csv = csv;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferBytes, BufferLimit));
        PeakBufferBytes = _buffer.Length;
    }

    /// <summary>The buffer the segments point into.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The largest buffer held so far, in bytes.</summary>
    public int PeakBufferBytes { get; private set; }

    // The content limit plus a "\r\n": the most a line within the limit needs to be seen whole.
    private int BufferLimit => _maxLineBytes + 2;

    public ReadOnlySpan<byte> Content(in LineSegment segment) => _buffer.AsSpan(segment.Start, segment.Length);

    public ReadOnlyMemory<byte> Raw(in LineSegment segment) => _buffer.AsMemory(segment.Start, segment.RawLength);

    public bool TryReadLine(out LineSegment segment)
    {
        segment = default;
        if (!_bomChecked)
        {
            if (_end - _start < 3 && !_eof)
            {
                return false;
            }

            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start += 3;
                _scan = _start;
            }

            _bomChecked = true;
        }

        if (_start == _end)
        {
            if (_eof && _skipping)
            {
                // The input ended inside an over-long line whose bytes were all handed out already: close it.
                segment = new LineSegment(_start, 0, 0, _recordLine, 1, LineKind.OverlongLast);
                _lineNumber++;
                _skipping = false;
                return true;
            }

            return false;
        }

        var lineBreak = _csv ? ScanCsv() : ScanJsonLines();
        if (lineBreak >= 0)
        {
            var contentEnd = lineBreak;
            var terminator = 1;
            if (contentEnd > _start && _buffer[contentEnd - 1] == '\r')
            {
                contentEnd--;
                terminator = 2;
            }

            segment = Complete(contentEnd, terminator);
            _start = _scan = lineBreak + 1;
            return true;
        }

        if (_eof)
        {
            // The last line has no line break; a lone final "\r" still counts as one.
            var contentEnd = _end;
            var terminator = 0;
            if (_buffer[contentEnd - 1] == '\r')
            {
                contentEnd--;
                terminator = 1;
            }

            segment = Complete(contentEnd, terminator);
            _start = _scan = _end;
            return true;
        }

        if (_skipping)
        {
            segment = new LineSegment(_start, _end - _start, 0, _recordLine, TakeInnerLineBreaks(), LineKind.OverlongMiddle);
            _lineNumber += segment.Lines;
            _start = _scan = _end;
            return true;
        }

        if (_end - _start > _maxLineBytes + 1)
        {
            _recordLine = _lineNumber;
            segment = new LineSegment(_start, _end - _start, 0, _recordLine, TakeInnerLineBreaks(), LineKind.OverlongFirst);
            _lineNumber += segment.Lines;
            _skipping = true;
            _start = _scan = _end;
            return true;
        }

        return false;
    }

    /// <summary>Reads more of the stream. Returns false when the stream is exhausted and every line has been handed out.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            var pending = _end - _start;
            if (pending > 0)
            {
                _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            }

            _scan -= _start;
            _end = pending;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Grow();
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return _end > _start || !_bomChecked || _skipping;
        }

        _end += read;
        return true;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private LineSegment Complete(int contentEnd, int terminator)
    {
        var inner = TakeInnerLineBreaks();
        LineSegment segment;
        if (_skipping)
        {
            segment = new LineSegment(_start, contentEnd - _start, terminator, _recordLine, inner + 1, LineKind.OverlongLast);
            _skipping = false;
        }
        else
        {
            var kind = contentEnd - _start > _maxLineBytes ? LineKind.OverlongWhole : LineKind.Line;
            segment = new LineSegment(_start, contentEnd - _start, terminator, _lineNumber, inner + 1, kind);
        }

        _lineNumber += segment.Lines;
        _state = CsvScanState.FieldStart;
        return segment;
    }

    private int TakeInnerLineBreaks()
    {
        var count = _innerLineBreaks;
        _innerLineBreaks = 0;
        return count;
    }

    private void Grow()
    {
        // Only reached while a line within the limit is still incomplete, so the buffer is below the limit.
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, BufferLimit));
        _buffer.AsSpan(0, _end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
        PeakBufferBytes = Math.Max(PeakBufferBytes, bigger.Length);
    }

    private int ScanJsonLines()
    {
        var index = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
        if (index >= 0)
        {
            return _scan + index;
        }

        _scan = _end;
        return -1;
    }

    /// <summary>
    /// Finds the line break that ends the current CSV record (RFC 4180: a quote opens a quoted field only at the start of
    /// a field, and <c>""</c> inside one is a literal quote), resuming where the last call stopped.
    /// </summary>
    private int ScanCsv()
    {
        var i = _scan;
        var state = _state;
        var result = -1;
        while (i < _end)
        {
            switch (state)
            {
                case CsvScanState.FieldStart:
                    if (_buffer[i] == '"')
                    {
                        state = CsvScanState.Quoted;
                        i++;
                    }
                    else
                    {
                        state = CsvScanState.Unquoted;
                    }

                    break;

                case CsvScanState.Unquoted:
                {
                    var rel = _buffer.AsSpan(i, _end - i).IndexOfAny((byte)',', (byte)'\n');
                    if (rel < 0)
                    {
                        i = _end;
                        break;
                    }

                    i += rel;
                    if (_buffer[i] == '\n')
                    {
                        result = i;
                        goto done;
                    }

                    state = CsvScanState.FieldStart;
                    i++;
                    break;
                }

                case CsvScanState.Quoted:
                {
                    var span = _buffer.AsSpan(i, _end - i);
                    var rel = span.IndexOf((byte)'"');
                    var scanned = rel < 0 ? span : span[..rel];
                    _innerLineBreaks += scanned.Count((byte)'\n');
                    if (rel < 0)
                    {
                        i = _end;
                        break;
                    }

                    i += rel + 1;
                    state = CsvScanState.QuoteInQuoted;
                    break;
                }

                default: // QuoteInQuoted: "" is an escaped quote, anything else closes the field.
                    if (_buffer[i] == '"')
                    {
                        state = CsvScanState.Quoted;
                        i++;
                    }
                    else
                    {
                        state = CsvScanState.Unquoted;
                    }

                    break;
            }
        }

        done:
        _scan = result >= 0 ? result : _end;
        _state = state;
        return result;
    }
}
