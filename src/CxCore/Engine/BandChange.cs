using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>A customer's experience score moved into another band.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="From">The band before.</param>
/// <param name="To">The band now.</param>
/// <param name="Score">The score now.</param>
/// <param name="InteractionId">The interaction that caused the change.</param>
public sealed record BandChange(CustomerId CustomerId, CxBand From, CxBand To, CxScoreSummary Score, InteractionId InteractionId)
{
    /// <summary>
    /// True when the customer has just become at risk or a detractor (the band fell to <see cref="CxBand.AtRisk"/> or
    /// <see cref="CxBand.Detractor"/>): the moment a closed-loop team should act.
    /// </summary>
    public bool IsAlert => To is CxBand.AtRisk or CxBand.Detractor && (From == CxBand.Unrated || From > To);
}
