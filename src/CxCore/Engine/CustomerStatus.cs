using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>Where a customer stands: their stage and score as of an instant. Returned by the engine's list queries.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Stage">Their stage at that instant (inactivity timeouts applied).</param>
/// <param name="Score">Their score at that instant.</param>
/// <param name="LastInteractionAt">When they last interacted.</param>
public sealed record CustomerStatus(CustomerId CustomerId, JourneyStage Stage, CxScoreSummary Score, DateTimeOffset LastInteractionAt);
