using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Many writers at once: different customers in parallel, and many writers for the same customer.</summary>
public sealed class ConcurrencyTests
{
    private static readonly string[] Kinds = [.. InteractionClassifier.Default.Mappings.Keys.Order(StringComparer.Ordinal), "email_open"];

    /// <summary>After every generated interaction, so journeys include them all.</summary>
    private static readonly DateTimeOffset AsOf = TestData.T0.AddDays(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<Interaction> Generate(string customer, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Of(
            customer,
            $"{customer}-e{i}",
            random.Next(0, 200) / 4.0,
            Kinds[random.Next(Kinds.Length)],
            (InteractionOutcome)random.Next(4),
            csat: random.Next(3) == 0 ? random.Next(1, 6) : null,
            nps: random.Next(3) == 0 ? random.Next(0, 11) : null))];
    }

    [Fact]
    public async Task Many_customers_recorded_in_parallel_end_with_the_sequential_journeys()
    {
        var customers = Enumerable.Range(0, 200).Select(c => $"c-{c}").ToArray();
        var all = customers.SelectMany((c, i) => Generate(c, 15, i)).ToList();
        var sequential = Create();
        await sequential.RecordAllAsync(all);
        var parallel = Create();
        var shuffled = all.OrderBy(_ => Random.Shared.Next()).ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<RecordStatus>();

        await Parallel.ForEachAsync(
            shuffled,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (interaction, ct) => statuses.Add((await parallel.RecordAsync(interaction, ct)).Status));

        Assert.Equal(all.Count, statuses.Count);
        Assert.DoesNotContain(RecordStatus.Duplicate, statuses);
        foreach (var customer in customers)
        {
            var id = Id(customer);
            var expected = await sequential.GetJourneyAsync(id, AsOf, Ct);
            AssertSameJourney(expected!, await parallel.GetJourneyAsync(id, AsOf, Ct));
        }
    }

    [Fact]
    public async Task Many_concurrent_writers_for_the_same_customer_end_with_the_sequential_journey_and_counts_add_up()
    {
        var interactions = Generate("c-1", 400, 7);
        const int Writers = 8;
        var engine = Create();
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(
            async () =>
            {
                // Every writer sends every interaction, each in its own order: all but one copy must be duplicates.
                var results = new List<RecordResult>();
                foreach (var interaction in interactions.OrderBy(i => HashCode.Combine(w, i.Id)))
                {
                    results.Add(await engine.RecordAsync(interaction, Ct));
                }

                return results;
            },
            Ct));

        var results = (await Task.WhenAll(tasks)).SelectMany(r => r).ToList();

        Assert.Equal(Writers * interactions.Count, results.Count);
        Assert.Equal(interactions.Count, results.Count(r => r.Status != RecordStatus.Duplicate));
        Assert.Equal((Writers - 1) * interactions.Count, results.Count(r => r.Status == RecordStatus.Duplicate));
        var (reference, score) = Reference(Id("c-1"), interactions, AsOf);
        AssertSameJourney(reference, score, await engine.GetJourneyAsync(Id("c-1"), AsOf, Ct));
    }

    [Fact]
    public async Task Concurrent_batches_report_totals_that_add_up()
    {
        var customers = Enumerable.Range(0, 40).Select(c => $"c-{c}").ToArray();
        var all = customers.SelectMany((c, i) => Generate(c, 10, 100 + i)).ToList();
        var engine = Create();
        var batches = all.Chunk(37).ToList();

        var totals = await Task.WhenAll(batches.Select(b => Task.Run(async () => await engine.RecordBatchAsync(b, Ct), Ct)).Concat(
            batches.Take(3).Select(b => Task.Run(async () => await engine.RecordBatchAsync(b, Ct), Ct))));

        var duplicates = batches.Take(3).Sum(b => b.Length);
        Assert.Equal(all.Count + duplicates, totals.Sum(t => t.Processed));
        Assert.Equal(all.Count, totals.Sum(t => t.Recorded + t.RecordedLate));
        Assert.Equal(duplicates, totals.Sum(t => t.Duplicates));
        foreach (var customer in customers)
        {
            var id = Id(customer);
            var (reference, score) = Reference(id, all.Where(i => i.CustomerId == id), AsOf);
            AssertSameJourney(reference, score, await engine.GetJourneyAsync(id, AsOf, Ct));
        }
    }
}
