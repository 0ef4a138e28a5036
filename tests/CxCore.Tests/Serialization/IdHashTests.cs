using CxCore.Serialization;

namespace CxCore.Tests.Serialization;

public sealed class IdHashTests
{
    [Fact]
    public void Equal_ids_hash_equal_and_many_similar_ids_never_collide()
    {
        var hashes = new HashSet<UInt128>();
        for (var i = 0; i < 200_000; i++)
        {
            Assert.True(hashes.Add(IdHash.Of($"order-{i:D9}-item")), $"collision at {i}");
        }

        Assert.Equal(IdHash.Of("e-1"), IdHash.Of(string.Concat("e-", "1")));
        Assert.NotEqual(IdHash.Of("e-1"), IdHash.Of("e-1 "));
        Assert.NotEqual(IdHash.Of(string.Empty), IdHash.Of("\0"));
    }
}
