using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Serialization;

/// <summary>A read-only stream that hands out at most <c>chunk</c> bytes per read, to cut lines at every possible place.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : ReadOnlyTestStream
{
    private int _position;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}
