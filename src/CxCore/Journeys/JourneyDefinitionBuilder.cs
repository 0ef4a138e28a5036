using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Describes a journey-stage state machine: its stages, initial and terminal stages, trigger-driven transitions
/// (optionally guarded, optionally from any stage) and inactivity timeouts. <see cref="Build"/> validates the whole
/// description once and compiles it into an immutable, thread-safe <see cref="JourneyDefinition"/>.
/// </summary>
/// <remarks>
/// Resolution order when a trigger fires in a stage: the transitions declared <c>From</c> that stage, guarded ones in
/// declaration order and then the unguarded one; if none applies, the same for the transitions declared with
/// <see cref="FromAny"/>. <see cref="FromAny"/> never applies to terminal stages.
/// </remarks>
/// <example>
/// <code>
/// var journey = new JourneyDefinitionBuilder("subscription")
///     .Stages(trial, active, lapsed)
///     .InitialStage(trial)
///     .From(trial).On(JourneyTrigger.Purchased).To(active)
///     .From(active).After(TimeSpan.FromDays(35)).To(lapsed)
///     .From(lapsed).On(JourneyTrigger.Purchased).To(active)
///     .Build();
/// </code>
/// </example>
public sealed class JourneyDefinitionBuilder
{
    private readonly List<JourneyStage> _stages = [];
    private readonly List<JourneyStage> _terminal = [];
    private readonly List<TransitionSpec> _transitions = [];
    private readonly List<TimeoutSpec> _timeouts = [];
    private JourneyStage? _initial;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="name">The definition's name, used in messages and exports.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public JourneyDefinitionBuilder(string name = "journey")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The definition's name.</summary>
    public string Name { get; }

    /// <summary>Declares a stage. Declaring a stage twice is harmless.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>This builder.</returns>
    public JourneyDefinitionBuilder Stage(JourneyStage stage)
    {
        stage.EnsureNotEmpty(nameof(stage));
        if (!_stages.Contains(stage))
        {
            _stages.Add(stage);
        }

        return this;
    }

    /// <summary>Declares several stages, in the order they should be listed in exports and introspection.</summary>
    /// <param name="stages">The stages.</param>
    /// <returns>This builder.</returns>
    public JourneyDefinitionBuilder Stages(params JourneyStage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var stage in stages)
        {
            Stage(stage);
        }

        return this;
    }

    /// <summary>Sets the stage every journey starts in.</summary>
    /// <param name="stage">A declared stage.</param>
    /// <returns>This builder.</returns>
    public JourneyDefinitionBuilder InitialStage(JourneyStage stage)
    {
        _initial = stage.EnsureNotEmpty(nameof(stage));
        return this;
    }

    /// <summary>Marks a stage as terminal: once there, a journey never leaves (no transitions, no timeouts).</summary>
    /// <param name="stage">A declared stage.</param>
    /// <returns>This builder.</returns>
    public JourneyDefinitionBuilder TerminalStage(JourneyStage stage)
    {
        stage.EnsureNotEmpty(nameof(stage));
        if (!_terminal.Contains(stage))
        {
            _terminal.Add(stage);
        }

        return this;
    }

    /// <summary>Starts a transition or timeout from one or more stages.</summary>
    /// <param name="stages">The source stages (at least one).</param>
    /// <returns>A builder for the trigger or the timeout.</returns>
    public TransitionSourceBuilder From(params JourneyStage[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Length == 0)
        {
            throw new ArgumentException("From needs at least one stage; use FromAny() for every stage.", nameof(stages));
        }

        foreach (var stage in stages)
        {
            stage.EnsureNotEmpty(nameof(stages));
        }

        return new TransitionSourceBuilder(this, [.. stages.Select(s => (JourneyStage?)s)]);
    }

    /// <summary>
    /// Starts a transition or timeout from every non-terminal stage. Transitions declared with <see cref="From"/> for a
    /// stage take precedence; a timeout declared for a stage replaces this one, and the target itself is exempt.
    /// </summary>
    /// <returns>A builder for the trigger or the timeout.</returns>
    public TransitionSourceBuilder FromAny() => new(this, [null]);

    /// <summary>Validates the description and compiles it.</summary>
    /// <returns>The immutable, thread-safe definition.</returns>
    /// <exception cref="JourneyDefinitionException">The description is invalid; <see cref="JourneyDefinitionException.Errors"/> lists every problem.</exception>
    public JourneyDefinition Build() => JourneyDefinition.Compile(
        Name,
        [.. _stages],
        _initial,
        [.. _terminal],
        [.. _transitions.Select(t => t with { })],
        [.. _timeouts.Select(t => t with { })]);

    internal TransitionSpec AddTransition(JourneyStage? from, JourneyTrigger trigger)
    {
        var spec = new TransitionSpec(_transitions.Count + 1, from, trigger);
        _transitions.Add(spec);
        return spec;
    }

    internal TimeoutSpec AddTimeout(JourneyStage? from, TimeSpan after)
    {
        var spec = new TimeoutSpec(_timeouts.Count + 1, from, after);
        _timeouts.Add(spec);
        return spec;
    }
}
