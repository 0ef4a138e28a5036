using System.Globalization;

namespace CxCore.Scoring;

/// <summary>
/// The lowest score of each <see cref="CxBand"/>: a score at or above <see cref="Delighted"/> is Delighted, at or
/// above <see cref="Satisfied"/> Satisfied, and so on; below <see cref="AtRisk"/> it is a Detractor. Must be strictly
/// decreasing within 0–100 (checked by <see cref="ScoringPipelineBuilder.Build"/>).
/// </summary>
/// <param name="Delighted">Lowest Delighted score (default 80).</param>
/// <param name="Satisfied">Lowest Satisfied score (default 60).</param>
/// <param name="Neutral">Lowest Neutral score (default 45).</param>
/// <param name="AtRisk">Lowest At-risk score (default 30).</param>
public readonly record struct BandThresholds(double Delighted, double Satisfied, double Neutral, double AtRisk)
{
    /// <summary>80 / 60 / 45 / 30.</summary>
    public static BandThresholds Default { get; } = new(80, 60, 45, 30);

    /// <summary>The band of a score.</summary>
    /// <param name="value">A score, 0–100.</param>
    /// <returns>The band.</returns>
    public CxBand BandOf(double value) =>
        value >= Delighted ? CxBand.Delighted
        : value >= Satisfied ? CxBand.Satisfied
        : value >= Neutral ? CxBand.Neutral
        : value >= AtRisk ? CxBand.AtRisk
        : CxBand.Detractor;

    internal void Validate(List<string> errors)
    {
        double[] values = [Delighted, Satisfied, Neutral, AtRisk];
        string[] names = [nameof(Delighted), nameof(Satisfied), nameof(Neutral), nameof(AtRisk)];
        for (var i = 0; i < values.Length; i++)
        {
            if (!(values[i] is >= 0 and <= 100))
            {
                errors.Add($"Band threshold {names[i]} must be between 0 and 100, but was {values[i].ToString(CultureInfo.InvariantCulture)}.");
                return;
            }
        }

        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] >= values[i - 1])
            {
                errors.Add($"Band thresholds must decrease strictly (Delighted > Satisfied > Neutral > AtRisk), but {names[i]} ({values[i].ToString(CultureInfo.InvariantCulture)}) is not below {names[i - 1]} ({values[i - 1].ToString(CultureInfo.InvariantCulture)}).");
            }
        }
    }
}
