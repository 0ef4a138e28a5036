using CxCore.DependencyInjection;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Storage;
using Microsoft.Extensions.Options;

namespace CxCore.Benchmarks.Engine;

/// <summary>An engine as <c>services.AddCxCore()</c> builds it by default: in-memory store, default journey, classifier and scoring, no observers.</summary>
internal static class EngineFactory
{
    /// <param name="store">The store.</param>
    /// <param name="ingestParallelism">Ingest workers; null for the default (one per processor).</param>
    public static CxEngine Create(InMemoryJourneyStore store, int? ingestParallelism = null)
    {
        var options = new CxCoreOptions();
        options.IngestParallelism = ingestParallelism ?? options.IngestParallelism;
        return new(store, DefaultJourney.Definition, InteractionClassifier.Default, ScoringPipeline.Default, [], Options.Create(options));
    }
}
