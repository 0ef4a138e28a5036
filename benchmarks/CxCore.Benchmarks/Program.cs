using BenchmarkDotNet.Running;
using CxCore.Benchmarks.Engine;

// --memory N [customers]: the engine's memory per stored interaction (not a BenchmarkDotNet benchmark).
if (args is ["--memory", var n, ..])
{
    var count = long.Parse(n, System.Globalization.CultureInfo.InvariantCulture);
    var customers = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : (int)Math.Max(1, count / 10);
    MemoryMeasurement.Run(count, customers);
    return;
}

// --probe record|ingest|ingest-async|allocations|read|read-batches [N]: quick Stopwatch probes for A/B runs and profiling (not BenchmarkDotNet benchmarks).
if (args is ["--probe", var probe, ..])
{
    var repetitions = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    if (!Probes.Run(probe, repetitions))
    {
        Console.Error.WriteLine($"Unknown probe '{probe}': expected 'record', 'ingest', 'ingest-async', 'allocations', 'read' or 'read-batches'.");
        return;
    }

    return;
}

// Every benchmark class in this assembly is discovered; pick with --filter, e.g. --filter '*StateMachine*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
