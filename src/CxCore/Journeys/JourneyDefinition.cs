using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// A compiled journey-stage state machine: immutable, thread-safe, shared by every customer. Firing a trigger is a
/// lookup in a dense stage × trigger table and does not allocate. Create one with <see cref="JourneyDefinitionBuilder"/>
/// or take <see cref="DefaultJourney.Definition"/>.
/// </summary>
/// <example>
/// <code>
/// var journey = DefaultJourney.Definition;
/// var purchase = journey.GetStageIndex(JourneyStage.Purchase);
/// var delivered = journey.GetTriggerIndex(JourneyTrigger.Delivered);
/// journey.TryFire(purchase, delivered, TransitionContext.None, out var next); // true; journey.GetStage(next) == JourneyStage.Use
/// </code>
/// </example>
public sealed class JourneyDefinition
{
    private const int NoTransition = -1;

    // _table[stage * _triggerCount + trigger]: >= 0 target stage; -1 none; <= -2 guarded group (-2 - index into _groups).
    private readonly int[] _table;
    private readonly GuardedGroup[] _groups;
    private readonly int _triggerCount;
    private readonly long[] _timeoutTicks; // 0 = no timeout
    private readonly int[] _timeoutTarget;
    private readonly bool[] _terminal;
    private readonly FrozenDictionary<JourneyStage, int> _stageIndex;
    private readonly FrozenDictionary<JourneyTrigger, int> _triggerIndex;
    private readonly JourneyStage[] _stages;
    private readonly IReadOnlyList<JourneyTrigger>[] _permitted;

    private JourneyDefinition(
        string name,
        JourneyStage[] stages,
        JourneyTrigger[] triggers,
        int initial,
        bool[] terminal,
        int[] table,
        GuardedGroup[] groups,
        long[] timeoutTicks,
        int[] timeoutTarget,
        TransitionInfo[] transitions)
    {
        Name = name;
        // The arrays stay private; callers get read-only views, so a cast cannot change a shared definition.
        _stages = stages;
        Stages = Array.AsReadOnly(stages);
        Triggers = Array.AsReadOnly(triggers);
        InitialStage = stages[initial];
        _terminal = terminal;
        _table = table;
        _groups = groups;
        _triggerCount = triggers.Length;
        _timeoutTicks = timeoutTicks;
        _timeoutTarget = timeoutTarget;
        Transitions = Array.AsReadOnly(transitions);
        _stageIndex = stages.Select((s, i) => KeyValuePair.Create(s, i)).ToFrozenDictionary();
        _triggerIndex = triggers.Select((t, i) => KeyValuePair.Create(t, i)).ToFrozenDictionary();
        TerminalStages = [.. stages.Where((_, i) => terminal[i])];
        Timeouts = [.. Enumerable.Range(0, stages.Length)
            .Where(i => timeoutTicks[i] != 0)
            .Select(i => new TimeoutInfo(stages[i], TimeSpan.FromTicks(timeoutTicks[i]), stages[timeoutTarget[i]]))];
        _permitted = [.. Enumerable.Range(0, stages.Length).Select(s => Array.AsReadOnly(triggers.Where((_, t) => table[(s * triggers.Length) + t] != NoTransition).ToArray()))];
    }

    /// <summary>The definition's name.</summary>
    public string Name { get; }

    /// <summary>The stages, in declaration order; a stage's position is its <see cref="StageIndex"/>.</summary>
    public IReadOnlyList<JourneyStage> Stages { get; }

    /// <summary>The triggers used by any transition, in first-use order; a trigger's position is its <see cref="TriggerIndex"/>.</summary>
    public IReadOnlyList<JourneyTrigger> Triggers { get; }

    /// <summary>The stage every journey starts in.</summary>
    public JourneyStage InitialStage { get; }

    /// <summary>The stages a journey never leaves.</summary>
    public IReadOnlyList<JourneyStage> TerminalStages { get; }

    /// <summary>The transitions as declared (a <see cref="TransitionInfo.From"/> of null means from any non-terminal stage).</summary>
    public IReadOnlyList<TransitionInfo> Transitions { get; }

    /// <summary>The effective inactivity timeout of each stage that has one.</summary>
    public IReadOnlyList<TimeoutInfo> Timeouts { get; }

    /// <summary>The index of the initial stage.</summary>
    public StageIndex InitialStageIndex => new(_stageIndex[InitialStage]);

    /// <summary>Returns the index of a declared stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">The stage is not part of this definition.</exception>
    public StageIndex GetStageIndex(JourneyStage stage) =>
        TryGetStageIndex(stage, out var index)
            ? index
            : throw new ArgumentException($"Stage '{stage}' is not part of journey '{Name}'; its stages are: {string.Join(", ", Stages)}.", nameof(stage));

    /// <summary>Looks up the index of a stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="index">Its index, when part of this definition.</param>
    /// <returns>True when the stage is part of this definition.</returns>
    public bool TryGetStageIndex(JourneyStage stage, out StageIndex index)
    {
        if (stage.Name is not null && _stageIndex.TryGetValue(stage, out var i))
        {
            index = new StageIndex(i);
            return true;
        }

        index = new StageIndex(-1);
        return false;
    }

    /// <summary>Returns the index of a trigger used by this definition.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">No transition of this definition uses the trigger.</exception>
    public TriggerIndex GetTriggerIndex(JourneyTrigger trigger) =>
        TryGetTriggerIndex(trigger, out var index)
            ? index
            : throw new ArgumentException($"Trigger '{trigger}' is not used by journey '{Name}'; its triggers are: {string.Join(", ", Triggers)}.", nameof(trigger));

    /// <summary>Looks up the index of a trigger.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="index">Its index, when used by this definition.</param>
    /// <returns>True when a transition of this definition uses the trigger.</returns>
    public bool TryGetTriggerIndex(JourneyTrigger trigger, out TriggerIndex index)
    {
        if (trigger.Name is not null && _triggerIndex.TryGetValue(trigger, out var i))
        {
            index = new TriggerIndex(i);
            return true;
        }

        index = new TriggerIndex(-1);
        return false;
    }

    /// <summary>The stage at <paramref name="index"/>.</summary>
    /// <param name="index">An index issued by this definition.</param>
    /// <returns>The stage.</returns>
    public JourneyStage GetStage(StageIndex index) => _stages[CheckStage(index)];

    /// <summary>Whether <paramref name="stage"/> is terminal.</summary>
    /// <param name="stage">An index issued by this definition.</param>
    /// <returns>True when a journey never leaves the stage.</returns>
    public bool IsTerminal(StageIndex stage) => _terminal[CheckStage(stage)];

    /// <summary>
    /// Fires <paramref name="trigger"/> in <paramref name="stage"/>: a table lookup, plus guard calls for guarded
    /// transitions. Does not allocate.
    /// </summary>
    /// <param name="stage">The current stage.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What guards may look at.</param>
    /// <param name="next">The new stage when a transition applies (possibly the same stage); otherwise <paramref name="stage"/>.</param>
    /// <returns>True when a transition applied.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index was not issued by this definition.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryFire(StageIndex stage, TriggerIndex trigger, in TransitionContext context, out StageIndex next)
    {
        if ((uint)stage.Value >= (uint)_stages.Length || (uint)trigger.Value >= (uint)_triggerCount)
        {
            ThrowBadIndex(stage, trigger);
        }

        var entry = _table[(stage.Value * _triggerCount) + trigger.Value];
        if (entry >= 0)
        {
            next = new StageIndex(entry);
            return true;
        }

        if (entry == NoTransition)
        {
            next = stage;
            return false;
        }

        return FireGuarded(_groups[-2 - entry], stage, in context, out next);
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> in <paramref name="stage"/> by name. Two dictionary lookups more than the
    /// index overload; still allocation-free. A trigger this definition does not use never moves the customer.
    /// </summary>
    /// <param name="stage">The current stage; must be part of this definition.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="context">What guards may look at.</param>
    /// <param name="next">The new stage when a transition applies; otherwise <paramref name="stage"/>.</param>
    /// <returns>True when a transition applied.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is not part of this definition.</exception>
    public bool TryFire(JourneyStage stage, JourneyTrigger trigger, in TransitionContext context, out JourneyStage next)
    {
        var from = GetStageIndex(stage);
        if (TryGetTriggerIndex(trigger, out var t) && TryFire(from, t, in context, out var to))
        {
            next = _stages[to.Value];
            return true;
        }

        next = stage;
        return false;
    }

    /// <summary>The inactivity timeout of <paramref name="stage"/>, if it has one.</summary>
    /// <param name="stage">An index issued by this definition.</param>
    /// <param name="after">How long without interaction before it fires.</param>
    /// <param name="target">Where the customer moves.</param>
    /// <returns>True when the stage has a timeout.</returns>
    public bool TryGetTimeout(StageIndex stage, out TimeSpan after, out StageIndex target)
    {
        var s = CheckStage(stage);
        var ticks = _timeoutTicks[s];
        after = TimeSpan.FromTicks(ticks);
        target = new StageIndex(ticks == 0 ? s : _timeoutTarget[s]);
        return ticks != 0;
    }

    /// <summary>The triggers that can move a customer out of (or within) <paramref name="stage"/>, guarded or not.</summary>
    /// <param name="stage">A stage of this definition.</param>
    /// <returns>The triggers, in <see cref="Triggers"/> order.</returns>
    public IReadOnlyList<JourneyTrigger> GetPermittedTriggers(JourneyStage stage) => _permitted[GetStageIndex(stage).Value];

    /// <summary>Exports the definition as a Mermaid <c>stateDiagram-v2</c>.</summary>
    /// <returns>The diagram source.</returns>
    public string ToMermaid() => JourneyDiagram.ToMermaid(this);

    /// <summary>Exports the definition as a Graphviz DOT digraph.</summary>
    /// <returns>The diagram source.</returns>
    public string ToDot() => JourneyDiagram.ToDot(this);

    /// <summary>The effective transitions out of each stage, with <c>FromAny</c> expanded: what the table encodes.</summary>
    internal IEnumerable<(JourneyStage From, JourneyTrigger Trigger, JourneyStage To, string? Guard)> EffectiveEdges()
    {
        for (var s = 0; s < Stages.Count; s++)
        {
            for (var t = 0; t < _triggerCount; t++)
            {
                var entry = _table[(s * _triggerCount) + t];
                if (entry >= 0)
                {
                    yield return (Stages[s], Triggers[t], Stages[entry], null);
                }
                else if (entry != NoTransition)
                {
                    var group = _groups[-2 - entry];
                    for (var g = 0; g < group.Guards.Length; g++)
                    {
                        yield return (Stages[s], Triggers[t], Stages[group.Targets[g]], group.Descriptions[g]);
                    }

                    if (group.Fallback >= 0)
                    {
                        yield return (Stages[s], Triggers[t], Stages[group.Fallback], null);
                    }
                }
            }
        }
    }

    internal static JourneyDefinition Compile(
        string name,
        JourneyStage[] stages,
        JourneyStage? initial,
        JourneyStage[] terminal,
        TransitionSpec[] transitions,
        TimeoutSpec[] timeouts)
    {
        var errors = JourneyValidator.Validate(stages, initial, terminal, transitions, timeouts);
        if (errors.Count > 0)
        {
            throw new JourneyDefinitionException(name, errors);
        }

        var stageIndex = stages.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var triggers = transitions.Select(t => t.Trigger).Distinct().ToArray();
        var triggerIndex = triggers.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        var isTerminal = stages.Select(terminal.Contains).ToArray();

        var table = new int[stages.Length * triggers.Length];
        Array.Fill(table, NoTransition);
        var groups = new List<GuardedGroup>();
        for (var s = 0; s < stages.Length; s++)
        {
            if (isTerminal[s])
            {
                continue;
            }

            for (var t = 0; t < triggers.Length; t++)
            {
                // Most specific first: this stage's guarded, this stage's fallback, then FromAny's guarded and fallback.
                var candidates = transitions.Where(x => x.From == stages[s] && x.Trigger == triggers[t])
                    .OrderBy(x => x.Guard is null)
                    .Concat(transitions.Where(x => x.From is null && x.Trigger == triggers[t]).OrderBy(x => x.Guard is null))
                    .ToList();
                var firstUnguarded = candidates.FindIndex(x => x.Guard is null);
                if (firstUnguarded >= 0)
                {
                    candidates.RemoveRange(firstUnguarded + 1, candidates.Count - firstUnguarded - 1);
                }

                if (candidates.Count == 0)
                {
                    continue;
                }

                if (candidates.Count == 1 && candidates[0].Guard is null)
                {
                    table[(s * triggers.Length) + t] = stageIndex[candidates[0].To!.Value];
                    continue;
                }

                var guarded = candidates.Where(x => x.Guard is not null).ToArray();
                groups.Add(new GuardedGroup(
                    [.. guarded.Select(x => x.Guard!)],
                    [.. guarded.Select(x => stageIndex[x.To!.Value])],
                    [.. guarded.Select(x => x.GuardDescription!)],
                    firstUnguarded >= 0 ? stageIndex[candidates[firstUnguarded].To!.Value] : NoTransition));
                table[(s * triggers.Length) + t] = -2 - (groups.Count - 1);
            }
        }

        var timeoutTicks = new long[stages.Length];
        var timeoutTarget = new int[stages.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            var own = timeouts.FirstOrDefault(x => x.From == stages[s]);
            var any = timeouts.FirstOrDefault(x => x.From is null && x.To != stages[s]);
            if (!isTerminal[s] && (own ?? any) is { } timeout)
            {
                timeoutTicks[s] = timeout.After.Ticks;
                timeoutTarget[s] = stageIndex[timeout.To!.Value];
            }
        }

        var infos = transitions.Select(x => new TransitionInfo(x.From, x.Trigger, x.To!.Value, x.Guard, x.GuardDescription)).ToArray();
        return new JourneyDefinition(name, stages, triggers, stageIndex[initial!.Value], isTerminal, table, [.. groups], timeoutTicks, timeoutTarget, infos);
    }

    private static bool FireGuarded(GuardedGroup group, StageIndex stage, in TransitionContext context, out StageIndex next)
    {
        var guards = group.Guards;
        for (var i = 0; i < guards.Length; i++)
        {
            if (guards[i](in context))
            {
                next = new StageIndex(group.Targets[i]);
                return true;
            }
        }

        if (group.Fallback >= 0)
        {
            next = new StageIndex(group.Fallback);
            return true;
        }

        next = stage;
        return false;
    }

    private int CheckStage(StageIndex stage)
    {
        if ((uint)stage.Value >= (uint)_stages.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage.Value, $"Stage index must be between 0 and {_stages.Length - 1} for journey '{Name}'.");
        }

        return stage.Value;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBadIndex(StageIndex stage, TriggerIndex trigger)
    {
        CheckStage(stage);
        throw new ArgumentOutOfRangeException(nameof(trigger), trigger.Value, $"Trigger index must be between 0 and {_triggerCount - 1} for journey '{Name}'.");
    }

    private sealed record GuardedGroup(TransitionGuard[] Guards, int[] Targets, string[] Descriptions, int Fallback);
}
