using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CxCore.Benchmarks.Journeys;
using CxCore.Benchmarks.Serialization;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Serialization;
using CxCore.Storage;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// Ingesting 100k canonical JSONL events (20k customers) from memory into a fresh engine:
/// CxCore (<see cref="InteractionReader.ReadJsonLinesAsync"/> → <c>ICxEngine.IngestAsync</c>: parse, validate, journey
/// stage, score, store) against what a user would write (<c>StreamReader.ReadLine</c> + <c>JsonSerializer.Deserialize</c>,
/// a Stateless machine per customer, a <c>Dictionary&lt;string, List&lt;Dto&gt;&gt;</c>) and against the parse-only floor.
/// The methods and setup of <see cref="EngineIngestBenchmarks"/> and <see cref="EngineIngestBatchGcBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public abstract class EngineIngestBenchmarksBase
{
    private const int Lines = 100_000;

    private static readonly JsonSerializerOptions NaiveOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static readonly Dictionary<string, Trigger> NaiveTriggers = InteractionClassifier.Default.Mappings
        .ToDictionary(p => p.Key, p => Enum.Parse<Trigger>(p.Value.Name), StringComparer.OrdinalIgnoreCase);

    private byte[] _data = [];
    private InteractionReader _reader = null!;
    private InteractionReader _readerOnEveryProcessor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticEvents.JsonLines(Lines);
        _reader = new InteractionReader(ChannelRegistry.WellKnown);
        _readerOnEveryProcessor = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { ParseParallelism = Environment.ProcessorCount });

        // Both must accept every line, and end with every customer in the same stage.
        var naive = RunNaive();
        var engine = RunCxCore();
        DefaultJourneyWorkload.Check(naive.Count == Lines && engine.Count == Lines, $"naive kept {naive.Count}, CxCore {engine.Count} of {Lines}.");
        foreach (var (customer, state) in naive.Customers)
        {
            var journey = engine.Engine.GetJourneyAsync(new CustomerId(customer), engine.LastTimestamp).AsTask().GetAwaiter().GetResult()!;
            var stage = journey.CurrentStage.Name;
            DefaultJourneyWorkload.Check(stage == state.Stage.ToString(), $"customer {customer}: naive in {state.Stage}, CxCore in {stage}.");
        }
    }

    /// <summary>What a user would write: a string and a DTO per line, a Stateless machine per customer, a dictionary of lists.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lines, Description = "Naive: ReadLine + Deserialize + Stateless per customer + Dictionary")]
    public int Naive() => RunNaive().Count;

    /// <summary>The floor: split lines and read every token of every line, building nothing.</summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "Floor: Utf8JsonReader tokens only")]
    public int Floor() => ParseFloor.CountTokens(_data);

    /// <summary>CxCore's reader alone (parse + validate), for information.</summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "CxCore InteractionReader only")]
    public async Task<int> CxCoreReaderOnly()
    {
        var count = 0;
        await foreach (var interaction in _reader.ReadJsonLinesAsync(new MemoryStream(_data, writable: false)).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    /// <summary>CxCore end to end: reader → engine.IngestAsync, with the default in-memory store, options and reader options (recording on one worker per processor, parsing on the reading thread).</summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "CxCore: ReadJsonLinesAsync → IngestAsync")]
    public Task<long> CxCoreIngest() => Ingest(_reader, ingestParallelism: null);

    /// <summary>Parsing on one thread per processor too (<c>ParseParallelism = Environment.ProcessorCount</c>), for information.</summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "CxCore: ReadJsonLinesAsync → IngestAsync, parsing on every processor too")]
    public Task<long> CxCoreIngestParsingOnEveryProcessor() => Ingest(_readerOnEveryProcessor, ingestParallelism: null);

    /// <summary>Everything on one thread: <c>IngestParallelism = 1</c> (the only way before session 6).</summary>
    [Benchmark(OperationsPerInvoke = Lines, Description = "CxCore: ReadJsonLinesAsync → IngestAsync, one thread")]
    public Task<long> CxCoreIngestOneThread() => Ingest(_reader, ingestParallelism: 1);

    private async Task<long> Ingest(InteractionReader reader, int? ingestParallelism)
    {
        var engine = EngineFactory.Create(new InMemoryJourneyStore(), ingestParallelism);
        var result = await engine.IngestAsync(reader.ReadJsonLinesAsync(new MemoryStream(_data, writable: false))).ConfigureAwait(false);
        return result.Processed;
    }

    private (int Count, Dictionary<string, NaiveCustomer> Customers) RunNaive()
    {
        var store = new Dictionary<string, List<EventDto>>();
        var customers = new Dictionary<string, NaiveCustomer>();
        using var reader = new StreamReader(new MemoryStream(_data), Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var dto = JsonSerializer.Deserialize<EventDto>(line, NaiveOptions)!;
            if (!customers.TryGetValue(dto.CustomerId!, out var customer))
            {
                customer = new NaiveCustomer();
                customers.Add(dto.CustomerId!, customer);
            }

            if (NaiveTriggers.TryGetValue(dto.Kind!, out var trigger))
            {
                customer.Fire(dto, trigger);
            }

            if (!store.TryGetValue(dto.CustomerId!, out var list))
            {
                list = [];
                store.Add(dto.CustomerId!, list);
            }

            list.Add(dto);
            count++;
        }

        return (count, customers);
    }

    private (int Count, CxEngine Engine, DateTimeOffset LastTimestamp) RunCxCore()
    {
        var engine = EngineFactory.Create(new InMemoryJourneyStore());
        var result = engine.IngestAsync(_reader.ReadJsonLinesAsync(new MemoryStream(_data, writable: false))).GetAwaiter().GetResult();
        var last = _reader.ReadJsonLinesAsync(new MemoryStream(_data, writable: false)).ToBlockingEnumerable().Max(i => i.Timestamp);
        return ((int)result.Processed, engine, last);
    }
}
