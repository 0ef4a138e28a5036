using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>A customer who has been in their current stage longer than the stage's threshold (<see cref="StageAnalysis.Stuck"/>).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Stage">The stage they were in at the instant.</param>
/// <param name="Since">When they entered it.</param>
/// <param name="TimeInStage">How long they had been in it at the instant.</param>
/// <param name="Threshold">The threshold they exceeded (strictly).</param>
/// <param name="Rule">Where <paramref name="Threshold"/> came from.</param>
public sealed record StuckCustomer(CustomerId CustomerId, JourneyStage Stage, DateTimeOffset Since, TimeSpan TimeInStage, TimeSpan Threshold, StuckRule Rule);
