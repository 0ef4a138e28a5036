using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CxCore.Serialization;

/// <summary>
/// A 128-bit hash of an id (MurmurHash3 x64-128 over its UTF-8 bytes, as the reader has them) so duplicate detection can remember every
/// id of an input without keeping the strings alive: the set holds no references, so it costs the garbage collector
/// nothing to scan or promote. Two different ids share a hash with a probability of about n²/2¹²⁹ for n ids
/// (below 10⁻²⁰ for a billion), far below any other source of error; <see cref="SeenIds"/> keeps 96 of the bits
/// (about n²/2⁹⁷, below 10⁻¹¹ for a billion).
/// </summary>
internal static class IdHash
{
    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    /// <summary>The hash of an id given as a string (of its UTF-8 bytes: the same as the reader computes for it).</summary>
    public static UInt128 Of(string id) => Of(System.Text.Encoding.UTF8.GetBytes(id));

    /// <summary>The hash of an id's UTF-8 bytes.</summary>
    public static UInt128 Of(ReadOnlySpan<byte> data)
    {
        ulong h1 = 0x9E3779B97F4A7C15UL;
        var h2 = h1;
        var blocks = data.Length / 16;
        for (var i = 0; i < blocks; i++)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 16, 8));
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((i * 16) + 8, 8));
            h1 ^= MixK1(k1);
            h1 = (BitOperations.RotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
            h2 ^= MixK2(k2);
            h2 = (BitOperations.RotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
        }

        var tail = data[(blocks * 16)..];
        if (!tail.IsEmpty)
        {
            Span<byte> last = stackalloc byte[16];
            last.Clear();
            tail.CopyTo(last);
            h2 ^= MixK2(BinaryPrimitives.ReadUInt64LittleEndian(last[8..]));
            h1 ^= MixK1(BinaryPrimitives.ReadUInt64LittleEndian(last));
        }

        h1 ^= (ulong)data.Length;
        h2 ^= (ulong)data.Length;
        h1 += h2;
        h2 += h1;
        h1 = Fmix(h1);
        h2 = Fmix(h2);
        h1 += h2;
        h2 += h1;
        return new UInt128(h1, h2);
    }

    /// <summary>
    /// A quick 64-bit hash of a short byte string, for placing it (a slot of a cache, a worker of an ingest), not for
    /// telling ids apart: one multiply and rotate per 8 bytes, then a full mix.
    /// </summary>
    public static ulong Quick(ReadOnlySpan<byte> data)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)data.Length;
        while (data.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(data)) * 0xff51afd7ed558ccdUL, 29);
            data = data[8..];
        }

        foreach (var b in data)
        {
            h = (h ^ b) * 0x100000001b3UL;
        }

        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static ulong MixK1(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    private static ulong MixK2(ulong k) => BitOperations.RotateLeft(k * C2, 33) * C1;

    private static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}
