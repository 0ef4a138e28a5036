using CxCore.Domain;

namespace CxCore.Engine;

/// <summary>A customer moved from one journey stage to another.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="From">The stage they left.</param>
/// <param name="To">The stage they entered.</param>
/// <param name="At">When they moved (the interaction's time, or when an inactivity timeout fired).</param>
/// <param name="Reason">Why: a trigger or inactivity.</param>
/// <param name="InteractionId">The interaction that caused it, for trigger-driven moves.</param>
public sealed record StageChange(CustomerId CustomerId, JourneyStage From, JourneyStage To, DateTimeOffset At, StageEntryReason Reason, InteractionId? InteractionId);
