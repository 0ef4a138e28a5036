using BenchmarkDotNet.Attributes;
using CxCore.Benchmarks.Journeys;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Storage;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// <c>RecordAsync</c> of pre-built interactions for existing customers, one by one on one thread, customers taking turns
/// (so every call finds its customer's data cold, as in production). Times and bytes are per call.
/// <list type="bullet">
/// <item><see cref="RecordAsync"/>: a fresh engine per iteration whose 10k customers each have one interaction, then 100k
/// new ones (10 more each); the bytes include the amortised growth of the customers' arrays (kept storage).</item>
/// <item><see cref="RecordAsyncSteadyState"/>: customers that already have 20 interactions get 8 more, which fit the
/// spare capacity of every per-customer array: the bytes are the garbage per call (the target is 0).</item>
/// <item><see cref="RecordAsyncRandomOrder"/>: the same, but each round visits the customers in a new random order,
/// so the prefetcher cannot guess the next customer's memory (the realistic case; the ingest benchmark's order).</item>
/// <item><see cref="RecordAsyncLongJourney"/>: 1k customers with 500 interactions each get 8 more: shows whether the
/// cost of a call grows with the journey's length (it should not).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class EngineRecordBenchmarks
{
    private const int CustomerCount = 10_000;
    private const int Calls = 100_000;

    private CxEngine _engine = null!;
    private Interaction[] _interactions = [];

    private const int SteadyPreloaded = 20;
    private const int SteadyRounds = 8;
    private const int SteadyCalls = CustomerCount * SteadyRounds;

    // Long journeys: 1,000 customers with 500 interactions each get 8 more (the 501st-508th).
    private const int LongCustomers = 1_000;
    private const int LongPreloaded = 500;
    private const int LongCalls = LongCustomers * SteadyRounds;

    [IterationSetup(Target = nameof(RecordAsync))]
    public void Setup() => Prepare(preloaded: 1, rounds: Calls / CustomerCount);

    [IterationSetup(Target = nameof(RecordAsyncSteadyState))]
    public void SetupSteadyState() => Prepare(SteadyPreloaded, SteadyRounds);

    [IterationSetup(Target = nameof(RecordAsyncRandomOrder))]
    public void SetupRandomOrder() => Prepare(SteadyPreloaded, SteadyRounds, shuffle: true);

    [IterationSetup(Target = nameof(RecordAsyncLongJourney))]
    public void SetupLongJourney() => Prepare(LongPreloaded, SteadyRounds, LongCustomers);

    [Benchmark(OperationsPerInvoke = Calls, Description = "CxCore RecordAsync, existing customer")]
    public int RecordAsync() => RecordAll(Calls);

    [Benchmark(OperationsPerInvoke = SteadyCalls, Description = "CxCore RecordAsync, existing customer, no array growth")]
    public int RecordAsyncSteadyState() => RecordAll(SteadyCalls);

    [Benchmark(OperationsPerInvoke = SteadyCalls, Description = "CxCore RecordAsync, existing customer, no array growth, random customer order")]
    public int RecordAsyncRandomOrder() => RecordAll(SteadyCalls);

    [Benchmark(OperationsPerInvoke = LongCalls, Description = "CxCore RecordAsync, existing customer with 500 earlier interactions")]
    public int RecordAsyncLongJourney() => RecordAll(LongCalls);

    private void Prepare(int preloaded, int rounds, int customerCount = CustomerCount, bool shuffle = false)
    {
        var customers = SyntheticInteractions.Customers(customerCount);
        _engine = EngineFactory.Create(new InMemoryJourneyStore());
        var sequence = 0L;
        for (var round = 0; round < preloaded; round++)
        {
            for (var c = 0; c < customerCount; c++, sequence++)
            {
                _ = _engine.RecordAsync(SyntheticInteractions.Create(sequence, customers[c], round)).AsTask().GetAwaiter().GetResult();
            }
        }

        // Each round visits every customer once: in the order they were created (which the hardware prefetcher can
        // follow), or in a new random order per round (as customers really arrive).
        var random = new Random(20240301);
        var order = Enumerable.Range(0, customerCount).ToArray();
        _interactions = new Interaction[customerCount * rounds];
        for (var i = 0; i < _interactions.Length; i++, sequence++)
        {
            if (shuffle && i % customerCount == 0)
            {
                random.Shuffle(order);
            }

            _interactions[i] = SyntheticInteractions.Create(sequence, customers[order[i % customerCount]], preloaded + (i / customerCount));
        }

        // The setup allocates hundreds of megabytes: collect now, so a background collection it started does not run
        // (on the other core, or in this thread's allocations) while the calls are measured.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private int RecordAll(int expected)
    {
        var engine = _engine;
        var recorded = 0;
        foreach (var interaction in _interactions)
        {
            var pending = engine.RecordAsync(interaction);
            var result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            recorded += result.Status == RecordStatus.Recorded ? 1 : 0;
        }

        DefaultJourneyWorkload.Check(recorded == expected, $"recorded {recorded} of {expected}.");
        return recorded;
    }
}
