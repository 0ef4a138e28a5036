using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// One event of a customer's funnel timeline: an interaction, or the entry into a stage (with the interaction
/// that triggered it, when the journey holds it). Stage entries are "transparent" in strict mode.
/// </summary>
internal readonly record struct FunnelEvent(DateTimeOffset Time, Interaction? Interaction, JourneyStage? Stage)
{
    public bool IsStageEntry => Stage is not null;
}
