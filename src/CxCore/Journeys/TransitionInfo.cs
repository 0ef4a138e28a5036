using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>A declared transition, for introspection and export.</summary>
/// <param name="From">The source stage, or null for a transition declared with <see cref="JourneyDefinitionBuilder.FromAny"/>.</param>
/// <param name="Trigger">The trigger it fires on.</param>
/// <param name="To">The target stage.</param>
/// <param name="Guard">The guard, or null when unguarded.</param>
/// <param name="GuardDescription">What the guard checks, or null when unguarded.</param>
public sealed record TransitionInfo(JourneyStage? From, JourneyTrigger Trigger, JourneyStage To, TransitionGuard? Guard, string? GuardDescription);
