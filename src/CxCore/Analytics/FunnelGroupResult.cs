namespace CxCore.Analytics;

/// <summary>The funnel of one breakdown group (or of everyone, for <see cref="FunnelResult.Total"/>).</summary>
/// <param name="Key">The breakdown value (<see cref="Breakdown.NoValue"/> for none); <c>"(all)"</c> for the total.</param>
/// <param name="Steps">One result per funnel step, in order.</param>
public sealed record FunnelGroupResult(string Key, IReadOnlyList<FunnelStepResult> Steps)
{
    /// <summary>Customers who did the first step.</summary>
    public int Customers => Steps[0].Converted;

    /// <summary>Customers who reached the last step.</summary>
    public int Completed => Steps[^1].Converted;
}
