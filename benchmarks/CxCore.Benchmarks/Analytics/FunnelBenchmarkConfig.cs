using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CxCore.Benchmarks.Analytics;

/// <summary>
/// One launch, one warm-up and five iterations, <b>in the BenchmarkDotNet host process</b>: CxCore and DuckDB are measured
/// in the same process, one after the other, over data set up once (about 10 M interactions in an engine snapshot and in
/// a DuckDB table; building it takes minutes, so it is not repeated per benchmark process).
/// </summary>
public sealed class FunnelBenchmarkConfig : ManualConfig
{
    public FunnelBenchmarkConfig() =>
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
            .WithId("InProcess-1x5"));
}
