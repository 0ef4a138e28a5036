using System.Text;
using CsCheck;
using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

/// <summary>
/// Invariants of the compiled machine over random definitions, random trigger sequences and random interactions:
/// it never leaves its stages, it agrees with a straightforward interpreter of its declared transitions, and the
/// projected journey does not depend on arrival order or duplicates.
/// </summary>
public sealed class JourneyPropertyTests
{
    private static readonly string[] GuardNames = ["csat>=3", "nps>=5", "succeeded", "a day in stage"];

    private static readonly TransitionGuard[] Guards =
    [
        (in TransitionContext c) => c.Signals.Csat >= 3,
        (in TransitionContext c) => c.Signals.Nps >= 5,
        (in TransitionContext c) => c.Outcome == InteractionOutcome.Succeeded,
        (in TransitionContext c) => c.TimeInStage >= TimeSpan.FromDays(1),
    ];

    private static readonly string[] Kinds = [.. InteractionClassifier.Default.Mappings.Keys.Order(StringComparer.Ordinal), "email_open", "app_crash"];

    /// <summary>A random interaction context: random outcome, survey answers (sometimes absent) and time in stage; sometimes no interaction at all.</summary>
    private static readonly Gen<TransitionContext> GenContext =
        Gen.Frequency(
            (1, Gen.Const(TransitionContext.None)),
            (6, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[-1, 10], Gen.Int[0, 72], (outcome, csat, nps, hours) =>
                new TransitionContext(
                    TestData.At("ctx", 0, "context", (InteractionOutcome)outcome, new InteractionSignals { Csat = csat == 0 ? null : csat, Nps = nps < 0 ? null : nps }),
                    TimeSpan.FromHours(hours)))));

    private static readonly Gen<GeneratedJourney> GenJourney =
        from stageCount in Gen.Int[2, 7]
        from triggerCount in Gen.Int[1, 4]
        from terminalRolls in Gen.Int[0, 3].Array[stageCount]
        from transitions in Gen.Select(Gen.Int[-1, stageCount - 1], Gen.Int[0, triggerCount - 1], Gen.Int[0, stageCount - 1], Gen.Int[-1, Guards.Length - 1]).Array[0, 16]
        from timeouts in Gen.Select(Gen.Int[-1, stageCount - 1], Gen.Int[0, stageCount - 1], Gen.Int[1, 30]).Array[0, 4]
        select GeneratedJourney.Create(stageCount, triggerCount, terminalRolls, transitions, timeouts);

    [Fact]
    public void Random_trigger_sequences_on_the_default_journey_never_leave_its_stages()
    {
        var definition = DefaultJourney.Definition;
        var classifier = DefaultJourney.Classifier;
        var genInteraction = Gen.Select(Gen.Int[0, Kinds.Length - 1], GenContext, (kind, context) => (Kind: Kinds[kind], Context: context));

        genInteraction.Array[1, 60].Sample(steps =>
        {
            var stage = definition.InitialStageIndex;
            foreach (var (kind, context) in steps)
            {
                var interaction = TestData.At("e", 0, kind, context.Outcome, context.Signals);
                if (!classifier.TryClassify(interaction, out var trigger) || !definition.TryGetTriggerIndex(trigger, out var index))
                {
                    continue;
                }

                var fireContext = new TransitionContext(interaction, context.TimeInStage);
                var moved = definition.TryFire(stage, index, in fireContext, out var next);
                AssertInside(definition, stage, moved, next);
                Assert.Equal(Reference.Fire(definition, definition.GetStage(stage), trigger, in fireContext), moved ? definition.GetStage(next) : null);
                stage = next;
            }
        });
    }

    [Fact]
    public void Random_trigger_sequences_on_random_definitions_never_leave_their_stages()
    {
        Gen.Select(GenJourney, Gen.Select(Gen.Int[0, 1_000], GenContext).Array[1, 40]).Sample((generated, steps) =>
        {
            var definition = generated.Definition;
            var stage = definition.InitialStageIndex;
            foreach (var (roll, context) in steps)
            {
                var trigger = new TriggerIndex(roll % definition.Triggers.Count);
                var moved = definition.TryFire(stage, trigger, in context, out var next);
                AssertInside(definition, stage, moved, next);
                stage = next;
            }
        }, iter: 300);
    }

    [Fact]
    public void The_compiled_table_agrees_with_a_reference_interpreter_of_the_declared_transitions()
    {
        Gen.Select(GenJourney, GenContext.Array[1, 6]).Sample((generated, contexts) =>
        {
            var definition = generated.Definition;
            for (var s = 0; s < definition.Stages.Count; s++)
            {
                var stage = definition.Stages[s];
                Assert.Equal(definition.TerminalStages.Contains(stage), definition.IsTerminal(new StageIndex(s)));
                Assert.Equal(Reference.PermittedTriggers(definition, stage), definition.GetPermittedTriggers(stage));

                for (var t = 0; t < definition.Triggers.Count; t++)
                {
                    var trigger = definition.Triggers[t];
                    foreach (var context in contexts)
                    {
                        var expected = Reference.Fire(definition, stage, trigger, in context);
                        var moved = definition.TryFire(new StageIndex(s), new TriggerIndex(t), in context, out var next);
                        Assert.Equal(expected, moved ? definition.GetStage(next) : null);
                        Assert.Equal(moved, definition.TryFire(stage, trigger, in context, out var byName));
                        Assert.Equal(expected ?? stage, byName);
                    }
                }
            }
        }, iter: 300);
    }

    [Fact]
    public void The_effective_timeouts_agree_with_the_declared_ones()
    {
        GenJourney.Sample(generated =>
        {
            var definition = generated.Definition;
            for (var s = 0; s < definition.Stages.Count; s++)
            {
                var expected = generated.ExpectedTimeout(s);
                var has = definition.TryGetTimeout(new StageIndex(s), out var after, out var target);
                Assert.Equal(expected is not null, has);
                if (expected is { } e)
                {
                    Assert.Equal((TimeSpan.FromDays(e.Days), e.To), (after, target.Value));
                }
            }
        });
    }

    [Fact]
    public void The_projected_journey_does_not_depend_on_arrival_order_or_duplicates()
    {
        var projector = new JourneyProjector(DefaultJourney.Definition, DefaultJourney.Classifier);
        var asOf = TestData.T0.AddDays(800);
        var genInteraction = Gen.Select(Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 700], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[-1, 10]);
        var genCase =
            from specs in genInteraction.Array[0, 30]
            let interactions = specs.Select((x, i) => TestData.At(
                $"e-{i}",
                x.Item2,
                Kinds[x.Item1],
                (InteractionOutcome)x.Item3,
                new InteractionSignals { Csat = x.Item4 == 0 ? null : x.Item4, Nps = x.Item5 < 0 ? null : x.Item5 })).ToArray()
            from duplicates in Gen.Int[0, Math.Max(0, interactions.Length - 1)].Array[0, interactions.Length == 0 ? 0 : 5]
            from shuffled in Gen.Shuffle(interactions.Concat(duplicates.Select(d => interactions[d])).ToArray())
            select (interactions, shuffled);

        genCase.Sample((interactions, shuffled) =>
        {
            var expected = projector.Project(TestData.Customer, interactions, asOf);
            var actual = projector.Project(TestData.Customer, shuffled, asOf);

            Assert.Equal(expected.StageHistory, actual.StageHistory);
            Assert.Equal(expected.Interactions.Select(i => i.Id), actual.Interactions.Select(i => i.Id));
            Assert.Equal(interactions.Length, actual.Interactions.Count);
            Assert.Equal(expected.CurrentStage, actual.CurrentStage);
        });
    }

    private static void AssertInside(JourneyDefinition definition, StageIndex stage, bool moved, StageIndex next)
    {
        Assert.InRange(next.Value, 0, definition.Stages.Count - 1);
        Assert.Contains(definition.GetStage(next), definition.Stages);
        if (!moved || definition.IsTerminal(stage))
        {
            Assert.Equal(stage, next);
        }
    }

    /// <summary>The resolution rules of JourneyDefinitionBuilder, interpreted directly over the public Transitions list.</summary>
    private static class Reference
    {
        public static JourneyStage? Fire(JourneyDefinition definition, JourneyStage stage, JourneyTrigger trigger, in TransitionContext context)
        {
            if (definition.TerminalStages.Contains(stage))
            {
                return null;
            }

            foreach (var scope in new JourneyStage?[] { stage, null })
            {
                var candidates = definition.Transitions.Where(t => t.From == scope && t.Trigger == trigger).ToList();
                foreach (var guarded in candidates.Where(t => t.Guard is not null))
                {
                    if (guarded.Guard!(in context))
                    {
                        return guarded.To;
                    }
                }

                if (candidates.FirstOrDefault(t => t.Guard is null) is { } fallback)
                {
                    return fallback.To;
                }
            }

            return null;
        }

        public static JourneyTrigger[] PermittedTriggers(JourneyDefinition definition, JourneyStage stage) =>
            definition.TerminalStages.Contains(stage)
                ? []
                : [.. definition.Triggers.Where(trigger => definition.Transitions.Any(t => t.Trigger == trigger && (t.From is null || t.From == stage)))];
    }

    /// <summary>A random valid definition and the declared timeouts it was built from.</summary>
    private sealed class GeneratedJourney
    {
        private readonly List<(int From, int To, int Days)> _timeouts;
        private readonly bool[] _terminal;
        private readonly string _description;

        private GeneratedJourney(JourneyDefinition definition, List<(int From, int To, int Days)> timeouts, bool[] terminal, string description)
        {
            Definition = definition;
            _timeouts = timeouts;
            _terminal = terminal;
            _description = description;
        }

        public JourneyDefinition Definition { get; }

        public static GeneratedJourney Create(
            int stageCount,
            int triggerCount,
            int[] terminalRolls,
            (int From, int Trigger, int To, int Guard)[] transitions,
            (int From, int To, int Days)[] timeouts)
        {
            var stages = Enumerable.Range(0, stageCount).Select(i => new JourneyStage($"S{i}")).ToArray();
            var triggers = Enumerable.Range(0, triggerCount).Select(i => new JourneyTrigger($"T{i}")).ToArray();
            var terminal = terminalRolls.Select((roll, i) => i > 0 && roll == 0).ToArray();
            var text = new StringBuilder($"Stages(S0..S{stageCount - 1}).InitialStage(S0)");
            var builder = new JourneyDefinitionBuilder("random").Stages(stages).InitialStage(stages[0]);
            for (var i = 0; i < stageCount; i++)
            {
                if (terminal[i])
                {
                    builder.TerminalStage(stages[i]);
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $".TerminalStage(S{i})");
                }
            }

            // Keep the random transitions that make a valid definition: none from a terminal stage, at most one
            // unguarded and one per guard for each (source, trigger).
            var declared = new HashSet<(int, int, int)>();
            var keptTransitions = new List<(int From, int To)>();
            var reached = new HashSet<int> { 0 };
            foreach (var (from, trigger, to, guard) in transitions)
            {
                if ((from >= 0 && terminal[from]) || !declared.Add((from, trigger, guard)))
                {
                    continue;
                }

                var source = from < 0 ? builder.FromAny() : builder.From(stages[from]);
                var target = source.On(triggers[trigger]);
                if (guard >= 0)
                {
                    target.When(Guards[guard], GuardNames[guard]);
                }

                target.To(stages[to]);
                keptTransitions.Add((from, to));
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $".From({(from < 0 ? "any" : $"S{from}")}).On(T{trigger}){(guard < 0 ? string.Empty : $".When({GuardNames[guard]})")}.To(S{to})");
            }

            var kept = new List<(int From, int To, int Days)>();
            foreach (var (from, to, days) in timeouts)
            {
                if ((from >= 0 && (terminal[from] || from == to)) || kept.Any(k => k.From == from))
                {
                    continue;
                }

                kept.Add((from, to, days));
                (from < 0 ? builder.FromAny() : builder.From(stages[from])).After(TimeSpan.FromDays(days)).To(stages[to]);
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $".From({(from < 0 ? "any" : $"S{from}")}).After({days}d).To(S{to})");
            }

            // Reachability over the kept transitions only (a subset of what Build() follows), then connect every stage
            // still unreached from the initial stage with a dedicated trigger.
            bool changed;
            do
            {
                changed = false;
                foreach (var (from, to) in keptTransitions)
                {
                    var applies = from < 0 ? reached.Any(r => !terminal[r]) : reached.Contains(from);
                    if (applies && reached.Add(to))
                    {
                        changed = true;
                    }
                }
            }
            while (changed);

            for (var i = 1; i < stageCount; i++)
            {
                if (!reached.Contains(i))
                {
                    builder.From(stages[0]).On(new JourneyTrigger($"Reach{i}")).To(stages[i]);
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $".From(S0).On(Reach{i}).To(S{i})");
                }
            }

            return new GeneratedJourney(builder.Build(), kept, terminal, text.ToString());
        }

        /// <summary>The timeout a stage should have: its own, else the FromAny one unless the stage is its target; none when terminal.</summary>
        public (int To, int Days)? ExpectedTimeout(int stage)
        {
            if (_terminal[stage])
            {
                return null;
            }

            foreach (var (from, to, days) in _timeouts)
            {
                if (from == stage)
                {
                    return (to, days);
                }
            }

            foreach (var (from, to, days) in _timeouts)
            {
                if (from < 0 && to != stage)
                {
                    return (to, days);
                }
            }

            return null;
        }

        public override string ToString() => _description;
    }
}
