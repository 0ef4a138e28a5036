using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Right to erasure, and pseudonymised customer ids.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task With_pseudonymisation_a_plain_id_is_filed_under_its_pseudonym_even_after_a_query_loaded_the_stored_raw_id()
    {
        var inner = new InMemoryJourneyStore();
        await Create(inner).RecordAsync(Of("c-1", "e-1", 0, "product_view"), TestContext.Current.CancellationToken);
        var engine = Create(inner, configure: o => o.PseudonymizationKey = "0123456789abcdef0123");
        var first = await engine.RecordAsync(Of("c-1", "e-2", 1, "add_to_cart"), TestContext.Current.CancellationToken);

        // Reading every stored journey loads the raw id written before the key was set.
        _ = await engine.GetJourneysAsync(Now, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var second = await engine.RecordAsync(Of("c-1", "e-3", 2, "purchase"), TestContext.Current.CancellationToken);

        Assert.StartsWith("px-", first.CustomerId.Value, StringComparison.Ordinal);
        Assert.Equal(first.CustomerId, second.CustomerId);
    }

    private const string Key = "a-long-and-secret-key-0123456789";
    private static readonly CustomerIdentity AnaEmail = new(IdentityKind.Email, "ana@example.com");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgetCustomerAsync_erases_interactions_aliases_and_journey()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store);
        await engine.RegisterCustomerAsync(new Customer(Id("c-ana")) { Identities = [AnaEmail] }, Ct);
        await engine.RecordAllAsync(UnhappyPath("c-ana"));
        await engine.RecordAllAsync(HappyPath("c-bob"));

        Assert.True(await engine.ForgetCustomerAsync(Id("c-ana"), Ct));

        Assert.Null(await engine.GetJourneyAsync(Id("c-ana"), Now, Ct));
        Assert.Empty(await store.GetInteractionsAsync(Id("c-ana"), Ct));
        Assert.Empty(await store.GetIdentitiesAsync(Id("c-ana"), Ct));
        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
        Assert.Null(await engine.GetJourneyAsync(Id("email:ana@example.com"), Now, Ct));
        Assert.DoesNotContain(await engine.GetCustomersAtRiskAsync(Now, Ct), s => s.CustomerId == Id("c-ana"));
        Assert.Equal([Id("c-bob")], await store.GetCustomerIdsAsync(Ct).ToListAsync());
        Assert.NotNull(await engine.GetJourneyAsync(Id("c-bob"), Now, Ct));
    }

    [Fact]
    public async Task A_forgotten_customer_who_comes_back_starts_a_fresh_journey()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-ana"));
        await engine.ForgetCustomerAsync(Id("c-ana"), Ct);

        var result = await engine.RecordAsync(HappyPath("c-ana")[0], Ct);

        Assert.Equal(RecordStatus.Recorded, result.Status);
        Assert.Equal(JourneyStage.Awareness, result.StageBefore);
        Assert.Single((await engine.GetJourneyAsync(Id("c-ana"), Now, Ct))!.Interactions);
    }

    [Fact]
    public async Task ForgetCustomerAsync_by_alias_forgets_the_customer()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(new Customer(Id("c-ana")) { Identities = [AnaEmail] }, Ct);
        await engine.RecordAllAsync(HappyPath("c-ana"));

        Assert.True(await engine.ForgetCustomerAsync(Id("email:ana@example.com"), Ct));

        Assert.Null(await engine.GetJourneyAsync(Id("c-ana"), Now, Ct));
    }

    [Fact]
    public async Task ForgetCustomerAsync_of_an_unknown_customer_returns_false()
    {
        var engine = Create();
        await engine.RecordAllAsync(HappyPath("c-bob"));

        Assert.False(await engine.ForgetCustomerAsync(Id("c-nobody"), Ct));
        Assert.NotNull(await engine.GetJourneyAsync(Id("c-bob"), Now, Ct));
    }

    [Fact]
    public async Task With_a_pseudonymisation_key_the_store_never_holds_the_real_ids_and_lookups_by_real_id_work()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store, configure: o => o.PseudonymizationKey = Key);
        await engine.RegisterCustomerAsync(new Customer(Id("c-ana")) { Identities = [AnaEmail] }, Ct);
        await engine.RecordAllAsync(HappyPath("c-ana"));
        await engine.RecordAsync(Of("email:ana@example.com", "e-x", 7, "referral"), Ct);
        await engine.RecordAllAsync(UnhappyPath("c-bob"));

        var ids = await store.GetCustomerIdsAsync(Ct).ToListAsync();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.DoesNotContain("ana", id.Value, StringComparison.Ordinal));
        Assert.All(ids, id => Assert.DoesNotContain("bob", id.Value, StringComparison.Ordinal));
        foreach (var id in ids)
        {
            Assert.All(await store.GetInteractionsAsync(id, Ct), i => Assert.Equal(id, i.CustomerId));
            Assert.All(await store.GetIdentitiesAsync(id, Ct), a => Assert.DoesNotContain("ana@example.com", a.ToString(), StringComparison.Ordinal));
        }

        Assert.Null(await store.FindCustomerAsync(AnaEmail, Ct));
        var ana = await engine.GetJourneyAsync(Id("c-ana"), Now, Ct);
        Assert.Equal(6, ana!.Interactions.Count);
        Assert.Contains(ana.CustomerId, ids);
        Assert.NotEqual(Id("c-ana"), ana.CustomerId);
        Assert.Equal(ana.CustomerId, (await engine.GetJourneyAsync(Id("email:ana@example.com"), Now, Ct))!.CustomerId);
        Assert.Contains(await engine.GetCustomersAtRiskAsync(Now, Ct), s => s.CustomerId == (engine.GetJourneyAsync(Id("c-bob"), Now, Ct).AsTask().Result)!.CustomerId);
        Assert.True(await engine.ForgetCustomerAsync(Id("c-ana"), Ct));
        Assert.Single(await store.GetCustomerIdsAsync(Ct).ToListAsync());
    }

    [Fact]
    public async Task The_same_key_gives_the_same_pseudonym_and_different_keys_differ()
    {
        async Task<CustomerId> PseudonymOf(string customer, string key)
        {
            var engine = Create(configure: o => o.PseudonymizationKey = key);
            return (await engine.RecordAsync(Of(customer, "e-1", 0, "purchase"), Ct)).CustomerId;
        }

        var first = await PseudonymOf("c-ana", Key);
        var again = await PseudonymOf("c-ana", Key);
        var otherKey = await PseudonymOf("c-ana", Key + "-rotated");
        var otherCustomer = await PseudonymOf("c-bob", Key);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherKey);
        Assert.NotEqual(first, otherCustomer);
        Assert.DoesNotContain("c-ana", first.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pseudonymised_journeys_survive_a_new_engine_over_the_same_store()
    {
        var store = new InMemoryJourneyStore();
        await Create(store, configure: o => o.PseudonymizationKey = Key).RecordAllAsync(HappyPath("c-ana"));

        var restarted = Create(store, configure: o => o.PseudonymizationKey = Key);

        Assert.Equal(JourneyStage.Advocacy, (await restarted.GetJourneyAsync(Id("c-ana"), Now, Ct))!.CurrentStage);
        Assert.Equal(RecordStatus.Duplicate, (await restarted.RecordAsync(HappyPath("c-ana")[0], Ct)).Status);
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("               x               ")]
    public async Task A_too_short_pseudonymisation_key_fails_at_host_start_naming_the_setting(string key)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCxCore(cx => cx.Configure(o => o.PseudonymizationKey = key));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("CxCore:PseudonymizationKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pseudonymisation_key_from_configuration_is_used_by_the_hosted_engine()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["CxCore:PseudonymizationKey"] = Key;
        builder.Services.Configure<CxCoreOptions>(builder.Configuration.GetSection(CxCoreOptions.SectionName));
        builder.Services.AddCxCore();
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var engine = host.Services.GetRequiredService<ICxEngine>();
        await engine.RecordAllAsync(HappyPath("c-ana"));

        var ids = await host.Services.GetRequiredService<IJourneyStore>().GetCustomerIdsAsync(Ct).ToListAsync();
        Assert.NotEqual(Id("c-ana"), Assert.Single(ids));
        Assert.NotNull(await engine.GetJourneyAsync(Id("c-ana"), Now, Ct));
        await host.StopAsync(Ct);
    }
}
