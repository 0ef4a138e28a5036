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
}
