using System.Runtime.CompilerServices;
using System.Text;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Serialization;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Batches and streams: totals, progress, cancellation, and the JSONL path a host uses.</summary>
public sealed class IngestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two customers' happy paths in time order, then one late interaction and two duplicates.</summary>
    private static List<Interaction> Mixed()
    {
        var a = HappyPath("c-a");
        var b = HappyPath("c-b");
        return [a[0], a[2], a[3], a[4], .. b, a[1], b[0], a[4]];
    }

    private static void AssertMixedTotals(IngestResult result)
    {
        Assert.Equal(12, result.Processed);
        Assert.Equal(9, result.Recorded);
        Assert.Equal(1, result.RecordedLate);
        Assert.Equal(2, result.Duplicates);

        // c-a: Consideration, Purchase, Use, Advocacy (the late add_to_cart changes nothing now); c-b: five moves.
        Assert.Equal(9, result.StageChanges);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task RecordBatchAsync_returns_the_totals()
    {
        var engine = Create();

        var result = await engine.RecordBatchAsync(Mixed(), Ct);

        AssertMixedTotals(result);
        Assert.Equal(JourneyStage.Advocacy, (await engine.GetJourneyAsync(Id("c-a"), Now, Ct))!.CurrentStage);
        Assert.Equal(5, (await engine.GetJourneyAsync(Id("c-a"), Now, Ct))!.Interactions.Count);
    }

    [Fact]
    public async Task IngestAsync_returns_the_same_totals_as_a_batch()
    {
        var engine = Create();

        var result = await engine.IngestAsync(Stream(Mixed()), cancellationToken: Ct);

        AssertMixedTotals(result);
        Assert.True(result.PerSecond > 0);
    }

    [Fact]
    public async Task IngestAsync_in_order_reports_progress_every_interval_and_at_the_end()
    {
        var engine = Create(configure: o => (o.IngestProgressInterval, o.IngestParallelism) = (10, 1));
        var interactions = Enumerable.Range(0, 25).Select(i => Of($"c-{i % 4}", $"e-{i}", i, "page_view")).ToList();
        interactions.Add(interactions[3]);
        var progress = new SyncProgress<IngestProgress>();

        var result = await engine.IngestAsync(Stream(interactions), progress, Ct);

        Assert.Equal(26, result.Processed);
        Assert.Equal([10L, 20L, 26L], progress.Reports.Select(p => p.Processed));
        Assert.Equal([10L, 20L, 25L], progress.Reports.Select(p => p.Recorded));
        Assert.Equal([0L, 0L, 1L], progress.Reports.Select(p => p.Duplicates));
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Elapsed <= p.Second.Elapsed));
    }

    [Fact]
    public async Task IngestAsync_of_an_empty_stream_reports_zero_once()
    {
        var engine = Create(configure: o => o.IngestProgressInterval = 10);
        var progress = new SyncProgress<IngestProgress>();

        var result = await engine.IngestAsync(Stream([]), progress, Ct);

        Assert.Equal(0, result.Processed);
        Assert.Equal(0, result.PerSecond);
        Assert.Equal(0, Assert.Single(progress.Reports).Processed);
    }

    [Fact]
    public async Task Cancelling_an_in_order_ingest_midstream_throws_and_keeps_what_was_recorded()
    {
        var engine = Create(configure: o => o.IngestParallelism = 1);
        var interactions = Enumerable.Range(0, 20).Select(i => Of("c-1", $"e-{i}", i, "page_view")).ToList();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => engine.IngestAsync(Stream(interactions, i => { if (i == 5) { cts.Cancel(); } }), cancellationToken: cts.Token));

        var journey = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);
        Assert.Equal(interactions.Take(5).Select(i => i.Id), journey!.Interactions.Select(i => i.Id));
    }

    [Fact]
    public async Task Cancelling_a_batch_midway_throws_and_keeps_what_was_recorded()
    {
        var engine = Create();
        var interactions = Enumerable.Range(0, 20).Select(i => Of("c-1", $"e-{i}", i, "page_view")).ToList();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        IEnumerable<Interaction> Lazy()
        {
            for (var i = 0; i < interactions.Count; i++)
            {
                if (i == 7)
                {
                    cts.Cancel();
                }

                yield return interactions[i];
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await engine.RecordBatchAsync(Lazy(), cts.Token));

        var journey = await engine.GetJourneyAsync(Id("c-1"), Now, Ct);
        Assert.Equal(7, journey!.Interactions.Count);
    }

    [Fact]
    public async Task IngestAsync_from_InteractionReader_over_JSON_lines_records_every_valid_line()
    {
        const string Jsonl = """
            {"id":"e-1001","customerId":"c-42","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"purchase","outcome":"succeeded","value":120}
            {"id":"e-1003","customerId":"c-42","timestamp":"2024-03-04T10:00:00+00:00","channel":"delivery","kind":"delivered"}
            {"id":"e-1002","customerId":"c-42","timestamp":"2024-03-02T09:21:00+00:00","channel":"chatbot","touchpoint":"order-status-bot","kind":"support_request","outcome":"abandoned","waitSeconds":95,"text":"bot could not find my order"}
            {"id":"e-1003","customerId":"c-42","timestamp":"2024-03-04T10:00:00+00:00","channel":"delivery","kind":"delivered"}
            {"id":"e-2001","customerId":"c-7","timestamp":"2024-03-01T12:00:00+00:00","channel":"app","kind":"product_view"}
            not json at all
            {"id":"e-2002","customerId":"c-7","timestamp":"2024-03-01T12:05:00+00:00","channel":"app","kind":"add_to_cart","csat":4}
            """;
        var engine = Create();
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        var report = new ReadReport();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Jsonl));

        var result = await engine.IngestAsync(reader.ReadJsonLinesAsync(stream, report, Ct), cancellationToken: Ct);

        // The reader rejects the repeated id (line 4) and the bad line (6); the engine sees five, one of them late.
        Assert.Equal(5, report.Accepted);
        Assert.Equal([4L, 6L], report.Errors.Select(e => e.LineNumber));
        Assert.Equal(5, result.Processed);
        Assert.Equal(4, result.Recorded);
        Assert.Equal(1, result.RecordedLate);
        Assert.Equal(0, result.Duplicates);
        var c42 = await engine.GetJourneyAsync(Id("c-42"), Now, Ct);
        Assert.Equal(["e-1001", "e-1002", "e-1003"], c42!.Interactions.Select(i => i.Id.Value));
        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Support], c42.StageHistory.Select(v => v.Stage));
        Assert.Equal(JourneyStage.Engagement, (await engine.GetJourneyAsync(Id("c-7"), Now, Ct))!.CurrentStage);
    }

    [Fact]
    public async Task Ingesting_the_same_JSON_lines_twice_records_them_once()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 30).Select(i =>
            $$"""{"id":"e-{{i}}","customerId":"c-{{i % 3}}","timestamp":"2024-03-{{1 + (i / 3):00}}T09:00:00+00:00","channel":"web","kind":"{{(i % 2 == 0 ? "page_view" : "add_to_cart")}}"}"""));
        var engine = Create(configure: o => o.IngestProgressInterval = 10);
        var reader = new InteractionReader(ChannelRegistry.WellKnown);

        using var first = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        var once = await engine.IngestAsync(reader.ReadJsonLinesAsync(first, cancellationToken: Ct), cancellationToken: Ct);
        using var second = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        var progress = new SyncProgress<IngestProgress>();
        var twice = await engine.IngestAsync(reader.ReadJsonLinesAsync(second, cancellationToken: Ct), progress, Ct);

        Assert.Equal(30, once.Processed);
        Assert.Equal(30, once.Recorded);
        Assert.Equal(30, twice.Processed);
        Assert.Equal(0, twice.Recorded + twice.RecordedLate + twice.StageChanges);
        Assert.Equal(30, twice.Duplicates);
        Assert.Equal([10L, 20L, 30L, 30L], progress.Reports.Select(p => p.Duplicates + p.Recorded));
        Assert.Equal(10, (await engine.GetJourneyAsync(Id("c-1"), Now, Ct))!.Interactions.Count);
    }
}
