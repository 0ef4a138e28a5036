using System.Text;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Serialization;
using CxCore.Storage;
using CxCore.Tests.TestSupport;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// An ingest worker's own map from customer ids to live journeys (<see cref="IngestCustomerCache"/>): it finds only a
/// journey whose id is exactly the line's, and the engine does not trust what it finds once the journey was merged
/// away or erased during the ingest.
/// </summary>
public sealed class IngestCustomerCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LiveJourney Journey(string customer)
    {
        var live = new LiveJourney();
        live.Score.EnsureLog(new CustomerId(customer), indexIds: false);
        return live;
    }

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);

    [Fact]
    public void Holds_what_was_remembered_by_hash_through_growth()
    {
        var cache = new IngestCustomerCache();
        var journeys = Enumerable.Range(0, 5000).Select(i => Journey($"c-{i}")).ToArray();
        for (var i = 0; i < journeys.Length; i++)
        {
            cache.Remember(IdHash.Quick(Utf8($"c-{i}")), journeys[i]);
        }

        for (var i = 0; i < journeys.Length; i++)
        {
            Assert.Same(journeys[i], cache.Peek(IdHash.Quick(Utf8($"c-{i}"))));
        }

        Assert.Null(cache.Peek(IdHash.Quick(Utf8("c-5000"))));
    }

    [Fact]
    public void A_journey_remembered_under_a_hash_replaces_the_one_before_and_a_peek_is_checked_by_the_ids_bytes()
    {
        var cache = new IngestCustomerCache();
        var (a, b) = (Journey("c-a"), Journey("c-b"));
        cache.Remember(42, a);
        Assert.Same(a, cache.Peek(42));
        cache.Remember(42, b); // another id with the same hash: the latest wins (Peek always returns what was last remembered)

        var peeked = cache.Peek(42)!;
        Assert.Same(b, peeked);
        Assert.True(IngestCustomerCache.Matches(peeked, Utf8("c-b")));
        Assert.False(IngestCustomerCache.Matches(peeked, Utf8("c-a")));
        Assert.Null(cache.Peek(43));
    }

    [Fact]
    public void Hashes_that_differ_only_in_their_low_bits_each_keep_their_journey()
    {
        // One worker of several sees hashes alike in their low bits (those chose the worker).
        var cache = new IngestCustomerCache();
        var journeys = Enumerable.Range(0, 3000).Select(i => (Hash: ((ulong)i << 32) | 0x5, Journey: Journey($"c-{i}"))).ToArray();
        foreach (var (hash, journey) in journeys)
        {
            cache.Remember(hash, journey);
        }

        Assert.All(journeys, j => Assert.Same(j.Journey, cache.Peek(j.Hash)));
        Assert.Null(cache.Peek(0x5UL | (3000UL << 32)));
    }

    [Fact]
    public void Remembering_an_id_again_replaces_its_journey()
    {
        var cache = new IngestCustomerCache();
        var (before, after) = (Journey("c-a"), Journey("c-a"));
        cache.Remember(7, before);
        cache.Remember(7, after);

        Assert.Same(after, cache.Peek(7));
    }

    [Fact]
    public void A_journey_without_a_log_or_of_another_id_does_not_match()
    {
        Assert.False(IngestCustomerCache.Matches(new LiveJourney(), Utf8("c-a")));
        Assert.False(IngestCustomerCache.Matches(Journey("c-ab"), Utf8("c-a")));
        Assert.True(IngestCustomerCache.Matches(Journey("c-a"), Utf8("c-a")));
    }

    [Fact]
    public void Hints_about_a_journey_or_log_that_is_not_there_or_past_an_array_do_nothing()
    {
        IngestCustomerCache.PrefetchJourney(null);
        IngestCustomerCache.PrefetchLog(null);
        IngestCustomerCache.PrefetchLog(new LiveJourney()); // no log yet
        IngestCustomerCache.PrefetchLog(Journey("c-a"));
        Prefetch.Object(null, 3);
        Prefetch.Bytes([1, 2, 3], 4, 64); // starts past the end: nothing
        Prefetch.Bytes([1, 2, 3], 1, 256); // runs past the end: a hint never faults
        Prefetch.Bytes([], 0, 64);

        Assert.False(IngestCustomerCache.Matches(new LiveJourney(), Utf8("c-a"))); // a journey without a log has no id to match
    }

    /// <summary>
    /// Lines of a packed live feed: <paramref name="first"/> is recorded, then (while the feed is quiet) <paramref name="between"/>
    /// runs, then <paramref name="second"/> arrives.
    /// </summary>
    private static async Task<IngestResult> IngestAroundAsync(CxEngine engine, Interaction[] first, Func<Task> between, Interaction[] second)
    {
        var quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var feed = new PausingStream(JsonLines(first), JsonLines(second), quiet.Task);
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        var ingest = engine.IngestAsync(reader.ReadJsonLinesAsync(feed, cancellationToken: Ct), cancellationToken: Ct);
        for (var wait = 0; wait < 500 && await RecordedAsync(engine) < first.Length; wait++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(first.Length, await RecordedAsync(engine));
        await between();
        quiet.SetResult();
        return await ingest;
    }

    private static async Task<int> RecordedAsync(CxEngine engine) =>
        (await engine.GetJourneysAsync(Now, Ct).ToListAsync()).Sum(j => j.Interactions.Count);

    private static Interaction[] Views(string customer, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Of(customer, $"{customer}-e{i}", i / 100.0, "page_view"))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Lines_of_a_customer_merged_away_during_an_ingest_land_in_the_customer_it_was_merged_into(int parallelism)
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store, configure: o => o.IngestParallelism = parallelism);

        var result = await IngestAroundAsync(
            engine,
            [.. Views("c-a", 0, 6), .. Views("c-b", 0, 6)],
            async () => await engine.MergeCustomersAsync(Id("c-a"), Id("c-b"), Ct),
            Views("c-a", 6, 4));

        Assert.Equal(16, result.Recorded + result.RecordedLate);
        var merged = await engine.GetJourneyAsync(Id("c-b"), Now, Ct);
        Assert.Equal(16, merged!.Interactions.Count);
        Assert.Equal(4, merged.Interactions.Count(i => i.Id.Value.StartsWith("c-a-e", StringComparison.Ordinal) && int.Parse(i.Id.Value[5..], System.Globalization.CultureInfo.InvariantCulture) >= 6));
        Assert.Equal([Id("c-b")], await store.GetCustomerIdsAsync(Ct).ToListAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Lines_of_a_customer_erased_during_an_ingest_start_a_new_journey(int parallelism)
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store, configure: o => o.IngestParallelism = parallelism);

        var result = await IngestAroundAsync(
            engine,
            [.. Views("c-a", 0, 6), .. Views("c-b", 0, 6)],
            async () => Assert.True(await engine.ForgetCustomerAsync(Id("c-a"), Ct)),
            [.. Views("c-a", 6, 3), .. Views("c-b", 6, 2)]);

        Assert.Equal(17, result.Recorded + result.RecordedLate);
        var erased = await engine.GetJourneyAsync(Id("c-a"), Now, Ct);
        Assert.Equal(["c-a-e6", "c-a-e7", "c-a-e8"], erased!.Interactions.Select(i => i.Id.Value));
        Assert.Equal(8, (await engine.GetJourneyAsync(Id("c-b"), Now, Ct))!.Interactions.Count);
        Assert.Equal(3, (await store.GetInteractionsAsync(Id("c-a"), Ct)).Count);
    }

    [Fact]
    public async Task A_customer_erased_during_an_ingest_leaves_no_log_behind_in_the_workers_cache()
    {
        var store = new InMemoryJourneyStore();
        var engine = Create(store, configure: o => o.IngestParallelism = 2);
        WeakReference? erasedLog = null;

        await IngestAroundAsync(
            engine,
            [.. Views("c-a", 0, 6), .. Views("c-b", 0, 6)],
            async () =>
            {
                erasedLog = WeakLog(store, "c-a");
                Assert.True(await engine.ForgetCustomerAsync(Id("c-a"), Ct));
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                Assert.False(erasedLog.IsAlive); // while the ingest (and its workers' caches) still run
            },
            Views("c-b", 6, 2));

        Assert.NotNull(erasedLog);
    }

    // Not inlined, so no reference to the log outlives the call in a local of the caller.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WeakLog(InMemoryJourneyStore store, string customer) => new(((ISharedInteractionLogs)store).FindLog(Id(customer)) ?? throw new InvalidOperationException("no log"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Lines_of_an_alias_linked_to_a_customer_during_an_ingest_land_in_that_customers_journey(int parallelism)
    {
        // Before the link, the alias is a customer of its own; after it, each line must be resolved again.
        const string Alias = "email:ana@example.com";
        var engine = Create(configure: o => o.IngestParallelism = parallelism);

        await IngestAroundAsync(
            engine,
            Views(Alias, 0, 6),
            async () => await engine.RegisterCustomerAsync(new Customer(Id("c-known")) { Identities = [new CustomerIdentity(IdentityKind.Email, "ana@example.com")] }, Ct),
            Views(Alias, 6, 4));

        var known = await engine.GetJourneyAsync(Id("c-known"), Now, Ct);
        Assert.Equal([$"{Alias}-e6", $"{Alias}-e7", $"{Alias}-e8", $"{Alias}-e9"], known!.Interactions.Select(i => i.Id.Value));
    }

    /// <summary>A feed that hands out <c>first</c>, then waits for <c>resume</c> before handing out <c>second</c>.</summary>
    private sealed class PausingStream(byte[] first, byte[] second, Task resume) : ReadOnlyTestStream
    {
        private int _position;

        public override long Length => first.Length + second.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var source = _position < first.Length ? first.AsSpan(_position) : second.AsSpan(_position - first.Length);
            var n = Math.Min(source.Length, buffer.Length);
            source[..n].CopyTo(buffer);
            _position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == first.Length)
            {
                await resume.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return Read(buffer.Span);
        }
    }
}
