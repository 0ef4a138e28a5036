namespace CxCore.Scoring;

/// <summary>
/// Marks a built-in scorer whose opinion never depends on <see cref="ScoringContext.IsLatest"/> or
/// <see cref="ScoringContext.AsOf"/>: the pipeline asks it once for an arriving interaction instead of twice (as the
/// latest, and as the earlier interaction it will become). Custom scorers are always asked twice.
/// </summary>
internal interface ILatestIndependentScorer;
