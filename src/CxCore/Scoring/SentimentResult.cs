namespace CxCore.Scoring;

/// <summary>The sentiment of a text: the sum of the valences found and how many sentiment words there were.</summary>
/// <param name="Sum">The sum of the (negated, intensified, clause-weighted) valences.</param>
/// <param name="Hits">How many sentiment words were found.</param>
internal readonly record struct SentimentResult(double Sum, int Hits)
{
    /// <summary>The polarity, −1 (very negative) to 1 (very positive): Σ / √(Σ² + α).</summary>
    public double Polarity => Hits == 0 ? 0 : Sum / Math.Sqrt((Sum * Sum) + SentimentAnalyzer.Alpha);
}
