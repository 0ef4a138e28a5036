using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>One touchpoint in the model of <see cref="DriverAnalysis"/>: how much of the journey score's variance it accounts for.</summary>
/// <param name="Touchpoint">The touchpoint.</param>
/// <param name="Customers">Customers of the model with a score at it (nⱼ); the others were given its mean (<see cref="MeanScore"/>).</param>
/// <param name="Coverage"><paramref name="Customers"/> out of <see cref="DriverResult.Customers"/>, with its Wilson interval.</param>
/// <param name="MeanScore">Mean over those customers of their mean interaction score at it, 0–100.</param>
/// <param name="Correlation">Pearson correlation of the (imputed) touchpoint score with the journey score.</param>
/// <param name="StandardizedBeta">Its coefficient in the regression of the standardised journey score on all standardised touchpoint scores.</param>
/// <param name="RelativeWeight">Johnson's relative weight: its share of R² in R² units; the weights of all drivers add up to <see cref="DriverResult.RSquared"/>.</param>
/// <param name="Share">The relative weight as a percentage of R² (0–100; the shares add up to 100, or are all 0 when R² is 0).</param>
/// <param name="Rank">1 for the largest relative weight.</param>
public sealed record TouchpointDriver(
    TouchpointId Touchpoint,
    int Customers,
    Proportion Coverage,
    double MeanScore,
    double Correlation,
    double StandardizedBeta,
    double RelativeWeight,
    double Share,
    int Rank);
