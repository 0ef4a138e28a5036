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
}
