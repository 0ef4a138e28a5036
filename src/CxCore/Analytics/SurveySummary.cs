namespace CxCore.Analytics;

/// <summary>NPS, CSAT and CES of one group of interactions (everyone, one breakdown value, or one time bucket).</summary>
/// <param name="Key">The breakdown value, the bucket's start (ISO 8601 date), or <c>"(all)"</c>.</param>
/// <param name="Nps">Net Promoter Score.</param>
/// <param name="Csat">Customer satisfaction.</param>
/// <param name="Ces">Customer effort.</param>
public sealed record SurveySummary(string Key, NpsResult Nps, CsatResult Csat, CesResult Ces)
{
    /// <summary>Interactions with at least one survey answer.</summary>
    public int Responses { get; init; }
}
