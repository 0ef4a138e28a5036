using CsCheck;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// The engine's final journeys do not depend on arrival order or duplicates: any permutation of a random interaction set
/// (with random repeats) gives the journeys of in-order recording and of <see cref="JourneyProjector"/> plus the scoring pipeline.
/// </summary>
public sealed class EnginePropertyTests
{
    private static readonly string[] Kinds = [.. InteractionClassifier.Default.Mappings.Keys.Order(StringComparer.Ordinal), "email_open"];
    private static readonly string[] Customers = ["c-a", "c-b", "c-c"];
    private static readonly DateTimeOffset AsOf = TestData.T0.AddDays(400);

    /// <summary>Interactions for several customers; timestamps on a coarse grid so ties happen, and gaps long enough for timeouts.</summary>
    private static readonly Gen<Interaction[]> GenInteractions =
        Gen.Select(
                Gen.Int[0, Customers.Length - 1],
                Gen.Int[0, 300],
                Gen.Int[0, Kinds.Length - 1],
                Gen.Int[0, 3],
                Gen.Int[0, 5],
                Gen.Int[-1, 10])
            .Array[1, 40]
            .Select(rows => rows.Select((r, i) =>
                TestData.At(
                    $"e-{i}",
                    r.Item2 / 2.0,
                    Kinds[r.Item3],
                    (InteractionOutcome)r.Item4,
                    new InteractionSignals { Csat = r.Item5 == 0 ? null : r.Item5, Nps = r.Item6 < 0 ? null : r.Item6 },
                    new CustomerId(Customers[r.Item1]))).ToArray());

    /// <summary>The interactions, shuffled, with some of them repeated.</summary>
    private static readonly Gen<(Interaction[] Set, Interaction[] Arrivals)> GenArrivals =
        from set in GenInteractions
        from repeats in Gen.Int[0, set.Length - 1].Array[0, 10]
        from order in Gen.Shuffle(set.Concat(repeats.Select(i => set[i])).ToArray())
        select (set, order);

    private static string Describe((Interaction[] Set, Interaction[] Arrivals) sample) =>
        string.Join(", ", sample.Arrivals.Select(i => $"{i.CustomerId}/{i.Id}@{(i.Timestamp - TestData.T0).TotalDays}d {i.Kind} {i.Outcome}"));

    [Fact]
    public void Any_arrival_order_with_duplicates_gives_the_in_order_journeys_and_the_projector_and_pipeline_result()
    {
        GenArrivals.Sample(
            sample =>
            {
                var (set, arrivals) = sample;
                var shuffled = Create(now: AsOf);
                var results = arrivals.Select(i => shuffled.RecordAsync(i).AsTask().GetAwaiter().GetResult()).ToList();
                var inOrder = Create(now: AsOf);
                foreach (var interaction in set.OrderBy(i => i.Timestamp).ThenBy(i => i.Id.Value, StringComparer.Ordinal))
                {
                    Assert.NotEqual(RecordStatus.Duplicate, inOrder.RecordAsync(interaction).AsTask().GetAwaiter().GetResult().Status);
                }

                Assert.Equal(arrivals.Length - set.Length, results.Count(r => r.Status == RecordStatus.Duplicate));
                foreach (var customer in set.Select(i => i.CustomerId).Distinct())
                {
                    var mine = set.Where(i => i.CustomerId == customer).ToList();
                    var (reference, score) = Reference(customer, mine, AsOf);
                    var actual = shuffled.GetJourneyAsync(customer, AsOf).AsTask().GetAwaiter().GetResult();
                    AssertSameJourney(reference, score, actual);
                    AssertSameJourney(inOrder.GetJourneyAsync(customer, AsOf).AsTask().GetAwaiter().GetResult()!, actual);
                }
            },
            print: Describe);
    }

    [Fact]
    public void The_result_of_the_last_arrival_has_the_stage_and_score_of_the_whole_set()
    {
        GenArrivals.Sample(
            sample =>
            {
                var (set, arrivals) = sample;
                var engine = Create(now: AsOf);
                var latest = new Dictionary<CustomerId, RecordResult>();
                foreach (var interaction in arrivals)
                {
                    latest[interaction.CustomerId] = engine.RecordAsync(interaction).AsTask().GetAwaiter().GetResult();
                }

                foreach (var (customer, result) in latest)
                {
                    var mine = set.Where(i => i.CustomerId == customer).ToList();
                    var lastAt = mine.Max(i => i.Timestamp);
                    var (reference, _) = Reference(customer, mine, lastAt);
                    Assert.Equal(reference.CurrentStage, result.Stage);
                    Assert.Equal(ScoringPipeline.Default.Evaluate(reference.Interactions, lastAt).Value, result.Score.Value);
                }
            },
            print: Describe);
    }

    [Fact]
    public void A_parallel_ingest_gives_the_journeys_and_totals_of_an_in_order_ingest()
    {
        GenArrivals.Sample(
            sample =>
            {
                var (set, arrivals) = sample;
                var inOrder = Create(now: AsOf, configure: o => o.IngestParallelism = 1);
                var parallel = Create(now: AsOf, configure: o => o.IngestParallelism = 3);
                var expected = inOrder.IngestAsync(arrivals.ToAsyncEnumerable()).GetAwaiter().GetResult();
                var actual = parallel.IngestAsync(arrivals.ToAsyncEnumerable()).GetAwaiter().GetResult();

                // One customer's interactions stay in stream order on one worker, so even the late/recorded split agrees.
                Assert.Equal(
                    (expected.Processed, expected.Recorded, expected.RecordedLate, expected.Duplicates, expected.StageChanges),
                    (actual.Processed, actual.Recorded, actual.RecordedLate, actual.Duplicates, actual.StageChanges));
                foreach (var customer in set.Select(i => i.CustomerId).Distinct())
                {
                    AssertSameJourney(
                        inOrder.GetJourneyAsync(customer, AsOf).AsTask().GetAwaiter().GetResult()!,
                        parallel.GetJourneyAsync(customer, AsOf).AsTask().GetAwaiter().GetResult());
                }
            },
            print: Describe);
    }
}
