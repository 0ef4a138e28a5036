using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>Decides which journey trigger, if any, an interaction fires. Implementations must be thread-safe.</summary>
public interface IInteractionClassifier
{
    /// <summary>Classifies one interaction.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="trigger">The trigger it fires, when it fires one.</param>
    /// <returns>True when the interaction fires a trigger; false when it moves nobody (e.g. an e-mail open).</returns>
    bool TryClassify(Interaction interaction, out JourneyTrigger trigger);
}
