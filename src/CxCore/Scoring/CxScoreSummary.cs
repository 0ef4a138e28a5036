namespace CxCore.Scoring;

/// <summary>
/// The numbers of a <see cref="CxScore"/> without its explanation, as computed on the engine's hot path by
/// <see cref="ScoringPipeline.Evaluate"/> without allocating.
/// </summary>
/// <param name="Value">The score, 0–100 (50 when <see cref="Band"/> is <see cref="CxBand.Unrated"/>).</param>
/// <param name="Confidence">How much recent evidence the score rests on, 0–1.</param>
/// <param name="Band">The band of <paramref name="Value"/>, or <see cref="CxBand.Unrated"/> without evidence.</param>
/// <param name="ComponentCount">How many scorer opinions the score combines.</param>
public readonly record struct CxScoreSummary(double Value, double Confidence, CxBand Band, int ComponentCount)
{
    /// <summary>True when at least one scorer had an opinion.</summary>
    public bool IsRated => Band != CxBand.Unrated;
}
