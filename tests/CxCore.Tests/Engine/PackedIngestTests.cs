using CsCheck;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Serialization;
using CxCore.Storage;
using CxCore.Tests.Storage;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// <c>IngestAsync</c> of a reader's stream takes the packed path (batches recorded straight into the in-memory store's
/// logs). It must be observably the same as ingesting the same interactions as objects (a stream that is not a batch
/// source) and as recording them one by one: totals, journeys, scores, stored interactions, observer notifications, in
/// order and in parallel, with duplicates across batches, late arrivals, aliases, pseudonymised ids, non-ASCII ids,
/// and with a store that does not share its logs.
/// </summary>
public sealed class PackedIngestTests
{
    private static readonly string[] Kinds = [.. InteractionClassifier.Default.Mappings.Keys.Order(StringComparer.Ordinal), "email_open"];
    private static readonly string[] Customers = ["c-a", "c-b", "c-é", "客-1", "c-d"];
    private static readonly DateTimeOffset AsOf = TestData.T0.AddDays(400);

    /// <summary>Interactions for several customers, arriving out of order, with repeats (duplicate ids).</summary>
    private static readonly Gen<Interaction[]> GenArrivals =
        Gen.Select(
                Gen.Int[0, Customers.Length - 1],
                Gen.Int[0, 300],
                Gen.Int[0, Kinds.Length - 1],
                Gen.Int[0, 3],
                Gen.Int[0, 5],
                Gen.Int[-1, 10],
                Gen.Int[0, 3])
            .Array[1, 60]
            .Select(rows => rows.Select((r, i) =>
                new Interaction(new InteractionId($"e-{i}"), new CustomerId(Customers[r.Item1]), TestData.T0.AddDays(r.Item2 / 2.0), Channel.Web, Kinds[r.Item3])
                {
                    Outcome = (InteractionOutcome)r.Item4,
                    Signals = new InteractionSignals { Csat = r.Item5 == 0 ? null : r.Item5, Nps = r.Item6 < 0 ? null : r.Item6, Wait = r.Item7 == 0 ? null : TimeSpan.FromSeconds(r.Item7 * 40) },
                    Text = r.Item7 == 2 ? "the parcel arrived late and damaged" : null,
                }).ToArray())
            .SelectMany(set => Gen.Int[0, set.Length - 1].Array[0, 10].Select(repeats => set.Concat(repeats.Select(i => set[i])).ToArray()))
            .SelectMany(Gen.Shuffle);

    /// <summary>A reader's stream of <paramref name="jsonLines"/>; the reader lets duplicate ids through, so the engine meets them.</summary>
    private static IAsyncEnumerable<Interaction> Read(byte[] jsonLines) =>
        new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { DetectDuplicateIds = false }).ReadJsonLinesAsync(new MemoryStream(jsonLines, writable: false), cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The same stream, hidden behind an iterator: not a batch source, so the engine takes the object path.</summary>
    private static async IAsyncEnumerable<Interaction> Plain(IAsyncEnumerable<Interaction> source)
    {
        await foreach (var interaction in source)
        {
            yield return interaction;
        }
    }

    private static async Task AssertSameState(CxEngine expected, CxEngine actual, IEnumerable<CustomerId> customers)
    {
        foreach (var customer in customers)
        {
            var want = await expected.GetJourneyAsync(customer, AsOf);
            var got = await actual.GetJourneyAsync(customer, AsOf);
            if (want is null)
            {
                Assert.Null(got);
                continue;
            }

            AssertSameJourney(want, got);
            Assert.Equal(want.Score?.Explain(), got!.Score?.Explain());
            Assert.Equal(want.Interactions.Count, got.Interactions.Count);
            for (var i = 0; i < want.Interactions.Count; i++)
            {
                Domain.InteractionAssert.Same(want.Interactions[i], got.Interactions[i]);
            }
        }
    }

    private static void AssertSameTotals(IngestResult expected, IngestResult actual)
    {
        Assert.Equal(expected.Processed, actual.Processed);
        Assert.Equal(expected.Recorded, actual.Recorded);
        Assert.Equal(expected.RecordedLate, actual.RecordedLate);
        Assert.Equal(expected.Duplicates, actual.Duplicates);
        Assert.Equal(expected.StageChanges, actual.StageChanges);
    }

    [Fact]
    public void Packed_ingest_in_order_and_in_parallel_equals_the_object_path_and_recording_one_by_one()
    {
        GenArrivals.Sample(
            arrivals =>
            {
                var bytes = JsonLines(arrivals);
                var read = Read(bytes).ToBlockingEnumerable().ToList();
                var byOne = Create(now: AsOf);
                var recorded = read.Select(i => byOne.RecordAsync(i).AsTask().GetAwaiter().GetResult()).ToList();
                var objects = Create(now: AsOf, configure: o => o.IngestParallelism = 1);
                var objectTotals = objects.IngestAsync(Plain(Read(bytes))).GetAwaiter().GetResult();
                var packed = Create(now: AsOf, configure: o => o.IngestParallelism = 1);
                var packedTotals = packed.IngestAsync(Read(bytes)).GetAwaiter().GetResult();
                var parallel = Create(now: AsOf, configure: o => o.IngestParallelism = 3);
                var parallelTotals = parallel.IngestAsync(Read(bytes)).GetAwaiter().GetResult();

                Assert.Equal(recorded.Count(r => r.Status == RecordStatus.Duplicate), objectTotals.Duplicates);
                Assert.Equal(recorded.Count(r => r.Status == RecordStatus.RecordedLate), objectTotals.RecordedLate);
                AssertSameTotals(objectTotals, packedTotals);
                AssertSameTotals(objectTotals, parallelTotals);
                var customers = Customers.Select(c => new CustomerId(c)).ToArray();
                AssertSameState(byOne, objects, customers).GetAwaiter().GetResult();
                AssertSameState(byOne, packed, customers).GetAwaiter().GetResult();
                AssertSameState(byOne, parallel, customers).GetAwaiter().GetResult();
            },
            iter: 60,
            print: a => string.Join(", ", a.Select(i => $"{i.CustomerId}/{i.Id}@{(i.Timestamp - TestData.T0).TotalDays}d {i.Kind}")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Duplicates_across_batches_are_refused_and_counted(int parallelism)
    {
        // 600 interactions of 7 customers (three batches), hourly, then every tenth again: 60 duplicates in later batches.
        var interactions = Enumerable.Range(0, 600).Select(i => Of($"c-{i % 7}", $"e-{i}", i / 24.0, "page_view")).ToList();
        interactions.AddRange(interactions.Where((_, i) => i % 10 == 0).ToList());
        var engine = Create(configure: o => o.IngestParallelism = parallelism);

        var result = await engine.IngestAsync(Read(JsonLines(interactions)), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(660, result.Processed);
        Assert.Equal(60, result.Duplicates);
        Assert.Equal(600, result.Recorded + result.RecordedLate);
        var journey = await engine.GetJourneyAsync(Id("c-3"), Now, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 600).Where(i => i % 7 == 3).Select(i => $"e-{i}"), journey!.Interactions.Select(i => i.Id.Value));
    }

    [Fact]
    public async Task An_alias_in_a_packed_stream_lands_in_the_known_customers_journey()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new InMemoryJourneyStore();
        var engine = Create(store, configure: o => o.IngestParallelism = 1);
        await engine.RegisterCustomerAsync(new Customer(Id("c-known")) { Identities = [new CustomerIdentity(IdentityKind.Email, "ana@example.com")] }, ct);
        await engine.RecordAsync(Of("c-known", "e-0", 0, "page_view"), ct);

        var result = await engine.IngestAsync(Read(JsonLines([Of("email:ana@example.com", "e-1", 1, "purchase"), Of("c-known", "e-2", 2, "review")])), cancellationToken: ct);

        Assert.Equal(2, result.Recorded);
        var journey = await engine.GetJourneyAsync(Id("c-known"), Now, ct);
        Assert.Equal(["e-0", "e-1", "e-2"], journey!.Interactions.Select(i => i.Id.Value));
        Assert.Equal(Id("c-known"), (await engine.GetJourneyAsync(Id("email:ana@example.com"), Now, ct))!.CustomerId);
        Assert.Equal([Id("c-known")], await store.GetCustomerIdsAsync(ct).ToListAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task With_pseudonymised_ids_the_packed_path_stores_the_pseudonyms_as_recording_does(int parallelism)
    {
        var ct = TestContext.Current.CancellationToken;
        var interactions = Enumerable.Range(0, 300).Select(i => Of($"c-{i % 5}", $"e-{i}", i / 24.0, Kinds[i % Kinds.Length])).ToList();
        const string Key = "0123456789abcdef0123";
        var byOne = Create(configure: o => o.PseudonymizationKey = Key);
        await byOne.RecordAllAsync(interactions);
        var store = new InMemoryJourneyStore();
        var packed = Create(store, configure: o => (o.PseudonymizationKey, o.IngestParallelism) = (Key, parallelism));

        var result = await packed.IngestAsync(Read(JsonLines(interactions.Concat(interactions.Take(20)))), cancellationToken: ct);

        Assert.Equal(20, result.Duplicates);
        var stored = await store.GetCustomerIdsAsync(ct).ToListAsync();
        Assert.Equal(5, stored.Count);
        Assert.DoesNotContain(stored, id => id.Value.StartsWith("c-", StringComparison.Ordinal));
        await AssertSameStateAsOfNow(byOne, packed, Enumerable.Range(0, 5).Select(i => Id($"c-{i}")));
    }

    private static async Task AssertSameStateAsOfNow(CxEngine expected, CxEngine actual, IEnumerable<CustomerId> customers)
    {
        foreach (var customer in customers)
        {
            var want = await expected.GetJourneyAsync(customer, Now);
            Assert.NotNull(want);
            AssertSameJourney(want, await actual.GetJourneyAsync(customer, Now));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task With_a_store_that_does_not_share_its_logs_a_packed_stream_is_recorded_through_the_store(int parallelism)
    {
        var ct = TestContext.Current.CancellationToken;
        var interactions = Enumerable.Range(0, 400).Select(i => Of($"c-{i % 9}", $"e-{i}", (400 - i) / 24.0, Kinds[i % Kinds.Length])).ToList();
        var inner = new InMemoryJourneyStore();
        var store = new CountingStore(inner);
        var engine = Create(store, configure: o => o.IngestParallelism = parallelism);
        var byOne = Create();
        await byOne.RecordAllAsync(interactions);

        var result = await engine.IngestAsync(Read(JsonLines(interactions.Concat(interactions.Take(3)))), cancellationToken: ct);

        Assert.Equal(403, result.Processed);
        Assert.Equal(3, result.Duplicates);
        Assert.Equal(403, store.Appends);
        await AssertSameStateAsOfNow(byOne, engine, Enumerable.Range(0, 9).Select(i => Id($"c-{i}")));
    }

    [Fact]
    public async Task Observers_hear_the_same_stage_and_band_changes_from_the_packed_path_as_from_recording()
    {
        var ct = TestContext.Current.CancellationToken;
        var interactions = HappyPath("c-a").Concat(UnhappyPath("c-b")).Concat(HappyPath("c-é")).ToList();
        var heardByOne = new RecordingObserver();
        var byOne = Create(observers: [heardByOne]);
        await byOne.RecordAllAsync(interactions);
        var heardPacked = new RecordingObserver();
        var packed = Create(observers: [heardPacked], configure: o => o.IngestParallelism = 1);

        await packed.IngestAsync(Read(JsonLines(interactions)), cancellationToken: ct);

        Assert.NotEmpty(heardByOne.Events);
        Assert.Equal(heardByOne.Events, heardPacked.Events);
    }

    private sealed class CountingStore(IJourneyStore inner) : DelegatingJourneyStore(inner)
    {
        private int _appends;

        public int Appends => _appends;

        public override ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _appends);
            return base.TryAppendAsync(interaction, cancellationToken);
        }
    }

    private sealed class RecordingObserver : IJourneyObserver
    {
        private readonly Lock _gate = new();

        public List<string> Events { get; } = [];

        public ValueTask OnStageChangedAsync(StageChange change, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Events.Add($"stage {change.CustomerId} {change.From} -> {change.To}");
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnScoreBandChangedAsync(BandChange change, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Events.Add($"band {change.CustomerId} {change.From} -> {change.To} {change.Score.Value:F6} {change.InteractionId}");
            }

            return ValueTask.CompletedTask;
        }
    }
}
