using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace CxCore.Domain;

/// <summary>
/// Hints that memory will be read soon (x86's <c>prefetcht0</c>; nothing elsewhere). A hint never faults and changes
/// no result: an address that is stale by the time the line arrives (the collector moved the object) only wastes the
/// fetch.
/// </summary>
internal static class Prefetch
{
    private const int LineSize = 64;

    /// <summary>Fetches the first <paramref name="lines"/> cache lines of object <paramref name="target"/>.</summary>
    public static unsafe void Object(object? target, int lines)
    {
        if (!Sse.IsSupported || target is null)
        {
            return;
        }

        var address = *(byte**)Unsafe.AsPointer(ref target);
        for (var i = 0; i < lines; i++)
        {
            Sse.Prefetch0(address + (i * LineSize));
        }
    }

    /// <summary>Fetches the cache lines of <paramref name="array"/>'s elements <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> (bytes).</summary>
    public static unsafe void Bytes(byte[] array, int start, int length)
    {
        if (!Sse.IsSupported || (uint)start > (uint)array.Length)
        {
            return;
        }

        var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)) + start;
        for (var offset = 0; offset < length; offset += LineSize)
        {
            Sse.Prefetch0(first + offset);
        }
    }
}
