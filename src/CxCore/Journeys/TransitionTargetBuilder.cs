using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>A transition being declared; add an optional guard with <see cref="When"/>, then finish with <see cref="To"/>.</summary>
public sealed class TransitionTargetBuilder
{
    private readonly JourneyDefinitionBuilder _owner;
    private readonly TransitionSpec[] _specs;

    internal TransitionTargetBuilder(JourneyDefinitionBuilder owner, TransitionSpec[] specs)
    {
        _owner = owner;
        _specs = specs;
    }

    /// <summary>Allows the transition only when <paramref name="guard"/> returns true.</summary>
    /// <param name="guard">The condition; pure, fast and thread-safe.</param>
    /// <param name="description">What the guard checks, in a few words (shown in messages and diagrams).</param>
    /// <returns>This builder.</returns>
    public TransitionTargetBuilder When(TransitionGuard guard, string description)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        foreach (var spec in _specs)
        {
            if (spec.Guard is not null)
            {
                throw new InvalidOperationException($"{spec.Describe()} already has a guard; combine the conditions in one guard.");
            }

            spec.Guard = guard;
            spec.GuardDescription = description;
        }

        return this;
    }

    /// <summary>Sets the stage the transition leads to and returns to the definition builder.</summary>
    /// <param name="stage">The target stage.</param>
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
