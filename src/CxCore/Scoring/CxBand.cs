namespace CxCore.Scoring;

/// <summary>
/// A reading of a <see cref="CxScore"/> for people and alerts. Ordered from worst to best, so
/// <c>band &lt;= CxBand.AtRisk</c> selects the customers to act on. Thresholds: <see cref="BandThresholds"/>.
/// </summary>
public enum CxBand
{
    /// <summary>No evidence yet: no scorer had an opinion on any interaction.</summary>
    Unrated = 0,

    /// <summary>The experience is bad enough that the customer is likely to speak against the business (default: below 30).</summary>
    Detractor = 1,

    /// <summary>The experience is poor, or the customer is drifting away (default: 30 to below 45).</summary>
    AtRisk = 2,

    /// <summary>Neither good nor bad (default: 45 to below 60).</summary>
    Neutral = 3,

    /// <summary>A good experience (default: 60 to below 80).</summary>
    Satisfied = 4,

    /// <summary>An excellent experience, the stuff of promoters (default: 80 and above).</summary>
    Delighted = 5,
}
