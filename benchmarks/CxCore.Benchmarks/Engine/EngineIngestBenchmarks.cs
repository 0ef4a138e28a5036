using BenchmarkDotNet.Attributes;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// <see cref="EngineIngestBenchmarksBase"/> with the runtime's default garbage collection: concurrent (background)
/// collection on, set explicitly, because jobs that differ only in their collector settings share one build, so a job
/// that left it unset would inherit the other class's setting (<see cref="EngineIngestBatchGcBenchmarks"/> runs the
/// same methods with it off).
/// </summary>
[GcConcurrent(true)]
public class EngineIngestBenchmarks : EngineIngestBenchmarksBase;
