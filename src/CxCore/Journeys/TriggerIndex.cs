namespace CxCore.Journeys;

/// <summary>
/// The position of a trigger in one compiled <see cref="JourneyDefinition"/>. Get one from
/// <see cref="JourneyDefinition.GetTriggerIndex(CxCore.Domain.JourneyTrigger)"/>; it is meaningful only for the definition that issued it.
/// </summary>
/// <param name="Value">The zero-based index.</param>
public readonly record struct TriggerIndex(int Value);
