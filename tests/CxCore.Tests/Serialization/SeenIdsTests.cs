using CxCore.Domain;
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

    [Fact]
    public void A_set_made_after_another_was_disposed_starts_empty_although_it_reuses_pooled_tables()
    {
        // The tables come from the shared array pool: a reused one holds the last user's slots until cleared.
        for (var round = 0; round < 3; round++)
        {
            using var seen = new SeenIds();
            for (var i = 0; i < 20_000; i++)
            {
                Assert.True(seen.TryAdd(IdHash.Of($"e-{i}"), i + 1, out _));
            }

            Assert.False(seen.TryAdd(IdHash.Of("e-7"), 1, out var first));
            Assert.Equal(8, first);
        }

        var disposed = new SeenIds();
        disposed.Dispose();
        disposed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => disposed.TryAdd(IdHash.Of("e-1"), 1, out _));
    }

    [Fact]
    public async Task Two_reads_of_the_same_input_one_after_the_other_report_no_duplicates()
    {
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        var lines = string.Concat(Enumerable.Range(0, 5_000).Select(i =>
            $$"""{"id":"e-{{i}}","customerId":"c-{{i % 50}}","timestamp":"2024-03-01T10:00:00Z","channel":"web","kind":"page_view"}""" + "\n"));
        var data = System.Text.Encoding.UTF8.GetBytes(lines);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var report = new ReadReport();
            var count = 0;
            await foreach (var interaction in reader.ReadJsonLinesAsync(new MemoryStream(data), report, TestContext.Current.CancellationToken))
            {
                count++;
            }

            Assert.Equal(5_000, count);
            Assert.Equal(0, report.Rejected);
        }
    }
}
