namespace CxCore.Analytics;

/// <summary>How many customers are in each journey stage at one instant (<see cref="StageAnalysis.Distribution"/>).</summary>
/// <param name="AsOf">The instant.</param>
/// <param name="Customers">Customers who had a stage at <paramref name="AsOf"/> (journeys that started later are not counted).</param>
/// <param name="Stages">Every stage seen in the journeys' histories, by customer count descending, then name (ordinal); stages with nobody in them at <paramref name="AsOf"/> are listed with 0.</param>
public sealed record StageDistribution(DateTimeOffset AsOf, int Customers, IReadOnlyList<StageShare> Stages);
