using BenchmarkDotNet.Attributes;
using CxCore.Benchmarks.Journeys;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Storage;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// <c>RecordAsync</c> of pre-built interactions for existing customers: a fresh engine per iteration whose 10k customers
/// each already have one interaction, then 100k new interactions (10 more per customer, in time order) recorded one by one
/// on one thread. Times and bytes are per call; the bytes include the amortised growth of the customers' lists.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class EngineRecordBenchmarks
{
    private const int CustomerCount = 10_000;
    private const int Calls = 100_000;

    private CxEngine _engine = null!;
    private Interaction[] _interactions = [];

    [IterationSetup]
    public void Setup()
    {
        var customers = SyntheticInteractions.Customers(CustomerCount);
        _engine = EngineFactory.Create(new InMemoryJourneyStore());
        for (var c = 0; c < CustomerCount; c++)
        {
            _ = _engine.RecordAsync(SyntheticInteractions.Create(c, customers[c], 0)).AsTask().GetAwaiter().GetResult();
        }

        _interactions = new Interaction[Calls];
        for (var i = 0; i < Calls; i++)
        {
            var sequence = CustomerCount + i;
            _interactions[i] = SyntheticInteractions.Create(sequence, customers[sequence % CustomerCount], 1 + (i / CustomerCount));
        }
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "CxCore RecordAsync, existing customer")]
    public int RecordAsync()
    {
        var engine = _engine;
        var recorded = 0;
        foreach (var interaction in _interactions)
        {
            var pending = engine.RecordAsync(interaction);
            var result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            recorded += result.Status == RecordStatus.Recorded ? 1 : 0;
        }

        DefaultJourneyWorkload.Check(recorded == Calls, $"recorded {recorded} of {Calls}.");
        return recorded;
    }
}
