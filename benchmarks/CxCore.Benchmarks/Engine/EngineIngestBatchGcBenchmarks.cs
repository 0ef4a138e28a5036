using BenchmarkDotNet.Attributes;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// <see cref="EngineIngestBenchmarks"/> with concurrent (background) garbage collection off, the setting .NET recommends
/// for throughput-bound batch processes such as a bulk import (<c>&lt;ConcurrentGarbageCollection&gt;false&lt;/ConcurrentGarbageCollection&gt;</c>
/// in the host's project): every method, the naive baseline included, runs in a process configured that way. With
/// background collection on, the runtime caps generation 0 at a few megabytes; without it, the budget follows the
/// cache size, so far fewer collections copy the engine's growing state.
/// </summary>
[GcConcurrent(false)]
public class EngineIngestBatchGcBenchmarks : EngineIngestBenchmarksBase;
