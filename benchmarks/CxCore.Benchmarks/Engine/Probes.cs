using System.Diagnostics;
using System.Globalization;
using CxCore.Benchmarks.Serialization;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Serialization;
using CxCore.Storage;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// Quick Stopwatch probes of the engine (not BenchmarkDotNet benchmarks): for alternating two builds of a change
/// (A/B) on a noisy machine, and for attaching a profiler to the steady state only. docs/performance.md quotes them as
/// "probe" numbers; the benchmarks are the reference.
/// </summary>
internal static class Probes
{
    /// <summary>Runs a probe by name; returns false for an unknown one.</summary>
    public static bool Run(string name, int repetitions) => name switch
    {
        "record" => Record(repetitions),
        "ingest" => Ingest(repetitions),
        "allocations" => Allocations(repetitions),
        "read" => Read(repetitions),
        "read-batches" => ReadBatches(repetitions),
        "ingest-async" => IngestAsync(repetitions),
        _ => false,
    };

    /// <summary>
    /// RecordAsync in the steady state: <paramref name="engines"/> engines of 2,000 customers (or <c>PROBE_CUSTOMERS</c>) with 20 interactions each (or <c>PROBE_PRELOADED</c>)
    /// are filled first, then each gets 8 more per customer (or <c>PROBE_ROUNDS</c>; 8 need no array growth); prints "steady" on standard error when
    /// the measured part starts (so a profiler can attach then), and the time and bytes per call at the end.
    /// </summary>
    private static bool Record(int engines)
    {
        var customerCount = EnvironmentInt("PROBE_CUSTOMERS") ?? 2_000;
        var preloaded = EnvironmentInt("PROBE_PRELOADED") ?? 20;
        var customers = SyntheticInteractions.Customers(customerCount);
        var sequence = 0L;
        var before = Rounds(0, preloaded);
        var measured = Rounds(preloaded, EnvironmentInt("PROBE_ROUNDS") ?? 8);
        var all = new CxEngine[engines];
        for (var e = 0; e < engines; e++)
        {
            all[e] = EngineFactory.Create(new InMemoryJourneyStore());
            RecordAll(all[e], before);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.Error.WriteLine($"steady {DateTime.Now:HH:mm:ss.fff}");
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        foreach (var engine in all)
        {
            RecordAll(engine, measured);
        }

        var calls = (double)engines * measured.Length;
        Console.WriteLine(FormattableString.Invariant(
            $"record, steady state: {clock.Elapsed.TotalNanoseconds / calls:F0} ns/call, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / calls:F1} B/call"));
        return true;

        Interaction[] Rounds(int first, int count)
        {
            var interactions = new Interaction[customerCount * count];
            for (var i = 0; i < interactions.Length; i++, sequence++)
            {
                interactions[i] = SyntheticInteractions.Create(sequence, customers[i % customerCount], first + (i / customerCount));
            }

            return interactions;
        }
    }

    private static void RecordAll(CxEngine engine, Interaction[] interactions)
    {
        foreach (var interaction in interactions)
        {
            Record(engine, interaction);
        }
    }

    private static void Record(CxEngine engine, Interaction interaction)
    {
        var pending = engine.RecordAsync(interaction);
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("RecordAsync did not complete synchronously with the in-memory store.");
        }

        _ = pending.Result;
    }

    /// <summary>The ingest benchmark's 100,000 lines through the reader alone (parse and validate), <paramref name="passes"/> times after two warm-up passes.</summary>
    private static bool Read(int passes)
    {
        var (data, reader) = IngestInput();
        for (var pass = -2; pass < passes; pass++)
        {
            var lines = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var interaction in ReadAll(reader, data))
            {
                lines++;
            }

            if (pass >= 0)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"read pass {pass + 1}: {clock.Elapsed.TotalNanoseconds / lines:F0} ns/line, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)lines:F0} B/line"));
            }
        }

        return true;
    }

    /// <summary>The ingest benchmark's 100,000 lines through the reader's batches (what <c>IngestAsync</c> reads), <paramref name="passes"/> times after two warm-up passes.</summary>
    private static bool ReadBatches(int passes)
    {
        var (data, reader) = IngestInput();
        for (var pass = -2; pass < passes; pass++)
        {
            var lines = 0;
            var clock = Stopwatch.StartNew();
            var source = (IInteractionBatchSource)reader.ReadJsonLinesAsync(new MemoryStream(data, writable: false));
            var batches = source.ReadBatches().GetAsyncEnumerator();
            while (batches.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                lines += batches.Current.Count;
                batches.Current.Release();
            }

            if (pass >= 0)
            {
                Console.WriteLine(FormattableString.Invariant($"read-batches pass {pass + 1}: {clock.Elapsed.TotalNanoseconds / lines:F0} ns/line"));
            }
        }

        return true;
    }

    /// <summary>
    /// What ingesting the ingest benchmark's 100,000 lines allocates and keeps, per line: the bytes each type allocates
    /// (sampled by the runtime about every 100 KB, over <paramref name="passes"/> passes after two warm-up passes), and
    /// the bytes still reachable once the pass is done (everything the engine and store keep).
    /// </summary>
    private static bool Allocations(int passes)
    {
        var (data, reader) = IngestInput();
        using var sampler = new AllocationSampler();
        var retained = 0L;
        for (var pass = -2; pass < passes; pass++)
        {
            sampler.Enabled = pass >= 0;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            retained = IngestAndMeasure(data, reader) - before;
        }

        sampler.Enabled = false;
        var lines = (double)IngestLines * passes;
        foreach (var (type, bytes) in sampler.BytesByType().Take(25))
        {
            Console.WriteLine(FormattableString.Invariant($"{bytes / lines,8:F1} B/line  {type}"));
        }

        Console.WriteLine(FormattableString.Invariant($"retained after a pass (engine and store): {retained / (double)IngestLines:F0} B/line"));
        return true;

        // In a method of its own, so the engine is unreachable once it returns (no stack slot of the caller keeps it).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static long IngestAndMeasure(byte[] data, InteractionReader reader)
        {
            // The production path: the reader's stream through IngestAsync (packed batches), on this thread.
            var engine = EngineFactory.Create(new InMemoryJourneyStore(), ingestParallelism: 1);
            engine.IngestAsync(reader.ReadJsonLinesAsync(new MemoryStream(data, writable: false))).GetAwaiter().GetResult();
            var total = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(engine);
            return total;
        }
    }

    /// <summary>
    /// The ingest benchmark's 100,000 lines, read and recorded <paramref name="repetitions"/> times (after two warm-up
    /// passes) into fresh engines:
    /// time and bytes per line, and the garbage collections that ran during each pass (count, pause, bytes promoted per
    /// generation, from <see cref="GC.GetGCMemoryInfo(GCKind)"/> read after every collection).
    /// </summary>
    private static bool Ingest(int repetitions)
    {
        var (data, reader) = IngestInput();
        // Two passes first, not reported: the JIT compiles the hot paths in tiers over the first hundred thousand calls.
        for (var pass = -2; pass < repetitions; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var engine = EngineFactory.Create(new InMemoryJourneyStore());
            var collections = new (int Count, double PauseMs, double PromotedMb)[3];
            var seen = GC.CollectionCount(0);
            var lines = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var interaction in ReadAll(reader, data))
            {
                Record(engine, interaction);
                lines++;
                if (GC.CollectionCount(0) != seen)
                {
                    seen = GC.CollectionCount(0);
                    var info = GC.GetGCMemoryInfo(GCKind.Any);
                    ref var generation = ref collections[info.Generation];
                    generation.Count++;
                    generation.PauseMs += info.PauseDurations[0].TotalMilliseconds + info.PauseDurations[1].TotalMilliseconds;
                    generation.PromotedMb += info.PromotedBytes / 1e6;
                }
            }

            if (pass < 0)
            {
                continue;
            }

            var elapsed = clock.Elapsed.TotalNanoseconds / lines;
            var perGeneration = string.Join("; ", collections.Select((c, g) => FormattableString.Invariant($"gen{g}: {c.Count} GCs, {c.PauseMs:F0} ms, {c.PromotedMb:F1} MB promoted")));
            Console.WriteLine(FormattableString.Invariant(
                $"ingest pass {pass + 1}: {elapsed:F0} ns/line, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)lines:F0} B/line; {perGeneration}"));
            GC.KeepAlive(engine);
        }

        return true;
    }

    /// <summary>
    /// The ingest benchmark's 100,000 lines through <c>IngestAsync</c> with the default settings (one worker per
    /// processor, or the environment variable <c>PROBE_PARALLELISM</c>), <paramref name="passes"/> times after two warm-up
    /// passes: wall time and the process's CPU time per line, and the collections during the pass.
    /// </summary>
    private static bool IngestAsync(int passes)
    {
        var (data, reader) = IngestInput();
        var parallelism = EnvironmentInt("PROBE_PARALLELISM");
        // PROBE_WARM=1: every customer already has the same number of interactions a year earlier (other ids), so the
        // pass records for known customers only.
        var warm = EnvironmentInt("PROBE_WARM") == 1
            ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(data).Replace("\"e-", "\"w-", StringComparison.Ordinal).Replace("\"2024-", "\"2023-", StringComparison.Ordinal))
            : null;
        for (var pass = -2; pass < passes; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var engine = EngineFactory.Create(new InMemoryJourneyStore(), parallelism);
            if (warm is not null)
            {
                engine.IngestAsync(reader.ReadJsonLinesAsync(new MemoryStream(warm, writable: false))).GetAwaiter().GetResult();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }

            var cpu = Environment.CpuUsage.TotalTime;
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var lines = engine.IngestAsync(reader.ReadJsonLinesAsync(new MemoryStream(data, writable: false))).GetAwaiter().GetResult().Processed;
            if (pass >= 0)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"ingest-async pass {pass + 1}: {clock.Elapsed.TotalNanoseconds / lines:F0} ns/line, {(Environment.CpuUsage.TotalTime - cpu).TotalNanoseconds / lines:F0} ns CPU/line; collections {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3} (gen0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms"));
            }
        }

        return true;
    }

    // The ingest benchmark's input (its 100,000 lines) and a reader for it, and one pass of reading it.
    private const int IngestLines = 100_000;

    // The reader parses on the reading thread (the default), or on PROBE_PARSE_PARALLELISM threads. PROBE_PLAIN=1: the
    // same lines without text, value and attributes (nothing for a record's side table).
    private static (byte[] Data, InteractionReader Reader) IngestInput()
    {
        var data = SyntheticEvents.JsonLines(IngestLines);
        if (EnvironmentInt("PROBE_PLAIN") == 1)
        {
            var text = System.Text.Encoding.UTF8.GetString(data);
            text = System.Text.RegularExpressions.Regex.Replace(text, ",\"(text|value)\":(\"[^\"]*\"|[0-9.]+)|,\"attributes\":\\{[^}]*\\}", string.Empty);
            data = System.Text.Encoding.UTF8.GetBytes(text);
        }

        return (data, new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions
        {
            ParseParallelism = EnvironmentInt("PROBE_PARSE_PARALLELISM") ?? 1,
        }));
    }

    // A whole number from an environment variable, or null when it is not set (or not a number).
    private static int? EnvironmentInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : null;

    private static IEnumerable<Interaction> ReadAll(InteractionReader reader, byte[] data) =>
        reader.ReadJsonLinesAsync(new MemoryStream(data, writable: false)).ToBlockingEnumerable();
}
