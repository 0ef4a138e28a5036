using CxCore.Serialization;

namespace CxCore.Tests.Serialization;

public sealed class SeenIdsTests
{
    [Fact]
    public void Every_id_is_added_once_and_a_repeat_reports_the_first_line_even_after_growing()
    {
        var seen = new SeenIds();
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(seen.TryAdd(IdHash.Of($"e-{i}"), i + 1, out _));
        }

        for (var i = 0; i < 50_000; i += 997)
        {
            Assert.False(seen.TryAdd(IdHash.Of($"e-{i}"), 99_999, out var first));
            Assert.Equal(i + 1, first);
        }

        Assert.True(seen.TryAdd(UInt128.Zero, 7, out _));
        Assert.False(seen.TryAdd(UInt128.Zero, 8, out var zeroFirst));
        Assert.Equal(7, zeroFirst);
    }

    [Fact]
    public void A_repeat_reports_a_first_line_past_four_billion_exactly()
    {
        var seen = new SeenIds();
        const long far = 5_000_000_000L;

        Assert.True(seen.TryAdd(IdHash.Of("e-near"), uint.MaxValue - 1L, out _));
        Assert.True(seen.TryAdd(IdHash.Of("e-edge"), uint.MaxValue, out _));
        Assert.True(seen.TryAdd(IdHash.Of("e-far"), far, out _));

        Assert.False(seen.TryAdd(IdHash.Of("e-near"), far + 1, out var near));
        Assert.False(seen.TryAdd(IdHash.Of("e-edge"), far + 2, out var edge));
        Assert.False(seen.TryAdd(IdHash.Of("e-far"), far + 3, out var first));
        Assert.Equal(uint.MaxValue - 1L, near);
        Assert.Equal(uint.MaxValue, edge);
        Assert.Equal(far, first);
    }
}
