using System.Text;
using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Serialization;

/// <summary>
/// A read-only stream of <c>lines</c> synthetic JSONL events produced as it is read, so a test can feed the reader far
/// more data than it may hold without the test holding it either.
/// </summary>
internal sealed class GeneratedJsonLinesStream(int lines) : ReadOnlyTestStream
{
    private readonly byte[] _line = new byte[512];
    private int _next;
    private int _lineLength;
    private int _lineOffset;

    public long BytesProduced { get; private set; }

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }

    public static string Line(int i) =>
        $$$"""{"id":"e-{{{i}}}","customerId":"c-{{{i % 5000}}}","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view","waitSeconds":{{{i % 600}}},"attributes":{"n":"{{{i}}}"}}""" + "\n";

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_lineOffset == _lineLength)
            {
                if (_next == lines)
                {
                    break;
                }

                _lineLength = Encoding.UTF8.GetBytes(Line(_next++), _line);
                _lineOffset = 0;
            }

            var n = Math.Min(buffer.Length - written, _lineLength - _lineOffset);
            _line.AsSpan(_lineOffset, n).CopyTo(buffer[written..]);
            _lineOffset += n;
            written += n;
        }

        BytesProduced += written;
        return written;
    }
}
