using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Storage;
using CxCore.Tests.Storage;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// <see cref="CxEngine.IngestAsync"/> split by customer over several workers (<see cref="CxCoreOptions.IngestParallelism"/>):
/// progress, failures of a worker and of the stream, cancellation, and the settings check.
/// </summary>
public sealed class ParallelIngestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> page views taking turns over <paramref name="customers"/> customers, 15 minutes apart per customer.</summary>
    private static List<Interaction> Views(int count, int customers) =>
        [.. Enumerable.Range(0, count).Select(i => Of($"c-{i % customers}", $"e-{i}", i / customers / 96.0, "page_view"))];

    [Fact]
    public async Task The_default_is_one_worker_per_processor()
    {
        Assert.Equal(Environment.ProcessorCount, new CxCoreOptions().IngestParallelism);
        var engine = Create();

        var result = await engine.IngestAsync(Stream(Views(1_000, 37)), cancellationToken: Ct);

        Assert.Equal((1_000L, 1_000L, 0L), (result.Processed, result.Recorded, result.RecordedLate));
        var journeys = await engine.GetJourneysAsync(Now, Ct).ToListAsync();
        Assert.Equal(37, journeys.Count);
        Assert.All(journeys, j => Assert.Equal(j.Interactions.OrderBy(i => i.Timestamp), j.Interactions));
    }

    [Fact]
    public async Task Progress_is_reported_one_call_at_a_time_at_least_every_interval_and_with_the_totals_at_the_end()
    {
        var engine = Create(configure: o => (o.IngestProgressInterval, o.IngestParallelism) = (100, 4));
        var interactions = Views(1_050, 13);
        interactions.AddRange(interactions.Take(50)); // 50 duplicates
        var progress = new ExclusiveProgress();

        var result = await engine.IngestAsync(Stream(interactions), progress, Ct);

        Assert.Equal((1_100L, 1_050L, 50L), (result.Processed, result.Recorded, result.Duplicates));
        var processed = progress.Reports.Select(p => p.Processed).ToList();
        Assert.Equal(processed.Order(), processed);
        Assert.All(Enumerable.Range(1, 10), k => Assert.Contains(processed, p => p >= k * 100 && p < (k + 1) * 100));
        var last = progress.Reports[^1];
        Assert.Equal((1_100L, 1_050L, 50L), (last.Processed, last.Recorded, last.Duplicates));
        Assert.All(progress.Reports, p => Assert.Equal(p.Processed, p.Recorded + p.Duplicates));
    }

    [Fact]
    public async Task A_failing_worker_stops_the_ingest_with_its_own_exception_and_what_was_recorded_stays()
    {
        var engine = new CxEngine(new InMemoryJourneyStore(), DefaultJourney.Definition, new ThrowOnceForClassifier("e-500"), ScoringPipeline.Default, [],
            Options.Create(new CxCoreOptions { IngestParallelism = 4 }), new FixedTime(Now));
        var interactions = Views(20_000, 50);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.IngestAsync(Stream(interactions), cancellationToken: Ct));

        Assert.Equal("classifier failure at e-500", error.Message);
        var journeys = await engine.GetJourneysAsync(Now, Ct).ToListAsync();
        var recorded = journeys.SelectMany(j => j.Interactions).Select(i => i.Id.Value).ToHashSet();
        Assert.Contains("e-0", recorded);
        Assert.True(recorded.Count < interactions.Count, $"{recorded.Count} recorded: the ingest went on after the failure.");
        foreach (var journey in journeys)
        {
            // Each customer's interactions were recorded in stream order: what is there is a prefix of the customer's.
            var mine = interactions.Where(i => i.CustomerId == journey.CustomerId).Select(i => i.Id.Value);
            Assert.Equal(mine.Take(journey.Interactions.Count), journey.Interactions.Select(i => i.Id.Value));
        }
    }

    [Fact]
    public async Task A_failing_stream_is_thrown_after_everything_read_before_it_is_recorded()
    {
        var engine = Create(configure: o => o.IngestParallelism = 3);
        var interactions = Views(700, 11);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => engine.IngestAsync(
            Stream(interactions, i => { if (i == 600) { throw new InvalidDataException("line 601 is bad"); } }),
            cancellationToken: Ct));

        Assert.Equal("line 601 is bad", error.Message);
        var journeys = await engine.GetJourneysAsync(Now, Ct).ToListAsync();
        Assert.Equal(
            interactions.Take(600).Select(i => i.Id.Value).Order(StringComparer.Ordinal),
            journeys.SelectMany(j => j.Interactions).Select(i => i.Id.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cancelling_throws_and_keeps_a_prefix_of_each_customers_interactions()
    {
        var engine = Create(configure: o => o.IngestParallelism = 2);
        var interactions = Views(2_000, 7);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => engine.IngestAsync(Stream(interactions, i => { if (i == 1_000) { cts.Cancel(); } }), cancellationToken: cts.Token));

        var journeys = await engine.GetJourneysAsync(Now, Ct).ToListAsync();
        Assert.True(journeys.Sum(j => j.Interactions.Count) <= 1_000);
        foreach (var journey in journeys)
        {
            var mine = interactions.Where(i => i.CustomerId == journey.CustomerId).Select(i => i.Id.Value);
            Assert.Equal(mine.Take(journey.Interactions.Count), journey.Interactions.Select(i => i.Id.Value));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_null_in_the_stream_is_rejected_naming_its_position(int parallelism)
    {
        var engine = Create(configure: o => o.IngestParallelism = parallelism);
        var interactions = Views(10, 2);
        interactions.Insert(7, null!);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.IngestAsync(Stream(interactions), cancellationToken: Ct));

        Assert.Contains("position 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1025)]
    public async Task An_out_of_range_parallelism_fails_at_host_start_naming_the_setting_and_in_the_engine_constructor(int parallelism)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCxCore(cx => cx.Configure(o => o.IngestParallelism = parallelism));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains($"CxCore:IngestParallelism must be between 1 and 1024, but was {parallelism}.", error.Message, StringComparison.Ordinal);
        var direct = Assert.Throws<ArgumentOutOfRangeException>(() => Create(configure: o => o.IngestParallelism = parallelism));
        Assert.Contains("IngestParallelism", direct.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Cancelling_throws_OperationCanceledException_with_the_callers_token(int parallelism)
    {
        var engine = Create(configure: o => o.IngestParallelism = parallelism);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        async IAsyncEnumerable<Interaction> Endless([EnumeratorCancellation] CancellationToken token = default)
        {
            for (var i = 0; ; i++)
            {
                if (i == 100)
                {
                    await cts.CancelAsync();
                }

                token.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return Of($"c-{i % 5}", $"e-{i}", i / 1000.0, "page_view");
            }
        }

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.IngestAsync(Endless(cts.Token), cancellationToken: cts.Token));

        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Cancelling_while_the_reader_waits_for_a_busy_worker_throws_OperationCanceledException()
    {
        // One customer per worker (the engine splits by the customer id's hash): a's worker is slow, so its queue fills
        // and the reader waits on it; b's worker is inside a store call whose cancellation callback is slow, so it
        // stops and closes its queue before the reader's wait sees the cancellation.
        var (a, b) = OnePerWorker();
        var store = new HookedStore(async (interaction, token) =>
        {
            if (interaction.CustomerId.Value == a)
            {
                Thread.Sleep(1);
                return;
            }

            while (true)
            {
                using (token.Register(() => Thread.Sleep(300)))
                {
                    await Task.Delay(5, CancellationToken.None);
                }

                token.ThrowIfCancellationRequested();
            }
        });
        var engine = Create(store: store, configure: o => o.IngestParallelism = 2);
        var interactions = Enumerable.Range(0, 256).Select(i => Of(b, $"b-{i}", i / 1000.0, "page_view"))
            .Concat(Enumerable.Range(0, 20_000).Select(i => Of(a, $"a-{i}", i / 1000.0, "page_view")));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(300);

        var error = await Record.ExceptionAsync(() => engine.IngestAsync(interactions.ToAsyncEnumerable(), cancellationToken: cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Once_cancelled_the_stream_is_not_read_further(int parallelism)
    {
        var engine = Create(configure: o => o.IngestParallelism = parallelism);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var readAfterCancelling = 0;

        // A source that does not watch the token itself.
        async IAsyncEnumerable<Interaction> Source()
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (i == 100)
                {
                    await cts.CancelAsync();
                }

                readAfterCancelling += i > 100 ? 1 : 0;
                await Task.Yield();
                yield return Of($"c-{i % 50}", $"e-{i}", i / 10_000.0, "page_view");
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.IngestAsync(Source(), cancellationToken: cts.Token));

        Assert.Equal(0, readAfterCancelling);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task What_a_live_stream_yielded_is_recorded_while_it_waits_for_more(int parallelism)
    {
        var engine = Create(configure: o => o.IngestParallelism = parallelism);
        var more = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<Interaction> Live()
        {
            for (var i = 0; i < 10; i++)
            {
                yield return Of($"c-{i % 3}", $"e-{i}", i / 1000.0, "page_view");
            }

            await more.Task; // the feed is quiet for a while
        }

        var ingest = engine.IngestAsync(Live(), cancellationToken: Ct);
        var recorded = 0;
        for (var wait = 0; wait < 250 && recorded < 10; wait++)
        {
            await Task.Delay(20, Ct);
            recorded = (await engine.GetJourneysAsync(Now, Ct).ToListAsync()).Sum(j => j.Interactions.Count);
        }

        more.SetResult();
        var result = await ingest;
        Assert.Equal(10, recorded);
        Assert.Equal(10, result.Recorded);
    }

    [Fact]
    public async Task A_throwing_progress_stops_the_ingest_with_its_exception()
    {
        var engine = Create(configure: o => (o.IngestProgressInterval, o.IngestParallelism) = (10, 2));
        var progress = new Progress(_ => throw new InvalidOperationException("progress failure"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.IngestAsync(Stream(Views(1_000, 7)), progress, Ct));

        Assert.Equal("progress failure", error.Message);
    }

    [Fact]
    public async Task A_progress_that_throws_as_a_worker_finishes_comes_before_a_failing_stream()
    {
        // Each worker's last (and only) addition to the totals crosses the interval as it finishes: that report throws.
        var (a, b) = OnePerWorker();
        var engine = Create(configure: o => (o.IngestProgressInterval, o.IngestParallelism) = (10, 2));
        var progress = new Progress(_ => throw new InvalidOperationException("progress failure"));
        var interactions = Enumerable.Range(0, 12).Select(i => Of(i % 2 == 0 ? a : b, $"e-{i}", i / 1000.0, "page_view"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.IngestAsync(
            Stream(interactions, i => { if (i == 11) { Thread.Sleep(200); } }).Concat(Failing()), progress, Ct));

        Assert.Equal("progress failure", error.Message);

        static async IAsyncEnumerable<Interaction> Failing()
        {
            await Task.Yield();
            throw new InvalidDataException("stream failure");
#pragma warning disable CS0162 // an iterator needs a yield
            yield break;
#pragma warning restore CS0162
        }
    }

    /// <summary>Two customer ids the engine's split by <see cref="CustomerId.GetHashCode"/> sends to different workers of two.</summary>
    private static (string A, string B) OnePerWorker()
    {
        string? a = null, b = null;
        for (var i = 0; a is null || b is null; i++)
        {
            var id = $"c-{i}";
            if ((uint)new CustomerId(id).GetHashCode() % 2 == 0)
            {
                a ??= id;
            }
            else
            {
                b ??= id;
            }
        }

        return (a, b);
    }

    /// <summary>A store that runs a hook before each append.</summary>
    private sealed class HookedStore(Func<Interaction, CancellationToken, Task> hook) : DelegatingJourneyStore(new InMemoryJourneyStore())
    {
        public override async ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
        {
            await hook(interaction, cancellationToken);
            return await base.TryAppendAsync(interaction, cancellationToken);
        }
    }

    private sealed class Progress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }

    /// <summary>Fails the test if two reports overlap (the engine must serialise them for a progress that is not thread-safe).</summary>
    private sealed class ExclusiveProgress : IProgress<IngestProgress>
    {
        private int _inside;

        public List<IngestProgress> Reports { get; } = [];

        public void Report(IngestProgress value)
        {
            Assert.Equal(0, Interlocked.Exchange(ref _inside, 1));
            Reports.Add(value);
            Thread.Sleep(1);
            Volatile.Write(ref _inside, 0);
        }
    }
}
