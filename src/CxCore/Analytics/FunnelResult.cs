namespace CxCore.Analytics;

/// <summary>The result of <see cref="FunnelAnalysis.Analyze"/>.</summary>
/// <param name="Definition">The funnel analysed.</param>
/// <param name="Range">The time range; only events inside it count.</param>
/// <param name="Total">The funnel over every customer.</param>
/// <param name="Groups">One funnel per breakdown value, ordered by customers (descending) then key; empty without a breakdown.</param>
/// <param name="ExcludedCustomers">Customers who did step 0 but whose every attempt was ruled out by an exclusion; not counted anywhere else.</param>
public sealed record FunnelResult(
    FunnelDefinition Definition,
    TimeRange Range,
    FunnelGroupResult Total,
    IReadOnlyList<FunnelGroupResult> Groups,
    int ExcludedCustomers);
