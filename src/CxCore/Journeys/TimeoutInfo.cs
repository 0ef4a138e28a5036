using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>An inactivity timeout of one stage, for introspection and export.</summary>
/// <param name="From">The stage the timeout applies to.</param>
/// <param name="After">How long without interaction (and in the stage) before it fires.</param>
/// <param name="To">Where the customer moves.</param>
public sealed record TimeoutInfo(JourneyStage From, TimeSpan After, JourneyStage To);
