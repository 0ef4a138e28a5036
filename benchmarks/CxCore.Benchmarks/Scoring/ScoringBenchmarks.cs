using BenchmarkDotNet.Attributes;
using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Benchmarks.Scoring;

/// <summary>
/// The scoring pipeline with every built-in scorer: one interaction's opinions (target 0 B); rescoring a
/// 100-interaction journey the way the engine does on every interaction (<see cref="JourneyScorer.Evaluate"/>,
/// target under 5 µs); the same from scratch (<see cref="ScoringPipeline.Evaluate"/>) and with the explanation
/// (<see cref="ScoringPipeline.Score(IReadOnlyList{Interaction}, DateTimeOffset)"/>); against the plain average of
/// CSAT answers every dashboard shows.
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private readonly ScoringPipeline _pipeline = ScoringPipeline.Default;
    private readonly ScoreComponent[] _components = new ScoreComponent[ScoringPipeline.Default.Scorers.Count];
    private Interaction[] _journey = [];
    private JourneyScorer _journeyScorer = new(ScoringPipeline.Default);
    private Interaction[] _rich = [];
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        _journey = ScoringJourneys.Create(100);
        _rich = ScoringJourneys.RichTail();
        _asOf = _journey[^1].Timestamp.AddDays(3);
        _journeyScorer = new JourneyScorer(_pipeline);
        foreach (var interaction in _journey)
        {
            _journeyScorer.Add(interaction);
        }
    }

    /// <summary>The context: the plain average of the CSAT answers in the journey.</summary>
    [Benchmark(Baseline = true, Description = "Plain CSAT average, 100 interactions (baseline)")]
    public double PlainCsatAverage()
    {
        double sum = 0;
        var count = 0;
        foreach (var interaction in _journey)
        {
            if (interaction.Signals.Csat is { } csat)
            {
                sum += csat;
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <summary>Every built-in scorer on one interaction carrying every signal (CSAT, NPS, CES, wait, outcome, text, a repeat contact on another channel).</summary>
    [Benchmark(Description = "Score one interaction, all built-ins")]
    public int ScoreOneInteraction() => _pipeline.ScoreInteraction(_rich, 1, _asOf, _components);

    /// <summary>
    /// The engine's path: value, confidence and band of a 100-interaction journey whose earlier opinions are kept;
    /// the latest interaction is scored afresh (its health depends on the instant).
    /// </summary>
    [Benchmark(Description = "Rescore 100 interactions, engine path (JourneyScorer.Evaluate)")]
    public CxScoreSummary RescoreJourney() => _journeyScorer.Evaluate(_asOf);

    /// <summary>The same numbers from scratch: every scorer asked about every interaction.</summary>
    [Benchmark(Description = "Score 100 interactions from scratch (ScoringPipeline.Evaluate)")]
    public CxScoreSummary ScoreJourneyFromScratch() => _pipeline.Evaluate(_journey, _asOf);

    /// <summary>The same with the full explanation (per opinion, scorer and interaction).</summary>
    [Benchmark(Description = "Score 100 interactions with explanation (Score)")]
    public CxScore ScoreJourneyExplained() => _pipeline.Score(_journey, _asOf);
}
