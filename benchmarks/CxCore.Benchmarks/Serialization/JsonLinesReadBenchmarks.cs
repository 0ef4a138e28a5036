using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CxCore.Domain;
using CxCore.Serialization;

namespace CxCore.Benchmarks.Serialization;

/// <summary>
/// Reading 100k canonical JSONL events from memory: <see cref="InteractionReader"/> against the naive baseline
/// (<c>StreamReader.ReadLine</c> + <c>JsonSerializer.Deserialize&lt;Dto&gt;</c> per line) and against the floor (splitting
/// lines and reading every token with <see cref="Utf8JsonReader"/>, building nothing).
/// </summary>
[MemoryDiagnoser]
public class JsonLinesReadBenchmarks
{
    private const int Lines = 100_000;

    private static readonly JsonSerializerOptions NaiveOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private byte[] _data = [];
    private InteractionReader _reader = null!;
    private InteractionReader _readerWithoutDuplicateCheck = null!;
    private InteractionReader _readerOnEveryProcessor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SyntheticEvents.JsonLines(Lines);
        _reader = new InteractionReader(ChannelRegistry.WellKnown);
        _readerWithoutDuplicateCheck = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { DetectDuplicateIds = false });
        _readerOnEveryProcessor = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { ParseParallelism = Environment.ProcessorCount });
    }

    /// <summary>The naive baseline: a string per line, a reflection-based DTO per line, nothing validated.</summary>
    [Benchmark(Baseline = true)]
    public int Naive_ReadLine_Deserialize_Dto()
    {
        using var reader = new StreamReader(new MemoryStream(_data), Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (JsonSerializer.Deserialize<EventDto>(line, NaiveOptions) is not null)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The naive baseline carried to the same end result: each DTO mapped to an <see cref="Interaction"/>.</summary>
    [Benchmark]
    public int Naive_ReadLine_Deserialize_Dto_to_Interaction()
    {
        using var reader = new StreamReader(new MemoryStream(_data), Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var dto = JsonSerializer.Deserialize<EventDto>(line, NaiveOptions)!;
            var interaction = new Interaction(new InteractionId(dto.Id!), new CustomerId(dto.CustomerId!), dto.Timestamp, new Channel(dto.Channel!), dto.Kind!)
            {
                Touchpoint = dto.Touchpoint is null ? null : new TouchpointId(dto.Touchpoint),
                Outcome = dto.Outcome is null ? InteractionOutcome.Unknown : Enum.Parse<InteractionOutcome>(dto.Outcome, ignoreCase: true),
                Signals = new InteractionSignals
                {
                    Csat = dto.Csat,
                    Nps = dto.Nps,
                    Ces = dto.Ces,
                    Wait = dto.WaitSeconds is { } wait ? TimeSpan.FromSeconds(wait) : null,
                    HandlingTime = dto.HandlingSeconds is { } handling ? TimeSpan.FromSeconds(handling) : null,
                    Value = dto.Value,
                },
                Text = dto.Text,
                Attributes = dto.Attributes ?? [],
            };
            count += interaction.Kind.Length > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>The floor: split lines and read every token of every line, building nothing.</summary>
    [Benchmark]
    public int Floor_Utf8JsonReader_tokens_only() => ParseFloor.CountTokens(_data);

    /// <summary>CxCore: validated <see cref="Interaction"/>s with line-level error reporting and duplicate-id detection.</summary>
    [Benchmark]
    public Task<int> CxCore_InteractionReader() => CountAsync(_reader);

    /// <summary>CxCore parsing on one thread per processor (<c>ParseParallelism = Environment.ProcessorCount</c>).</summary>
    [Benchmark]
    public Task<int> CxCore_InteractionReader_parsing_on_every_processor() => CountAsync(_readerOnEveryProcessor);

    /// <summary>CxCore without duplicate-id detection (the engine is idempotent on ids anyway).</summary>
    [Benchmark]
    public Task<int> CxCore_InteractionReader_no_duplicate_check() => CountAsync(_readerWithoutDuplicateCheck);

    private async Task<int> CountAsync(InteractionReader reader)
    {
        var count = 0;
        await foreach (var interaction in reader.ReadJsonLinesAsync(new MemoryStream(_data, writable: false)).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
