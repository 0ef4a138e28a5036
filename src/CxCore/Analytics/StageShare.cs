using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>The customers in one stage at an instant.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Customers">Customers whose visit open at the instant is in <paramref name="Stage"/>.</param>
/// <param name="Share"><paramref name="Customers"/> / <see cref="StageDistribution.Customers"/>, with its Wilson 95% interval.</param>
public sealed record StageShare(JourneyStage Stage, int Customers, Proportion Share);
