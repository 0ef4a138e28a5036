using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>An inactivity timeout being declared; finish it with <see cref="To"/>.</summary>
public sealed class TimeoutTargetBuilder
{
    private readonly JourneyDefinitionBuilder _owner;
    private readonly TimeoutSpec[] _specs;

    internal TimeoutTargetBuilder(JourneyDefinitionBuilder owner, TimeoutSpec[] specs)
    {
        _owner = owner;
        _specs = specs;
    }

    /// <summary>Sets the stage an inactive customer moves to and returns to the definition builder.</summary>
    /// <param name="stage">The target stage, e.g. <see cref="JourneyStage.Dormant"/>.</param>
    /// <returns>The definition builder.</returns>
    public JourneyDefinitionBuilder To(JourneyStage stage)
    {
        stage.EnsureNotEmpty(nameof(stage));
        foreach (var spec in _specs)
        {
            spec.To = stage;
        }

        return _owner;
    }
}
