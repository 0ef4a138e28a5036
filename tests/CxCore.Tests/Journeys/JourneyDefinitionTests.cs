using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

/// <summary>TryFire semantics, timeouts, introspection and immutability of the compiled definition.</summary>
public sealed class JourneyDefinitionTests
{
    private static readonly JourneyStage A = new("A");
    private static readonly JourneyStage B = new("B");
    private static readonly JourneyStage C = new("C");
    private static readonly JourneyStage X = new("X");
    private static readonly JourneyTrigger T = new("T");
    private static readonly JourneyTrigger U = new("U");
    private static readonly JourneyTrigger Unused = new("Unused");

    private static readonly TransitionGuard Csat4 = (in TransitionContext c) => c.Signals.Csat >= 4;
    private static readonly TransitionGuard Csat2 = (in TransitionContext c) => c.Signals.Csat >= 2;

    private static JourneyDefinitionBuilder ABC() => new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A);

    private static TransitionContext Csat(int csat) => TestData.Context(csat: csat);

    private static JourneyStage Fire(JourneyDefinition definition, JourneyStage from, JourneyTrigger trigger, TransitionContext context = default)
    {
        var moved = definition.TryFire(from, trigger, in context, out var next);
        Assert.Equal(moved, definition.TryFire(definition.GetStageIndex(from), definition.GetTriggerIndex(trigger), in context, out var byIndex));
        Assert.Equal(next, definition.GetStage(byIndex));
        return moved ? next : throw new InvalidOperationException($"No transition from {from} on {trigger}.");
    }

    private static bool Moves(JourneyDefinition definition, JourneyStage from, JourneyTrigger trigger, TransitionContext context = default)
    {
        var moved = definition.TryFire(from, trigger, in context, out var next);
        if (!moved)
        {
            Assert.Equal(from, next);
        }

        return moved;
    }

    [Fact]
    public void An_unguarded_transition_moves_to_its_target()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(T).To(C).Build();

        Assert.Equal(B, Fire(definition, A, T));
        Assert.Equal(C, Fire(definition, B, T));
    }

    [Fact]
    public void A_trigger_without_a_transition_from_the_stage_does_not_move_and_returns_the_same_stage()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        Assert.False(Moves(definition, A, U));
        Assert.False(definition.TryFire(definition.GetStageIndex(C), definition.GetTriggerIndex(T), TransitionContext.None, out var next));
        Assert.Equal(definition.GetStageIndex(C), next);
    }

    [Fact]
    public void A_self_transition_applies_and_stays_in_the_stage()
    {
        var definition = ABC().From(A).On(T).To(A).From(A).On(U).To(B).From(B).On(U).To(C).Build();

        Assert.Equal(A, Fire(definition, A, T));
    }

    [Fact]
    public void Guarded_transitions_are_tried_in_declaration_order()
    {
        var definition = ABC().From(A).On(T).When(Csat4, "very happy").To(B).From(A).On(T).When(Csat2, "happy enough").To(C).Build();

        Assert.Equal(B, Fire(definition, A, T, Csat(5)));
        Assert.Equal(C, Fire(definition, A, T, Csat(3)));
        Assert.False(Moves(definition, A, T, Csat(1)));
        Assert.False(Moves(definition, A, T, TransitionContext.None));
    }

    [Fact]
    public void Declaration_order_decides_when_several_guards_hold()
    {
        var definition = ABC().From(A).On(T).When(Csat2, "happy enough").To(C).From(A).On(T).When(Csat4, "very happy").To(B).Build();

        Assert.Equal(C, Fire(definition, A, T, Csat(5)));
    }

    [Fact]
    public void The_unguarded_transition_is_the_fallback_even_when_declared_first()
    {
        var definition = ABC().From(A).On(T).To(C).From(A).On(T).When(Csat4, "very happy").To(B).Build();

        Assert.Equal(B, Fire(definition, A, T, Csat(5)));
        Assert.Equal(C, Fire(definition, A, T, Csat(1)));
    }

    [Fact]
    public void A_FromAny_transition_applies_to_every_stage()
    {
        var definition = ABC().FromAny().On(T).To(C).From(A).On(U).To(B).Build();

        Assert.Equal(C, Fire(definition, A, T));
        Assert.Equal(C, Fire(definition, B, T));
        Assert.Equal(C, Fire(definition, C, T));
    }

    [Fact]
    public void A_specific_transition_takes_precedence_over_FromAny()
    {
        var definition = ABC().FromAny().On(T).To(C).From(A).On(T).To(B).Build();

        Assert.Equal(B, Fire(definition, A, T));
        Assert.Equal(C, Fire(definition, B, T));
    }

    [Fact]
    public void A_specific_unguarded_transition_beats_a_guarded_FromAny_transition()
    {
        var definition = ABC().FromAny().On(T).When(Csat4, "very happy").To(C).From(A).On(T).To(B).Build();

        Assert.Equal(B, Fire(definition, A, T, Csat(5)));
        Assert.Equal(C, Fire(definition, B, T, Csat(5)));
        Assert.False(Moves(definition, B, T, Csat(1)));
    }

    [Fact]
    public void When_the_specific_guards_fail_the_FromAny_transitions_apply()
    {
        var definition = ABC()
            .From(A).On(T).When(Csat4, "very happy").To(B)
            .FromAny().On(T).When(Csat2, "happy enough").To(A)
            .FromAny().On(T).To(C)
            .Build();

        Assert.Equal(B, Fire(definition, A, T, Csat(5)));
        Assert.Equal(A, Fire(definition, A, T, Csat(3)));
        Assert.Equal(C, Fire(definition, A, T, Csat(1)));
    }

    [Fact]
    public void FromAny_transitions_do_not_apply_to_terminal_stages()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, X).InitialStage(A).TerminalStage(X)
            .FromAny().On(T).To(B)
            .From(A).On(U).To(X)
            .Build();

        Assert.Equal(B, Fire(definition, A, T));
        Assert.True(definition.IsTerminal(definition.GetStageIndex(X)));
        Assert.False(Moves(definition, X, T));
        Assert.Empty(definition.GetPermittedTriggers(X));
    }

    [Fact]
    public void Guards_see_the_interaction_and_the_time_in_stage()
    {
        TransitionGuard settled = (in TransitionContext c) => c.TimeInStage >= TimeSpan.FromDays(7) && c.Interaction?.Kind == "review";
        var definition = ABC().From(A).On(T).When(settled, "settled").To(B).From(A).On(U).To(C).Build();

        Assert.True(Moves(definition, A, T, new TransitionContext(TestData.At("e-1", 0, "review"), TimeSpan.FromDays(7))));
        Assert.False(Moves(definition, A, T, new TransitionContext(TestData.At("e-1", 0, "review"), TimeSpan.FromDays(6))));
        Assert.False(Moves(definition, A, T, new TransitionContext(TestData.At("e-1", 0, "rating"), TimeSpan.FromDays(8))));
    }

    [Fact]
    public void The_empty_context_has_no_interaction_unknown_outcome_and_no_signals()
    {
        var none = TransitionContext.None;

        Assert.Null(none.Interaction);
        Assert.Equal(InteractionOutcome.Unknown, none.Outcome);
        Assert.True(none.Signals.IsEmpty);
        Assert.Equal(TimeSpan.Zero, none.TimeInStage);
    }

    [Theory]
    [InlineData(-1, 0, "stage")]
    [InlineData(3, 0, "stage")]
    [InlineData(0, -1, "trigger")]
    [InlineData(0, 2, "trigger")]
    [InlineData(int.MinValue, 0, "stage")]
    public void TryFire_with_an_index_not_issued_by_the_definition_throws(int stage, int trigger, string paramName)
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => definition.TryFire(new StageIndex(stage), new TriggerIndex(trigger), TransitionContext.None, out _));
        Assert.Equal(paramName, e.ParamName);
        Assert.StartsWith(
            paramName == "stage" ? "Stage index must be between 0 and 2 for journey 'j'." : "Trigger index must be between 0 and 1 for journey 'j'.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Other_index_based_members_reject_bad_stage_indexes()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => definition.GetStage(new StageIndex(3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => definition.IsTerminal(new StageIndex(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => definition.TryGetTimeout(new StageIndex(99), out _, out _));
    }

    [Fact]
    public void Firing_by_name_with_a_trigger_the_definition_does_not_use_does_not_move()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        Assert.False(definition.TryFire(A, Unused, TransitionContext.None, out var next));
        Assert.Equal(A, next);
        Assert.False(definition.TryFire(A, default, TransitionContext.None, out _));
    }

    [Fact]
    public void Firing_by_name_from_a_stage_outside_the_definition_throws_listing_its_stages()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        var e = Assert.Throws<ArgumentException>(() => definition.TryFire(X, T, TransitionContext.None, out _));
        Assert.Equal("stage", e.ParamName);
        Assert.StartsWith("Stage 'X' is not part of journey 'j'; its stages are: A, B, C.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_lookups_succeed_for_members_and_fail_for_strangers()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        Assert.Equal(new StageIndex(1), definition.GetStageIndex(B));
        Assert.Equal(new TriggerIndex(1), definition.GetTriggerIndex(U));
        Assert.Equal(new StageIndex(0), definition.InitialStageIndex);
        Assert.False(definition.TryGetStageIndex(X, out var noStage));
        Assert.Equal(-1, noStage.Value);
        Assert.False(definition.TryGetStageIndex(default, out _));
        Assert.False(definition.TryGetTriggerIndex(Unused, out var noTrigger));
        Assert.Equal(-1, noTrigger.Value);
        Assert.False(definition.TryGetTriggerIndex(default, out _));

        var e = Assert.Throws<ArgumentException>(() => definition.GetTriggerIndex(Unused));
        Assert.StartsWith("Trigger 'Unused' is not used by journey 'j'; its triggers are: T, U.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_timeout_is_reported_with_its_duration_and_target()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).After(TimeSpan.FromDays(3)).To(C).Build();

        Assert.True(definition.TryGetTimeout(definition.GetStageIndex(B), out var after, out var target));
        Assert.Equal(TimeSpan.FromDays(3), after);
        Assert.Equal(C, definition.GetStage(target));

        Assert.False(definition.TryGetTimeout(definition.GetStageIndex(A), out var none, out var same));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.Equal(definition.GetStageIndex(A), same);
    }

    [Fact]
    public void A_FromAny_timeout_applies_to_every_stage_except_its_target()
    {
        var definition = ABC().From(A).On(T).To(B).FromAny().After(TimeSpan.FromDays(30)).To(C).Build();

        Assert.True(definition.TryGetTimeout(definition.GetStageIndex(A), out var afterA, out var targetA));
        Assert.Equal((TimeSpan.FromDays(30), C), (afterA, definition.GetStage(targetA)));
        Assert.True(definition.TryGetTimeout(definition.GetStageIndex(B), out _, out var targetB));
        Assert.Equal(C, definition.GetStage(targetB));
        Assert.False(definition.TryGetTimeout(definition.GetStageIndex(C), out _, out _));
    }

    [Fact]
    public void A_stage_timeout_overrides_the_FromAny_timeout()
    {
        var definition = ABC().From(A).On(T).To(B)
            .FromAny().After(TimeSpan.FromDays(30)).To(C)
            .From(A).After(TimeSpan.FromDays(5)).To(B)
            .Build();

        Assert.True(definition.TryGetTimeout(definition.GetStageIndex(A), out var after, out var target));
        Assert.Equal(TimeSpan.FromDays(5), after);
        Assert.Equal(B, definition.GetStage(target));
        Assert.Equal(
            [new TimeoutInfo(A, TimeSpan.FromDays(5), B), new TimeoutInfo(B, TimeSpan.FromDays(30), C)],
            definition.Timeouts);
    }

    [Fact]
    public void A_FromAny_timeout_does_not_apply_to_terminal_stages()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, X).InitialStage(A).TerminalStage(X)
            .From(A).On(T).To(X).From(A).On(U).To(B)
            .FromAny().After(TimeSpan.FromDays(1)).To(B)
            .Build();

        Assert.False(definition.TryGetTimeout(definition.GetStageIndex(X), out _, out _));
        Assert.True(definition.TryGetTimeout(definition.GetStageIndex(A), out _, out _));
    }

    [Fact]
    public void Introspection_lists_stages_triggers_transitions_and_terminal_stages_as_declared()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, C, X).InitialStage(A).TerminalStage(X)
            .From(A).On(U).When(Csat4, "very happy").To(B)
            .From(A, B).On(T).To(C)
            .FromAny().On(U).To(X)
            .Build();

        Assert.Equal([A, B, C, X], definition.Stages);
        Assert.Equal([U, T], definition.Triggers);
        Assert.Equal([X], definition.TerminalStages);
        Assert.Equal(
            [
                new TransitionInfo(A, U, B, Csat4, "very happy"),
                new TransitionInfo(A, T, C, null, null),
                new TransitionInfo(B, T, C, null, null),
                new TransitionInfo(null, U, X, null, null),
            ],
            definition.Transitions);
        Assert.Empty(definition.Timeouts);
    }

    [Fact]
    public void Permitted_triggers_include_guarded_and_FromAny_transitions_in_trigger_order()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, C, X).InitialStage(A).TerminalStage(X)
            .From(A).On(U).When(Csat4, "very happy").To(B)
            .From(A, B).On(T).To(C)
            .From(C).On(new JourneyTrigger("V")).To(X)
            .Build();

        Assert.Equal([U, T], definition.GetPermittedTriggers(A));
        Assert.Equal([T], definition.GetPermittedTriggers(B));
        Assert.Equal([new JourneyTrigger("V")], definition.GetPermittedTriggers(C));
        Assert.Empty(definition.GetPermittedTriggers(X));

        var withAny = ABC().From(A).On(T).To(B).FromAny().On(U).To(C).Build();
        Assert.Equal([T, U], withAny.GetPermittedTriggers(A));
        Assert.Equal([U], withAny.GetPermittedTriggers(B));
        Assert.Throws<ArgumentException>(() => withAny.GetPermittedTriggers(X));
    }

    [Fact]
    public void Changing_the_builder_after_Build_does_not_change_the_built_definition()
    {
        var builder = ABC().From(A).On(T).To(B);
        var pending = builder.From(B).On(U);
        pending.To(C);
        var definition = builder.Build();

        pending.To(A);
        builder.Stage(X).From(C).On(T).To(X).TerminalStage(X).InitialStage(B);
        builder.From(A).After(TimeSpan.FromDays(1)).To(C);

        Assert.Equal([A, B, C], definition.Stages);
        Assert.Equal(A, definition.InitialStage);
        Assert.Empty(definition.TerminalStages);
        Assert.Empty(definition.Timeouts);
        Assert.Equal(2, definition.Transitions.Count);
        Assert.Equal(C, Fire(definition, B, U));
        Assert.False(Moves(definition, C, T));

        var rebuilt = builder.Build();
        Assert.Equal(A, Fire(rebuilt, B, U));
        Assert.Equal(X, Fire(rebuilt, C, T));
    }

    [Fact]
    public void The_lists_a_definition_exposes_cannot_be_modified_through_a_cast()
    {
        var definition = ABC().From(A).On(T).To(B).From(B).On(U).To(C).Build();

        Assert.ThrowsAny<NotSupportedException>(() => ((IList<JourneyStage>)definition.Stages)[0] = X);
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<JourneyTrigger>)definition.Triggers)[0] = Unused);
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<TransitionInfo>)definition.Transitions)[0] = new TransitionInfo(null, T, C, null, null));
        Assert.ThrowsAny<NotSupportedException>(() => ((IList<JourneyTrigger>)definition.GetPermittedTriggers(A))[0] = Unused);
        Assert.Equal(A, definition.Stages[0]);
        Assert.Equal(B, Fire(definition, A, T));
    }

    [Fact]
    public void TryFire_by_index_does_not_allocate()
    {
        var definition = DefaultJourney.Definition;
        var use = definition.GetStageIndex(JourneyStage.Use);
        var purchase = definition.GetStageIndex(JourneyStage.Purchase);
        var reviewed = definition.GetTriggerIndex(JourneyTrigger.Reviewed);
        var delivered = definition.GetTriggerIndex(JourneyTrigger.Delivered);
        var context = new TransitionContext(TestData.At("e-1", 0, "review", signals: new InteractionSignals { Nps = 10 }), TimeSpan.FromDays(3));
        var moves = 0;

        void FireMany()
        {
            for (var i = 0; i < 1_000; i++)
            {
                moves += definition.TryFire(use, reviewed, in context, out _) ? 1 : 0;
                moves += definition.TryFire(purchase, delivered, in context, out _) ? 1 : 0;
                moves += definition.TryFire(JourneyStage.Use, JourneyTrigger.Reviewed, in context, out _) ? 1 : 0;
            }
        }

        FireMany();
        var before = GC.GetAllocatedBytesForCurrentThread();
        FireMany();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(6_000, moves);
    }

    [Fact]
    public void A_definition_can_be_fired_from_many_threads_at_once()
    {
        var definition = DefaultJourney.Definition;
        var positive = TestData.Context(csat: 5);
        var negative = TestData.Context(csat: 1);
        var wrong = 0;

        Parallel.For(0, 20_000, i =>
        {
            var context = i % 2 == 0 ? positive : negative;
            var expected = i % 2 == 0 ? JourneyStage.Advocacy : JourneyStage.Support;
            if (!definition.TryFire(JourneyStage.Use, JourneyTrigger.Reviewed, in context, out var next) || next != expected)
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }
}
