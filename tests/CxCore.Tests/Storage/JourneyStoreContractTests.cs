using CxCore.Domain;
using CxCore.Storage;

namespace CxCore.Tests.Storage;

/// <summary>
/// What every <see cref="IJourneyStore"/> must do, whatever keeps the data: derive a test class per store and return a
/// fresh, empty store from <see cref="CreateStore"/> (the SQLite and Orleans stores reuse this suite).
/// </summary>
public abstract class JourneyStoreContractTests
{
    private static readonly CustomerId Ana = new("c-ana");
    private static readonly CustomerId Bob = new("c-bob");
    private static readonly CustomerIdentity AnaEmail = new(IdentityKind.Email, "ana@example.com");
    private static readonly CustomerIdentity AnaPhone = new(IdentityKind.Phone, "+5511999990000");

    /// <summary>A fresh, empty store.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IJourneyStore CreateStore();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Interaction Of(CustomerId customer, string id, double days, string kind = "page_view") =>
        TestData.At(id, days, kind, customer: customer);

    private static async Task<List<CustomerId>> CustomerIds(IJourneyStore store)
    {
        var ids = new List<CustomerId>();
        await foreach (var id in store.GetCustomerIdsAsync(Ct))
        {
            ids.Add(id);
        }

        return [.. ids.OrderBy(i => i.Value, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TryAppendAsync_stores_an_interaction_once_per_customer_and_id()
    {
        var store = CreateStore();

        Assert.True(await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct));
        Assert.False(await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct));
        Assert.False(await store.TryAppendAsync(Of(Ana, "e-1", 5, "purchase"), Ct));
        Assert.True(await store.TryAppendAsync(Of(Bob, "e-1", 0), Ct));

        var stored = Assert.Single(await store.GetInteractionsAsync(Ana, Ct));
        Assert.Equal("page_view", stored.Kind);
        Assert.Single(await store.GetInteractionsAsync(Bob, Ct));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(255)]
    [InlineData(257)]
    [InlineData(1_000)]
    public async Task Duplicate_ids_are_refused_at_any_journey_length(int length)
    {
        var store = CreateStore();
        for (var i = 0; i < length; i++)
        {
            Assert.True(await store.TryAppendAsync(Of(Ana, $"e-{i}", i / 100.0), Ct));
        }

        foreach (var i in new[] { 0, length / 2, length - 1 })
        {
            Assert.False(await store.TryAppendAsync(Of(Ana, $"e-{i}", 50), Ct));
        }

        Assert.True(await store.TryAppendAsync(Of(Ana, $"e-{length}", 50), Ct));
        var stored = await store.GetInteractionsAsync(Ana, Ct);
        Assert.Equal(length + 1, stored.Count);
        Assert.Equal(length + 1, stored.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task GetInteractionsAsync_returns_a_customers_interactions_with_their_content()
    {
        var store = CreateStore();
        var late = TestData.At("e-2", 1, "support_request", InteractionOutcome.Abandoned, new InteractionSignals { Csat = 2, Nps = 3 }, Ana);
        await store.TryAppendAsync(Of(Ana, "e-3", 5), Ct);
        await store.TryAppendAsync(Of(Bob, "e-9", 0), Ct);
        await store.TryAppendAsync(late, Ct);
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);

        var interactions = await store.GetInteractionsAsync(Ana, Ct);

        // Any order: the engine sorts what it loads.
        Assert.Equal(["e-1", "e-2", "e-3"], interactions.Select(i => i.Id.Value).Order(StringComparer.Ordinal));
        Assert.All(interactions, i => Assert.Equal(Ana, i.CustomerId));
        var stored = Assert.Single(interactions, i => i.Id.Value == "e-2");
        Assert.Equal(late.Timestamp, stored.Timestamp);
        Assert.Equal(late.Kind, stored.Kind);
        Assert.Equal(late.Outcome, stored.Outcome);
        Assert.Equal(late.Signals, stored.Signals);
    }

    [Fact]
    public async Task GetInteractionsAsync_returns_a_snapshot_that_later_appends_do_not_change()
    {
        var store = CreateStore();
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);

        var before = await store.GetInteractionsAsync(Ana, Ct);
        await store.TryAppendAsync(Of(Ana, "e-2", 1), Ct);

        Assert.Single(before);
        Assert.Equal(2, (await store.GetInteractionsAsync(Ana, Ct)).Count);
    }

    [Fact]
    public async Task An_unknown_customer_has_no_interactions_no_identities_and_nothing_to_delete()
    {
        var store = CreateStore();
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);

        Assert.Empty(await store.GetInteractionsAsync(Bob, Ct));
        Assert.Empty(await store.GetIdentitiesAsync(Bob, Ct));
        Assert.Equal(0, await store.DeleteCustomerAsync(Bob, Ct));
        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
    }

    [Fact]
    public async Task GetCustomerIdsAsync_lists_every_customer_with_interactions_once()
    {
        var store = CreateStore();
        Assert.Empty(await CustomerIds(store));
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);
        await store.TryAppendAsync(Of(Ana, "e-2", 1), Ct);
        await store.TryAppendAsync(Of(Bob, "e-1", 0), Ct);
        await store.LinkIdentityAsync(AnaEmail, new CustomerId("c-no-interactions"), Ct);

        Assert.Equal([Ana, Bob], await CustomerIds(store));
    }

    [Fact]
    public async Task Identities_can_be_linked_found_and_listed()
    {
        var store = CreateStore();

        await store.LinkIdentityAsync(AnaEmail, Ana, Ct);
        await store.LinkIdentityAsync(AnaPhone, Ana, Ct);

        Assert.Equal(Ana, await store.FindCustomerAsync(AnaEmail, Ct));
        Assert.Equal(Ana, await store.FindCustomerAsync(new CustomerIdentity(IdentityKind.Email, " ANA@Example.com "), Ct));
        Assert.Null(await store.FindCustomerAsync(new CustomerIdentity(IdentityKind.Email, "bob@example.com"), Ct));
        Assert.Null(await store.FindCustomerAsync(new CustomerIdentity(new IdentityKind("crm"), "ana@example.com"), Ct));
        Assert.Equal(
            [AnaEmail, AnaPhone],
            (await store.GetIdentitiesAsync(Ana, Ct)).OrderBy(i => i.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task Linking_an_alias_again_moves_it_to_the_new_customer()
    {
        var store = CreateStore();
        await store.LinkIdentityAsync(AnaEmail, Ana, Ct);

        await store.LinkIdentityAsync(AnaEmail, Bob, Ct);

        Assert.Equal(Bob, await store.FindCustomerAsync(AnaEmail, Ct));
        Assert.Empty(await store.GetIdentitiesAsync(Ana, Ct));
        Assert.Equal([AnaEmail], await store.GetIdentitiesAsync(Bob, Ct));
    }

    [Fact]
    public async Task DeleteCustomerAsync_removes_interactions_and_aliases_and_counts_them()
    {
        var store = CreateStore();
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);
        await store.TryAppendAsync(Of(Ana, "e-2", 1), Ct);
        await store.TryAppendAsync(Of(Ana, "e-3", 2), Ct);
        await store.TryAppendAsync(Of(Bob, "e-1", 0), Ct);
        await store.LinkIdentityAsync(AnaEmail, Ana, Ct);
        await store.LinkIdentityAsync(AnaPhone, Ana, Ct);
        var bobEmail = new CustomerIdentity(IdentityKind.Email, "bob@example.com");
        await store.LinkIdentityAsync(bobEmail, Bob, Ct);

        Assert.Equal(5, await store.DeleteCustomerAsync(Ana, Ct));

        Assert.Empty(await store.GetInteractionsAsync(Ana, Ct));
        Assert.Empty(await store.GetIdentitiesAsync(Ana, Ct));
        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
        Assert.Null(await store.FindCustomerAsync(AnaPhone, Ct));
        Assert.Equal([Bob], await CustomerIds(store));
        Assert.Single(await store.GetInteractionsAsync(Bob, Ct));
        Assert.Equal(Bob, await store.FindCustomerAsync(bobEmail, Ct));
        Assert.Equal(0, await store.DeleteCustomerAsync(Ana, Ct));
    }

    [Fact]
    public async Task A_deleted_customer_can_append_the_same_ids_again()
    {
        var store = CreateStore();
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);
        await store.DeleteCustomerAsync(Ana, Ct);

        Assert.True(await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct));
        Assert.Single(await store.GetInteractionsAsync(Ana, Ct));
    }

    [Fact]
    public async Task A_customer_with_only_aliases_can_be_deleted()
    {
        var store = CreateStore();
        await store.LinkIdentityAsync(AnaEmail, Ana, Ct);

        Assert.Equal(1, await store.DeleteCustomerAsync(Ana, Ct));
        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
    }

    [Fact]
    public async Task Concurrent_appends_for_many_customers_are_all_kept_once()
    {
        var store = CreateStore();
        var interactions = Enumerable.Range(0, 2_000).Select(i => Of(new CustomerId($"c-{i % 50}"), $"e-{i / 50}", i / 50.0)).ToList();

        var results = await Task.WhenAll(interactions.Concat(interactions).Select(i => Task.Run(async () => await store.TryAppendAsync(i, Ct), Ct)));

        Assert.Equal(interactions.Count, results.Count(r => r));
        Assert.Equal(50, (await CustomerIds(store)).Count);
        Assert.All(
            await Task.WhenAll(Enumerable.Range(0, 50).Select(c => store.GetInteractionsAsync(new CustomerId($"c-{c}"), Ct).AsTask())),
            list => Assert.Equal(40, list.Select(i => i.Id).Distinct().Count()));
    }

    [Fact]
    public async Task Every_operation_honours_a_cancelled_token()
    {
        var store = CreateStore();
        await store.TryAppendAsync(Of(Ana, "e-1", 0), Ct);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var token = cts.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TryAppendAsync(Of(Ana, "e-2", 1), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetInteractionsAsync(Ana, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.FindCustomerAsync(AnaEmail, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.LinkIdentityAsync(AnaEmail, Ana, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetIdentitiesAsync(Ana, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.DeleteCustomerAsync(Ana, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.GetCustomerIdsAsync(token))
            {
            }
        });

        Assert.Single(await store.GetInteractionsAsync(Ana, Ct));
        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
    }
}
