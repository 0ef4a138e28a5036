using CxCore.Domain;
using CxCore.Engine;
using CxCore.Storage;
using CxCore.Tests.Storage;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Aliases that file interactions under the right customer, and merging two customers into one.</summary>
public sealed class IdentityTests
{
    private static readonly CustomerIdentity AnaEmail = new(IdentityKind.Email, "ana@example.com");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Customer Ana(params CustomerIdentity[] identities) => new(Id("c-ana")) { Identities = identities };

    [Fact]
    public async Task An_interaction_filed_under_a_registered_email_lands_in_that_customers_journey()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);
        await engine.RecordAsync(Of("c-ana", "e-1", 0, "product_view"), Ct);

        var result = await engine.RecordAsync(Of("email:ANA@example.com", "e-2", 1, "purchase"), Ct);

        Assert.Equal(Id("c-ana"), result.CustomerId);
        Assert.Equal(JourneyStage.Purchase, result.Stage);
        var journey = await engine.GetJourneyAsync(Id("c-ana"), Now, Ct);
        Assert.Equal(["e-1", "e-2"], journey!.Interactions.Select(i => i.Id.Value));
        Assert.All(journey.Interactions, i => Assert.Equal(Id("c-ana"), i.CustomerId));
        Assert.Null(await engine.GetJourneyAsync(Id("email:nobody@example.com"), Now, Ct));
    }

    [Fact]
    public async Task GetJourneyAsync_accepts_an_alias()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(Ana(AnaEmail, new CustomerIdentity(IdentityKind.Phone, "+55 11 5555-0101")), Ct);
        await engine.RecordAllAsync(HappyPath("c-ana"));

        var byEmail = await engine.GetJourneyAsync(Id("email:ana@example.com"), Now, Ct);
        var byPhone = await engine.GetJourneyAsync(Id("phone:+551155550101"), Now, Ct);

        Assert.Equal(Id("c-ana"), byEmail!.CustomerId);
        Assert.Equal(Id("c-ana"), byPhone!.CustomerId);
        Assert.Equal(5, byPhone.Interactions.Count);
    }

    [Fact]
    public async Task An_unregistered_alias_is_a_customer_id_of_its_own()
    {
        var engine = Create();

        var result = await engine.RecordAsync(Of("email:bob@example.com", "e-1", 0, "purchase"), Ct);

        Assert.Equal(Id("email:bob@example.com"), result.CustomerId);
    }

    [Fact]
    public async Task An_alias_used_as_a_customer_id_before_it_was_registered_files_later_interactions_under_its_owner()
    {
        var engine = Create();
        await engine.RecordAsync(Of("email:ana@example.com", "e-1", 0, "product_view"), Ct);
        await engine.RecordAsync(Of("email:ana@example.com", "e-2", 1, "product_view"), Ct);

        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);
        var result = await engine.RecordAsync(Of("email:ana@example.com", "e-3", 2, "purchase"), Ct);

        // Identity resolution wins over the journey the alias had as an id of its own (which is loaded and idle).
        Assert.Equal(Id("c-ana"), result.CustomerId);
        Assert.Equal(["e-3"], (await engine.GetJourneyAsync(Id("c-ana"), Now, Ct))!.Interactions.Select(i => i.Id.Value));
    }

    [Fact]
    public async Task Registering_an_alias_owned_by_another_customer_throws_naming_both()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await engine.RegisterCustomerAsync(new Customer(Id("c-impostor")) { Identities = [AnaEmail] }, Ct));

        Assert.Contains("c-ana", error.Message, StringComparison.Ordinal);
        Assert.Contains("c-impostor", error.Message, StringComparison.Ordinal);
        var result = await engine.RecordAsync(Of("email:ana@example.com", "e-1", 0, "purchase"), Ct);
        Assert.Equal(Id("c-ana"), result.CustomerId);
    }

    [Fact]
    public async Task A_rejected_registration_links_none_of_its_aliases()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store);
        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);
        var phone = new CustomerIdentity(IdentityKind.Phone, "+5511999990000");

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await engine.RegisterCustomerAsync(new Customer(Id("c-bob")) { Identities = [phone, AnaEmail] }, Ct));

        Assert.Null(await store.FindCustomerAsync(phone, Ct));
    }

    [Fact]
    public async Task Registering_the_same_customer_again_is_fine()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);

        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);

        Assert.Equal(Id("c-ana"), (await engine.RecordAsync(Of("email:ana@example.com", "e-1", 0, "purchase"), Ct)).CustomerId);
    }

    [Fact]
    public async Task MergeCustomersAsync_moves_interactions_and_aliases_and_recomputes_the_target_journey()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store);
        var guestEmail = new CustomerIdentity(IdentityKind.Email, "guest@example.com");
        await engine.RegisterCustomerAsync(new Customer(Id("c-guest")) { Identities = [guestEmail] }, Ct);
        var path = HappyPath("c-ana");
        await engine.RecordAllAsync([path[0], path[1], path[4]]);
        await engine.RecordAsync(Of("c-guest", path[2].Id.Value, 2, "purchase"), Ct);
        await engine.RecordAsync(Of("c-guest", path[3].Id.Value, 5, "delivered"), Ct);

        var merged = await engine.MergeCustomersAsync(Id("c-guest"), Id("c-ana"), Ct);

        Assert.Equal(Id("c-ana"), merged.CustomerId);
        Assert.Equal(path.Select(i => i.Id), merged.Interactions.Select(i => i.Id));
        var (reference, score) = Reference(Id("c-ana"), path, Now);
        AssertSameJourney(reference, score, await engine.GetJourneyAsync(Id("c-ana"), Now, Ct));
        Assert.Equal(reference.StageHistory, merged.StageHistory);
        Assert.Empty(await store.GetInteractionsAsync(Id("c-guest"), Ct));
        Assert.Equal(5, (await store.GetInteractionsAsync(Id("c-ana"), Ct)).Count);
        Assert.Equal(Id("c-ana"), await store.FindCustomerAsync(guestEmail, Ct));
        Assert.DoesNotContain(Id("c-guest"), await store.GetCustomerIdsAsync(Ct).ToListAsync());
    }

    [Fact]
    public async Task An_engine_started_over_a_store_that_holds_a_merge_files_the_merged_away_id_under_the_target()
    {
        var store = new InMemoryJourneyStore();
        var first = Create(store);
        await first.RecordAsync(Of("c-ana", "e-1", 0, "add_to_cart"), Ct);
        await first.RecordAsync(Of("c-guest", "e-2", 1, "purchase"), Ct);
        await first.MergeCustomersAsync(Id("c-guest"), Id("c-ana"), Ct);

        // A restart: a new engine over the same store, which has not merged anything itself.
        var restarted = Create(store);
        var result = await restarted.RecordAsync(Of("c-guest", "e-3", 2, "delivered"), Ct);

        Assert.Equal(Id("c-ana"), result.CustomerId);
        Assert.Equal(["e-1", "e-2", "e-3"], (await restarted.GetJourneyAsync(Id("c-guest"), Now, Ct))!.Interactions.Select(i => i.Id.Value));
        Assert.DoesNotContain(Id("c-guest"), await store.GetCustomerIdsAsync(Ct).ToListAsync());
    }

    [Fact]
    public async Task After_a_merge_interactions_and_lookups_for_the_source_id_land_in_the_target()
    {
        var engine = Create();
        await engine.RecordAsync(Of("c-ana", "e-1", 0, "add_to_cart"), Ct);
        await engine.RecordAsync(Of("c-guest", "e-2", 1, "purchase"), Ct);
        await engine.MergeCustomersAsync(Id("c-guest"), Id("c-ana"), Ct);

        var result = await engine.RecordAsync(Of("c-guest", "e-3", 2, "delivered"), Ct);
        var duplicate = await engine.RecordAsync(Of("c-guest", "e-2", 1, "purchase"), Ct);

        Assert.Equal(Id("c-ana"), result.CustomerId);
        Assert.Equal(JourneyStage.Use, result.Stage);
        Assert.Equal(RecordStatus.Duplicate, duplicate.Status);
        var viaSource = await engine.GetJourneyAsync(Id("c-guest"), Now, Ct);
        Assert.Equal(Id("c-ana"), viaSource!.CustomerId);
        Assert.Equal(["e-1", "e-2", "e-3"], viaSource.Interactions.Select(i => i.Id.Value));
        Assert.DoesNotContain(await engine.GetCustomersInStageAsync(JourneyStage.Purchase, Now, Ct).ToListAsync(), s => s.CustomerId == Id("c-guest"));
    }

    [Fact]
    public async Task A_writer_that_resolved_an_id_just_before_it_was_merged_away_does_not_leave_a_journey_that_captures_later_records()
    {
        var inner = new InMemoryJourneyStore();
        var before = Create(inner);
        await before.RecordAsync(Of("guest-7", "g-1", 0, "product_view"), Ct);
        await before.RecordAsync(Of("c-42", "c-1", 0, "product_view"), Ct);
        var store = new MergeLookupGate(inner, "guest-7");
        var engine = Create(store); // a restart over the same store

        // The writer resolves guest-7 (not merged yet) and is held there while the merge runs to the end.
        var racing = engine.RecordAsync(Of("guest-7", "g-2", 1, "add_to_cart"), Ct).AsTask();
        await store.Reached.Task;
        await engine.MergeCustomersAsync(Id("guest-7"), Id("c-42"), Ct);
        store.Gate.SetResult();
        var raced = await racing;

        var later = await engine.RecordAsync(Of("guest-7", "g-3", 2, "purchase"), Ct);

        Assert.Equal(Id("c-42"), raced.CustomerId);
        Assert.Equal(Id("c-42"), later.CustomerId);
        Assert.Equal(["c-1", "g-1", "g-2", "g-3"], (await engine.GetJourneyAsync(Id("c-42"), Now, Ct))!.Interactions.Select(i => i.Id.Value).Order(StringComparer.Ordinal));
    }

    /// <summary>Holds the first look-up of the "merged" alias of one id (after computing its answer) until released.</summary>
    private sealed class MergeLookupGate(IJourneyStore inner, string mergedAwayId) : DelegatingJourneyStore(inner)
    {
        private int _armed = 1;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default)
        {
            var answer = await base.FindCustomerAsync(identity, cancellationToken);
            if (identity.Kind.Name == "merged" && identity.Value == mergedAwayId && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Reached.SetResult();
                await Gate.Task;
            }

            return answer;
        }
    }

    [Fact]
    public async Task Merging_a_customer_into_itself_throws()
    {
        var engine = Create();
        await engine.RegisterCustomerAsync(Ana(AnaEmail), Ct);
        await engine.RecordAllAsync(HappyPath("c-ana"));

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await engine.MergeCustomersAsync(Id("c-ana"), Id("c-ana"), Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await engine.MergeCustomersAsync(Id("email:ana@example.com"), Id("c-ana"), Ct));

        Assert.Equal(5, (await engine.GetJourneyAsync(Id("c-ana"), Now, Ct))!.Interactions.Count);
    }

    [Fact]
    public async Task A_refused_merge_of_two_customers_without_interactions_changes_nothing()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store);
        var guestEmail = new CustomerIdentity(IdentityKind.Email, "guest@example.com");
        await engine.RegisterCustomerAsync(new Customer(Id("c-guest")) { Identities = [guestEmail] }, Ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.MergeCustomersAsync(Id("c-guest"), Id("c-ana"), Ct));

        Assert.Equal("Neither customer 'c-guest' nor 'c-ana' has any interaction to merge.", error.Message);
        Assert.Equal(Id("c-guest"), await store.FindCustomerAsync(guestEmail, Ct));
        Assert.Equal(Id("c-guest"), (await engine.RecordAsync(Of("c-guest", "e-1", 0, "purchase"), Ct)).CustomerId);
    }

    [Fact]
    public async Task A_merge_that_moves_the_target_to_another_stage_tells_the_observers()
    {
        var observer = new RecordingObserver();
        var engine = Create(observers: [observer]);
        await engine.RecordAsync(Of("c-ana", "e-1", 0, "add_to_cart"), Ct);
        await engine.RecordAsync(Of("c-guest", "e-2", 1, "purchase"), Ct);
        var before = observer.StageChanges.Count;

        await engine.MergeCustomersAsync(Id("c-guest"), Id("c-ana"), Ct);

        var change = Assert.Single(observer.StageChanges.Skip(before));
        Assert.Equal(Id("c-ana"), change.CustomerId);
        Assert.Equal(JourneyStage.Engagement, change.From);
        Assert.Equal(JourneyStage.Purchase, change.To);
        Assert.Equal(new InteractionId("e-2"), change.InteractionId);
    }
}
