using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Finds each customer's best attempt for one <see cref="FunnelAnalysis.Analyze"/> call, reusing its buffers from one
/// customer to the next (one instance per call; not thread-safe).
/// </summary>
/// <remarks>
/// A customer's timeline is kept only as far as it can matter: events that match no step and no exclusion are
/// dropped (in strict mode every interaction is kept, since any interaction breaks the chain; stage entries are
/// transparent there and are kept only when they match), and stage entries are read only when a step or an exclusion
/// is a stage entry. Dropping events does not change the relative order of the others, so every attempt finds the
/// same steps as over the full timeline (docs/analytics.md, "Rules"). What each kept event matches is computed once,
/// as bit masks (steps ≤ <see cref="FunnelDefinition.MaxSteps"/> = 32 bits; exclusions 64 bits, the last bit
/// standing for "exclusion 63 or later, check again").
/// </remarks>
internal sealed class FunnelEvaluator
{
    private const int KindCacheSize = 64;

    // DateTimeOffset.MaxValue: a window running past it ends there, as DateTimeOffset arithmetic would.
    private static readonly long MaxTicks = DateTimeOffset.MaxValue.UtcTicks;

    private readonly FunnelStep[] _steps;
    private readonly FunnelExclusion[] _exclusions;
    private readonly int _stepCount;
    private readonly bool _strict;
    private readonly bool _unordered;
    private readonly bool _readsStages;
    private readonly long _from;
    private readonly long _to;
    private readonly long _window;
    private readonly Func<Interaction, bool>? _keepInteraction;

    // Kind steps only: what an interaction of a kind matches, cached by string reference (kinds are few and shared).
    private readonly bool _kindsOnly;
    private readonly string?[] _kindKeys = new string?[KindCacheSize];
    private readonly (uint Steps, ulong Exclusions)[] _kindMasks = new (uint, ulong)[KindCacheSize];
    private int _kindCount;

    // The current customer's kept events, in timeline order.
    private long[] _times = new long[64];
    private uint[] _stepMasks = new uint[64];
    private ulong[] _exclusionMasks = new ulong[64];
    private int[] _sources = new int[64]; // index into Interactions, or ~index into StageHistory
    private int _count;
    private Journey _journey = null!;
    private long _touched; // keeps Touch's reads from being optimised away

    private readonly int[] _attempt;
    private readonly int[] _best;
    private readonly int[] _eventOfStep;

    public FunnelEvaluator(FunnelDefinition funnel, TimeRange range, AnalyticsFilter filter)
    {
        _steps = [.. funnel.Steps];
        _exclusions = [.. funnel.Exclusions];
        _stepCount = _steps.Length;
        _strict = funnel.Mode == FunnelMode.Strict;
        _unordered = funnel.Mode == FunnelMode.Unordered;
        _readsStages = _steps.Any(s => s.Stage is not null) || _exclusions.Any(e => e.Step.Stage is not null);
        _kindsOnly = _steps.All(s => s.Stage is not null || s.KindValue is not null) && _exclusions.All(e => e.Step.Stage is not null || e.Step.KindValue is not null);
        _from = range.From.UtcTicks;
        _to = range.To.UtcTicks;
        _window = funnel.Window.Ticks;
        _keepInteraction = filter.Interactions;
        _attempt = new int[_stepCount];
        _best = new int[_stepCount];
        _eventOfStep = new int[_stepCount];
    }

    /// <summary>Step count of the best attempt (0 if none), after <see cref="Evaluate"/>.</summary>
    public int Level { get; private set; }

    /// <summary>Whether every attempt of the customer was ruled out by an exclusion, after <see cref="Evaluate"/>.</summary>
    public bool Excluded { get; private set; }

    /// <summary>Time (UTC ticks) of step <paramref name="k"/> of the best attempt.</summary>
    public long StepTime(int k) => _times[_best[k]];

    /// <summary>Reads what <see cref="Evaluate"/> will read of each interaction of <paramref name="journey"/>, without branching on it (see FunnelAnalysis.Prefetched).</summary>
    public void Touch(Journey? journey)
    {
        if (journey is null)
        {
            return;
        }

        var interactions = journey.Interactions;
        var sink = 0L;
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            sink ^= interaction.Timestamp.UtcTicks ^ interaction.Kind.Length;
        }

        _touched ^= sink;
    }

    /// <summary>Evaluates every attempt of <paramref name="journey"/> and keeps the one that gets furthest (the earliest such).</summary>
    public void Evaluate(Journey journey)
    {
        _journey = journey;
        Load(journey);
        var bestLevel = 0;
        var anyAttempt = false;
        for (var s = 0; s < _count; s++)
        {
            if (_unordered ? _stepMasks[s] == 0 : (_stepMasks[s] & 1) == 0)
            {
                continue;
            }

            anyAttempt = true;
            var deadline = _times[s] > MaxTicks - _window ? MaxTicks : _times[s] + _window;
            var level = _unordered ? Unordered(s, deadline) : Sequential(s, deadline);
            if (_exclusions.Length > 0 && IsExcluded(level, deadline))
            {
                continue;
            }

            if (level > bestLevel)
            {
                bestLevel = level;
                Array.Copy(_attempt, _best, level);
                if (level == _stepCount)
                {
                    break;
                }
            }
        }

        Level = bestLevel;
        Excluded = bestLevel == 0 && anyAttempt;
    }

    /// <summary>The interaction of the best attempt's first event (for a stage entry, the interaction that caused it, if the journey holds it).</summary>
    public Interaction? StartInteraction()
    {
        var source = _sources[_best[0]];
        if (source >= 0)
        {
            return _journey.Interactions[source];
        }

        if (_journey.StageHistory[~source].InteractionId is not { } id)
        {
            return null;
        }

        foreach (var interaction in _journey.Interactions)
        {
            if (interaction.Id == id)
            {
                return interaction;
            }
        }

        return null;
    }

    /// <summary>The kept events in timeline order: interactions, and stage entries after the interactions at the same instant.</summary>
    private void Load(Journey journey)
    {
        _count = 0;
        var interactions = journey.Interactions;
        var history = _readsStages ? journey.StageHistory : [];
        var v = NextStage(history, 0);
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            var time = interaction.Timestamp.UtcTicks;
            if (time < _from || time >= _to)
            {
                continue;
            }

            if (_keepInteraction is not null && !_keepInteraction(interaction))
            {
                continue;
            }

            // Stage entries strictly before this interaction come first; on equal times the interaction goes first.
            while (v < history.Count && history[v].EnteredAt.UtcTicks < time)
            {
                AddStage(history[v], v);
                v = NextStage(history, v + 1);
            }

            var (steps, exclusions) = Masks(interaction);
            if (steps != 0 || exclusions != 0 || _strict)
            {
                Add(time, steps, exclusions, i);
            }
        }

        for (; v < history.Count; v = NextStage(history, v + 1))
        {
            AddStage(history[v], v);
        }
    }

    /// <summary>The first stage visit from <paramref name="v"/> on that enters inside the range.</summary>
    private int NextStage(IReadOnlyList<StageVisit> history, int v)
    {
        while (v < history.Count && (history[v].EnteredAt.UtcTicks < _from || history[v].EnteredAt.UtcTicks >= _to))
        {
            v++;
        }

        return v;
    }

    private void AddStage(StageVisit visit, int index)
    {
        uint steps = 0;
        for (var k = 0; k < _stepCount; k++)
        {
            if (_steps[k].Stage == visit.Stage)
            {
                steps |= 1u << k;
            }
        }

        ulong exclusions = 0;
        for (var x = 0; x < _exclusions.Length; x++)
        {
            if (_exclusions[x].Step.Stage == visit.Stage)
            {
                exclusions |= 1ul << Math.Min(x, 63);
            }
        }

        if (steps != 0 || exclusions != 0)
        {
            Add(visit.EnteredAt.UtcTicks, steps, exclusions, ~index);
        }
    }

    private void Add(long time, uint steps, ulong exclusions, int source)
    {
        if (_count == _times.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _times, size);
            Array.Resize(ref _stepMasks, size);
            Array.Resize(ref _exclusionMasks, size);
            Array.Resize(ref _sources, size);
        }

        _times[_count] = time;
        _stepMasks[_count] = steps;
        _exclusionMasks[_count] = exclusions;
        _sources[_count] = source;
        _count++;
    }

    /// <summary>What steps and exclusions an interaction matches (a stage-entry step never matches an interaction).</summary>
    private (uint Steps, ulong Exclusions) Masks(Interaction interaction)
    {
        if (!_kindsOnly)
        {
            return Compute(interaction);
        }

        var kind = interaction.Kind;
        for (var c = 0; c < _kindCount; c++)
        {
            if (ReferenceEquals(_kindKeys[c], kind))
            {
                return _kindMasks[c];
            }
        }

        var masks = Compute(interaction);
        if (_kindCount < KindCacheSize)
        {
            _kindKeys[_kindCount] = kind;
            _kindMasks[_kindCount] = masks;
            _kindCount++;
        }

        return masks;
    }

    private (uint Steps, ulong Exclusions) Compute(Interaction interaction)
    {
        uint steps = 0;
        for (var k = 0; k < _stepCount; k++)
        {
            if (_steps[k].Stage is null && _steps[k].MatchesInteraction(interaction))
            {
                steps |= 1u << k;
            }
        }

        ulong exclusions = 0;
        for (var x = 0; x < _exclusions.Length; x++)
        {
            if (_exclusions[x].Step.Stage is null && _exclusions[x].Step.MatchesInteraction(interaction))
            {
                exclusions |= 1ul << Math.Min(x, 63);
            }
        }

        return (steps, exclusions);
    }

    /// <summary>Ordered / strict: from start s, for each next step the earliest matching event (greedy is optimal for subsequences).</summary>
    private int Sequential(int s, long deadline)
    {
        _attempt[0] = s;
        var level = 1;
        var position = s + 1;
        for (var k = 1; k < _stepCount; k++)
        {
            var bit = 1u << k;
            var found = -1;
            for (var j = position; j < _count && _times[j] <= deadline; j++)
            {
                if ((_stepMasks[j] & bit) != 0)
                {
                    found = j;
                    break;
                }

                // Strict: any other interaction breaks the chain; stage entries are consequences of interactions, not events of their own.
                if (_strict && _sources[j] >= 0)
                {
                    break;
                }
            }

            if (found < 0)
            {
                break;
            }

            _attempt[level++] = found;
            position = found + 1;
        }

        return level;
    }

    /// <summary>Unordered: a maximum matching of events to distinct steps (Kuhn), grown one event at a time; level k is reached when the matching first has k + 1 pairs.</summary>
    private int Unordered(int s, long deadline)
    {
        Array.Fill(_eventOfStep, -1);
        var size = 0;
        for (var j = s; j < _count && _times[j] <= deadline && size < _stepCount; j++)
        {
            uint visited = 0;
            if (Augment(j, ref visited))
            {
                _attempt[size++] = j;
            }
        }

        return size;
    }

    private bool Augment(int e, ref uint visited)
    {
        for (var k = 0; k < _stepCount; k++)
        {
            var bit = 1u << k;
            if ((_stepMasks[e] & bit) == 0 || (visited & bit) != 0)
            {
                continue;
            }

            visited |= bit;
            if (_eventOfStep[k] < 0 || Augment(_eventOfStep[k], ref visited))
            {
                _eventOfStep[k] = e;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an exclusion event lies strictly between step i and step i + 1 of the attempt (or after step i until the window closes, if step i + 1 was not reached).</summary>
    private bool IsExcluded(int level, long deadline)
    {
        for (var x = 0; x < _exclusions.Length; x++)
        {
            var i = _exclusions[x].AfterStep;
            if (i >= level)
            {
                continue;
            }

            var bit = 1ul << Math.Min(x, 63);
            var end = i + 1 < level ? _attempt[i + 1] : _count;
            for (var j = _attempt[i] + 1; j < end && _times[j] <= deadline; j++)
            {
                if ((_exclusionMasks[j] & bit) != 0 && (x < 63 || MatchesExclusion(x, j)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Exclusions from 63 on share the mask's last bit; this checks the one asked about.</summary>
    private bool MatchesExclusion(int x, int j)
    {
        var step = _exclusions[x].Step;
        var source = _sources[j];
        return source >= 0
            ? step.Stage is null && step.MatchesInteraction(_journey.Interactions[source])
            : step.Stage == _journey.StageHistory[~source].Stage;
    }
}
