using CxCore.Domain;
using CxCore.Storage;

namespace CxCore.Tests.Storage;

/// <summary>The in-memory store meets the store contract.</summary>
public sealed class InMemoryJourneyStoreTests : JourneyStoreContractTests
{
    protected override IJourneyStore CreateStore() => new InMemoryJourneyStore();

    [Fact]
    public async Task CustomerCount_counts_customers_with_interactions()
    {
        var store = new InMemoryJourneyStore();
        await store.TryAppendAsync(TestData.At("e-1", 0, "page_view"), Ct);
        await store.TryAppendAsync(TestData.At("e-2", 0, "page_view"), Ct);
        await store.TryAppendAsync(TestData.At("e-1", 0, "page_view", customer: new CustomerId("c-other")), Ct);

        Assert.Equal(2, store.CustomerCount);
        await store.DeleteCustomerAsync(TestData.Customer, Ct);
        Assert.Equal(1, store.CustomerCount);
    }

    [Fact]
    public async Task GetInteractionsAsync_returns_time_order_with_ties_in_ordinal_id_order_whatever_the_append_order()
    {
        var store = new InMemoryJourneyStore();
        foreach (var (id, days) in new[] { ("e-3", 5.0), ("e-b", 1), ("e-1", 0), ("e-B", 1), ("e-a", 1) })
        {
            Assert.True(await store.TryAppendAsync(TestData.At(id, days, "page_view"), Ct));
        }

        var interactions = await store.GetInteractionsAsync(TestData.Customer, Ct);

        Assert.Equal(["e-1", "e-B", "e-a", "e-b", "e-3"], interactions.Select(i => i.Id.Value));
    }
}
