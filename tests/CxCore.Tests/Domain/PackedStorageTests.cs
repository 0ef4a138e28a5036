using System.Text;
using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>
/// The pieces of the packed bulk path: a batch keeps its interactions' ids in its own bytes and is handed back once
/// every holder released it; the customer id comparer looks strings and characters up alike; a deleted customer's log
/// is cleared and refuses inserts.
/// </summary>
public sealed class PackedStorageTests
{
    private static PackedInteraction Pack(InteractionBatch batch, Interaction interaction)
    {
        var packed = PackedInteraction.From(interaction);
        var id = Encoding.UTF8.GetBytes(interaction.Id.Value);
        var customer = Encoding.UTF8.GetBytes(interaction.CustomerId.Value);
        (packed.IdStart, packed.IdLength, packed.IdIsAscii) = (batch.Append(id), id.Length, Ascii.IsValid(id));
        (packed.CustomerStart, packed.CustomerLength, packed.CustomerIsAscii) = (batch.Append(customer), customer.Length, Ascii.IsValid(customer));
        return packed;
    }

    [Fact]
    public void A_batch_rebuilds_its_interactions_and_a_copy_into_another_batch_owns_its_ids()
    {
        var source = new InteractionBatch();
        var interactions = new[]
        {
            TestData.At("e-1", 0, "purchase", signals: new InteractionSignals { Csat = 4 }, customer: new CustomerId("c-1")),
            TestData.At("注文-2", 1, "review", InteractionOutcome.Failed, customer: new CustomerId("客-é")),
        };
        foreach (var interaction in interactions)
        {
            source.Next = Pack(source, interaction);
            source.Commit();
        }

        var copy = new InteractionBatch();
        for (var i = 0; i < source.Count; i++)
        {
            copy.Add(source.Items[i], source.Bytes);
        }

        source.Clear();
        Assert.Equal(0, source.Count);
        Assert.Equal(0, source.BytesUsed);
        Assert.Equal(2, copy.Count);
        for (var i = 0; i < interactions.Length; i++)
        {
            InteractionAssert.Same(interactions[i], copy.Items[i].ToInteraction(copy.Bytes));
            Assert.Equal(interactions[i].CustomerId, copy.Items[i].CustomerValue(copy.Bytes));
            Assert.Equal(interactions[i].Id, copy.Items[i].IdValue(copy.Bytes));
        }
    }

    [Fact]
    public void A_slot_left_uncommitted_is_overwritten_and_its_bytes_truncated()
    {
        var batch = new InteractionBatch();
        var mark = batch.BytesUsed;
        batch.Next = Pack(batch, TestData.At("rejected", 0, "page_view"));
        batch.Truncate(mark); // the line was rejected: neither the slot nor its bytes are kept
        var kept = TestData.At("kept", 0, "purchase");
        batch.Next = Pack(batch, kept);
        batch.Commit();

        Assert.Equal(1, batch.Count);
        Assert.Equal("kept"u8.Length + TestData.Customer.Value.Length, batch.BytesUsed);
        InteractionAssert.Same(kept, batch.Items[0].ToInteraction(batch.Bytes));
    }

    [Fact]
    public void A_shared_batch_goes_back_to_its_source_only_after_its_last_holder_released_it_and_empty()
    {
        var recycled = new List<InteractionBatch>();
        var batch = new InteractionBatch(recycled.Add);
        batch.Next = Pack(batch, TestData.At("e-1", 0, "page_view"));
        batch.Commit();
        batch.Share(3);

        batch.Release();
        batch.Release();
        Assert.Empty(recycled);
        Assert.Equal(1, batch.Count);

        batch.Release();
        Assert.Same(batch, Assert.Single(recycled));
        Assert.Equal(0, batch.Count);
        Assert.Null(batch.Items[0].Kind); // nothing stays reachable from a pooled batch
        Assert.Null(batch.Items[0].Extras);
    }

    [Fact]
    public void A_batch_grows_for_long_ids_and_is_empty_once_cleared()
    {
        var batch = new InteractionBatch();
        var longId = new string('x', 200);
        for (var i = 0; i < InteractionBatch.Capacity; i++)
        {
            batch.Next = Pack(batch, TestData.At(longId + i, 0, "page_view", customer: new CustomerId(new string('c', 200))));
            batch.Commit();
        }

        Assert.True(batch.IsFull);
        Assert.True(batch.BytesUsed > 64 * 1024);
        Assert.Equal(longId + "255", batch.Items[255].IdValue(batch.Bytes).Value);

        batch.Clear();

        Assert.False(batch.IsFull);
        Assert.Equal(0, batch.Bytes.Length);
    }

    [Theory]
    [InlineData("c-1")]
    [InlineData("客-é")]
    [InlineData("x")]
    [InlineData("a\uD800b")]
    public void The_customer_id_comparer_finds_a_string_key_by_its_characters(string value)
    {
        var comparer = CustomerIdComparer.Instance;
        var id = CustomerId.Trusted(value);

        Assert.True(comparer.Equals(value.AsSpan(), id));
        Assert.Equal(comparer.GetHashCode(id), comparer.GetHashCode(value.AsSpan()));
        Assert.False(comparer.Equals((value + "x").AsSpan(), id));
        Assert.Equal(id, comparer.Create(value.AsSpan()));

        var table = new System.Collections.Concurrent.ConcurrentDictionary<CustomerId, int>(comparer) { [id] = 7 };
        Assert.True(table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value.AsSpan(), out var found, out var seven));
        Assert.Equal(id, found);
        Assert.Equal(7, seven);
        Assert.False(table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue((value + "x").AsSpan(), out _));
    }

    [Fact]
    public void A_released_log_is_empty_its_block_cleared_and_an_insert_throws()
    {
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        Assert.True(log.TryAppend(TestData.At("e-1", 0, "purchase")));
        Assert.True(log.TryAppend(TestData.At("e-2", 1, "review")));
        var records = log.Records;

        log.Release();

        Assert.Equal(0, log.Count);
        Assert.True(log.Records.IsEmpty);
        Assert.All(records.ToArray(), r => Assert.Equal(default, r)); // the old block holds no trace
        Assert.False(log.Contains(new InteractionId("e-1")));
        var error = Assert.Throws<InvalidOperationException>(() => log.Insert(TestData.At("e-3", 2, "page_view")));
        Assert.Contains(TestData.Customer.Value, error.Message, StringComparison.Ordinal);
    }
}
