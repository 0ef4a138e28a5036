using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>The source of a transition or timeout being declared; continue with <see cref="On"/> or <see cref="After"/>.</summary>
public sealed class TransitionSourceBuilder
{
    private readonly JourneyDefinitionBuilder _owner;
    private readonly JourneyStage?[] _sources;

    internal TransitionSourceBuilder(JourneyDefinitionBuilder owner, JourneyStage?[] sources)
    {
        _owner = owner;
        _sources = sources;
    }

    /// <summary>Declares the trigger the transition fires on.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>A builder for an optional guard and the target.</returns>
    public TransitionTargetBuilder On(JourneyTrigger trigger)
    {
        trigger.EnsureNotEmpty(nameof(trigger));
        return new TransitionTargetBuilder(_owner, [.. _sources.Select(s => _owner.AddTransition(s, trigger))]);
    }

    /// <summary>Declares an inactivity timeout: after this long without an interaction (and in the stage), move on.</summary>
    /// <param name="after">How long; positive.</param>
    /// <returns>A builder for the target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is zero or negative.</exception>
    public TimeoutTargetBuilder After(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        return new TimeoutTargetBuilder(_owner, [.. _sources.Select(s => _owner.AddTimeout(s, after))]);
    }
}
