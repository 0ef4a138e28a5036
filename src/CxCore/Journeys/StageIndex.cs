namespace CxCore.Journeys;

/// <summary>
/// The position of a stage in one compiled <see cref="JourneyDefinition"/>: the handle the allocation-free
/// <see cref="JourneyDefinition.TryFire(StageIndex, TriggerIndex, in TransitionContext, out StageIndex)"/> works with.
/// Get one from <see cref="JourneyDefinition.GetStageIndex(CxCore.Domain.JourneyStage)"/>; it is meaningful only for the definition that issued it.
/// </summary>
/// <param name="Value">The zero-based index.</param>
public readonly record struct StageIndex(int Value);
