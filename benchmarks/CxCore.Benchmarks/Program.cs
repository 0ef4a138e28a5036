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

// Every benchmark class in this assembly is discovered; pick with --filter, e.g. --filter '*StateMachine*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
