using CxCore.Domain;
using CxCore.Storage;
using CxCore.Tests.Domain;

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

    [Fact]
    public async Task Interactions_come_back_field_by_field_from_the_compact_form()
    {
        var store = new InMemoryJourneyStore();
        Interaction[] appended =
        [
            new(new InteractionId("ü-1"), TestData.Customer, new DateTimeOffset(2024, 3, 1, 14, 45, 0, TimeSpan.FromMinutes(345)), Channel.Phone, "support_request")
            {
                Touchpoint = new TouchpointId("support-line"),
                Mode = ServiceMode.Assisted,
                Outcome = InteractionOutcome.Failed,
                Signals = new InteractionSignals { Csat = 2, Nps = 0, Ces = 7, Wait = new TimeSpan(1), HandlingTime = TimeSpan.FromMinutes(4), Value = -12.340m },
                Text = "Please refund my order 😡",
                Attributes = new Dictionary<string, string> { ["promise"] = "refund" },
            },
            new(new InteractionId(new string('x', 200)), TestData.Customer, new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.FromHours(-14)), Channel.Web, "page_view")
            {
                Signals = new InteractionSignals { Wait = TimeSpan.FromDays(30) },
            },
            TestData.At("e-3", 1, "purchase"),
        ];
        foreach (var interaction in appended)
        {
            Assert.True(await store.TryAppendAsync(interaction, Ct));
        }

        var stored = await store.GetInteractionsAsync(TestData.Customer, Ct);

        Assert.Equal(appended.Length, stored.Count);
        foreach (var interaction in appended)
        {
            InteractionAssert.Same(interaction, Assert.Single(stored, s => s.Id == interaction.Id));
        }
    }
}
