using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

/// <summary>Build() validation: one test per problem, asserting the precise sentence reported.</summary>
public sealed class JourneyDefinitionBuilderTests
{
    private static readonly JourneyStage A = new("A");
    private static readonly JourneyStage B = new("B");
    private static readonly JourneyStage C = new("C");
    private static readonly JourneyTrigger T = new("T");
    private static readonly JourneyTrigger U = new("U");

    private static readonly TransitionGuard HighCsat = (in TransitionContext c) => c.Signals.Csat >= 4;
    private static readonly TransitionGuard Succeeded = (in TransitionContext c) => c.Outcome == InteractionOutcome.Succeeded;

    private static JourneyDefinitionBuilder AB() => new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A);

    private static string SingleError(JourneyDefinitionBuilder builder)
    {
        var e = Assert.Throws<JourneyDefinitionException>(builder.Build);
        Assert.Equal(builder.Name, e.DefinitionName);
        return Assert.Single(e.Errors);
    }

    [Fact]
    public void A_minimal_valid_definition_builds()
    {
        var definition = AB().From(A).On(T).To(B).Build();

        Assert.Equal("j", definition.Name);
        Assert.Equal([A, B], definition.Stages);
        Assert.Equal(A, definition.InitialStage);
    }

    [Fact]
    public void No_stages_reports_both_the_missing_stages_and_the_missing_initial_stage()
    {
        var e = Assert.Throws<JourneyDefinitionException>(new JourneyDefinitionBuilder("empty").Build);

        Assert.Equal(
            ["No stages are declared; declare them with Stage(…) or Stages(…).", "No initial stage; call InitialStage(…) with one of: (none)."],
            e.Errors);
    }

    [Fact]
    public void No_initial_stage_is_reported_with_the_declared_stages()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B).From(A).On(T).To(B);

        Assert.Equal("No initial stage; call InitialStage(…) with one of: 'A', 'B'.", SingleError(builder));
    }

    [Fact]
    public void An_unknown_transition_target_is_reported_with_the_declared_stages()
    {
        var builder = AB().From(A).On(T).To(C);

        Assert.Equal(
            "Unknown stage 'C' used as the target of transition #1 (From 'A' On 'T' To 'C'); declared stages: 'A', 'B'.",
            SingleError(builder));
    }

    [Fact]
    public void An_unknown_stage_that_differs_only_in_case_gets_a_did_you_mean_hint()
    {
        var builder = AB().From(A).On(T).To(new JourneyStage("b"));

        Assert.Equal(
            "Unknown stage 'b' used as the target of transition #1 (From 'A' On 'T' To 'b'); declared stages: 'A', 'B'. Did you mean 'B'?",
            SingleError(builder));
    }

    [Fact]
    public void An_unknown_transition_source_is_reported()
    {
        var builder = AB().From(A).On(T).To(B).From(C).On(T).To(B);

        Assert.Equal(
            "Unknown stage 'C' used as the source of transition #2 (From 'C' On 'T' To 'B'); declared stages: 'A', 'B'.",
            SingleError(builder));
    }

    [Fact]
    public void An_unknown_initial_stage_is_reported()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(C).From(A).On(T).To(B);

        Assert.Equal("Unknown stage 'C' used as the initial stage of the definition; declared stages: 'A', 'B'.", SingleError(builder));
    }

    [Fact]
    public void An_unknown_terminal_stage_is_reported()
    {
        var builder = AB().From(A).On(T).To(B).TerminalStage(C);

        Assert.Equal("Unknown stage 'C' used as a terminal stage of the definition; declared stages: 'A', 'B'.", SingleError(builder));
    }

    [Fact]
    public void An_unknown_timeout_target_is_reported()
    {
        var builder = AB().From(A).On(T).To(B).From(A).After(TimeSpan.FromDays(1)).To(C);

        Assert.Equal(
            "Unknown stage 'C' used as the target of timeout #1 (From 'A' After 1d To 'C'); declared stages: 'A', 'B'.",
            SingleError(builder));
    }

    [Fact]
    public void A_stage_unreachable_from_the_initial_stage_is_reported()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A).From(A).On(T).To(B);

        Assert.Equal(
            "Stage 'C' is unreachable from the initial stage 'A'; add a transition or timeout into it, or remove it.",
            SingleError(builder));
    }

    [Fact]
    public void Stages_reachable_only_from_an_unreachable_stage_are_unreachable_too()
    {
        var d = new JourneyStage("D");
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C, d).InitialStage(A)
            .From(A).On(T).To(B)
            .From(C).On(T).To(d);

        var e = Assert.Throws<JourneyDefinitionException>(builder.Build);
        Assert.Equal(
            [
                "Stage 'C' is unreachable from the initial stage 'A'; add a transition or timeout into it, or remove it.",
                "Stage 'D' is unreachable from the initial stage 'A'; add a transition or timeout into it, or remove it.",
            ],
            e.Errors);
    }

    [Fact]
    public void A_stage_reachable_only_through_a_timeout_or_a_FromAny_transition_is_reachable()
    {
        new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A).From(A).After(TimeSpan.FromDays(1)).To(B).Build();
        new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A).FromAny().On(T).To(B).Build();
        new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A).FromAny().After(TimeSpan.FromDays(1)).To(B).Build();
    }

    [Fact]
    public void A_stage_reachable_only_through_a_guarded_transition_is_reachable() =>
        AB().From(A).On(T).When(HighCsat, "happy").To(B).Build();

    [Fact]
    public void A_FromAny_timeout_does_not_make_its_target_reachable_from_itself_only()
    {
        // The target of a FromAny timeout is exempt from it, so a stage entered only by that timeout is still reachable
        // from the others; but a stage nobody can enter stays unreachable.
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A).From(B).On(T).To(C).FromAny().After(TimeSpan.FromDays(1)).To(A);

        Assert.Equal(2, Assert.Throws<JourneyDefinitionException>(builder.Build).Errors.Count);
    }

    [Fact]
    public void Two_unguarded_transitions_from_the_same_stage_on_the_same_trigger_are_ambiguous()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A).From(A).On(T).To(B).From(A).On(T).To(C);

        Assert.Equal(
            "Ambiguous transition: from 'A' on 'T' is declared 2 times without a guard (#1 to 'B', #2 to 'C'); give all but one a guard with When(…), or remove the duplicates.",
            SingleError(builder));
    }

    [Fact]
    public void A_multi_source_declaration_that_overlaps_another_is_ambiguous_for_the_shared_stage()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A)
            .From(A).On(U).To(B)
            .From(A, B).On(T).To(C)
            .From(A).On(T).To(B);

        Assert.Equal(
            "Ambiguous transition: from 'A' on 'T' is declared 2 times without a guard (#2 to 'C', #4 to 'B'); give all but one a guard with When(…), or remove the duplicates.",
            SingleError(builder));
    }

    [Fact]
    public void Two_unguarded_FromAny_transitions_on_the_same_trigger_are_ambiguous()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A).FromAny().On(T).To(B).FromAny().On(T).To(C);

        Assert.Equal(
            "Ambiguous transition: from any stage on 'T' is declared 2 times without a guard (#1 to 'B', #2 to 'C'); give all but one a guard with When(…), or remove the duplicates.",
            SingleError(builder));
    }

    [Fact]
    public void The_same_guard_twice_is_ambiguous()
    {
        var builder = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A)
            .From(A).On(T).When(HighCsat, "happy").To(B)
            .From(A).On(T).When(HighCsat, "happy").To(C);

        Assert.Equal(
            "Ambiguous transition: from 'A' on 'T' is declared 2 times with the same guard 'happy' (#1 to 'B', #2 to 'C'); the guards must distinguish them.",
            SingleError(builder));
    }

    [Fact]
    public void Different_guards_and_an_unguarded_fallback_on_the_same_trigger_are_not_ambiguous()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, C).InitialStage(A)
            .From(A).On(T).When(HighCsat, "happy").To(B)
            .From(A).On(T).When(Succeeded, "succeeded").To(C)
            .From(A).On(T).To(A)
            .Build();

        Assert.Equal(3, definition.Transitions.Count);
    }

    [Fact]
    public void The_same_trigger_from_a_stage_and_from_any_stage_is_not_ambiguous() =>
        AB().From(A).On(T).To(B).FromAny().On(T).To(A).Build();

    [Fact]
    public void A_transition_without_a_target_is_reported()
    {
        var builder = AB().From(A).On(U).To(B);
        builder.From(A).On(T);

        Assert.Equal("Missing target: transition #2 (From 'A' On 'T') has no target stage; finish it with To(…).", SingleError(builder));
    }

    [Fact]
    public void A_guarded_transition_without_a_target_names_its_guard()
    {
        var builder = AB().From(A).On(U).To(B);
        builder.From(A).On(T).When(HighCsat, "happy");

        Assert.Equal("Missing target: transition #2 (From 'A' On 'T' When 'happy') has no target stage; finish it with To(…).", SingleError(builder));
    }

    [Fact]
    public void A_timeout_without_a_target_is_reported()
    {
        var builder = AB().From(A).On(T).To(B);
        builder.From(B).After(TimeSpan.FromHours(36));

        Assert.Equal("Timeout target missing: timeout #1 (From 'B' After 36h) has no target stage; finish it with To(…).", SingleError(builder));
    }

    [Fact]
    public void A_timeout_back_to_its_own_stage_is_reported()
    {
        var builder = AB().From(A).On(T).To(B).From(B).After(TimeSpan.FromMinutes(90)).To(B);

        Assert.Equal(
            "Timeout #1 (From 'B' After 90min To 'B') leads back to the same stage; a timeout must move the customer elsewhere.",
            SingleError(builder));
    }

    [Fact]
    public void Two_timeouts_from_one_stage_are_reported()
    {
        var builder = AB().From(A).On(T).To(B)
            .From(B).After(TimeSpan.FromDays(1)).To(A)
            .From(B).After(TimeSpan.FromSeconds(90)).To(A);

        Assert.Equal("Ambiguous timeout: 'B' has 2 timeouts (#1, #2); a stage may have one.", SingleError(builder));
    }

    [Fact]
    public void Two_FromAny_timeouts_are_reported()
    {
        var builder = AB().From(A).On(T).To(B)
            .FromAny().After(TimeSpan.FromDays(1)).To(A)
            .FromAny().After(TimeSpan.FromDays(2)).To(B);

        Assert.Equal("Ambiguous timeout: any stage has 2 timeouts (#1, #2); a stage may have one.", SingleError(builder));
    }

    [Fact]
    public void A_transition_from_a_terminal_stage_is_reported()
    {
        var builder = AB().TerminalStage(B).From(A).On(T).To(B).From(B).On(U).To(A);

        Assert.Equal(
            "Terminal stage 'B' cannot have outgoing transitions, but transition #2 (From 'B' On 'U' To 'A') leaves it.",
            SingleError(builder));
    }

    [Fact]
    public void A_timeout_from_a_terminal_stage_is_reported()
    {
        var builder = AB().TerminalStage(B).From(A).On(T).To(B).From(B).After(TimeSpan.FromDays(1)).To(A);

        Assert.Equal("Terminal stage 'B' cannot time out, but timeout #1 (From 'B' After 1d To 'A') leaves it.", SingleError(builder));
    }

    [Fact]
    public void An_initial_stage_that_is_also_terminal_is_reported()
    {
        var builder = new JourneyDefinitionBuilder("j").Stage(A).InitialStage(A).TerminalStage(A);

        Assert.Equal("The initial stage 'A' is also terminal, so no journey could ever move.", SingleError(builder));
    }

    [Fact]
    public void A_FromAny_transition_or_timeout_into_a_terminal_stage_is_valid()
    {
        var definition = AB().TerminalStage(B).FromAny().On(T).To(B).FromAny().After(TimeSpan.FromDays(1)).To(B).Build();

        Assert.Equal([B], definition.TerminalStages);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_one_exception()
    {
        var builder = AB()
            .From(A).On(T).To(C)
            .From(A).On(U).To(B)
            .From(A).On(U).To(A);
        builder.From(B).After(TimeSpan.FromDays(1));

        var e = Assert.Throws<JourneyDefinitionException>(builder.Build);

        string[] expected =
        [
            "Unknown stage 'C' used as the target of transition #1 (From 'A' On 'T' To 'C'); declared stages: 'A', 'B'.",
            "Ambiguous transition: from 'A' on 'U' is declared 2 times without a guard (#2 to 'B', #3 to 'A'); give all but one a guard with When(…), or remove the duplicates.",
            "Timeout target missing: timeout #1 (From 'B' After 1d) has no target stage; finish it with To(…).",
        ];
        Assert.Equal(expected, e.Errors);
        Assert.Equal(
            $"The journey definition 'j' is invalid (3 problems):{Environment.NewLine} - {expected[0]}{Environment.NewLine} - {expected[1]}{Environment.NewLine} - {expected[2]}",
            e.Message);
    }

    [Fact]
    public void A_single_problem_is_the_whole_message()
    {
        var e = Assert.Throws<JourneyDefinitionException>(new JourneyDefinitionBuilder("solo").Stage(A).Build);

        Assert.Equal("The journey definition 'solo' is invalid: No initial stage; call InitialStage(…) with one of: 'A'.", e.Message);
    }

    [Fact]
    public void A_timeout_duration_that_is_not_whole_minutes_is_shown_in_constant_format()
    {
        var builder = AB().From(A).On(T).To(B);
        builder.From(B).After(TimeSpan.FromSeconds(90));

        Assert.Equal("Timeout target missing: timeout #1 (From 'B' After 00:01:30) has no target stage; finish it with To(…).", SingleError(builder));
    }

    [Fact]
    public void Declaring_a_stage_twice_is_harmless()
    {
        var definition = AB().Stage(A).Stages(B, A).From(A).On(T).To(B).Build();

        Assert.Equal([A, B], definition.Stages);
    }

    [Fact]
    public void The_builder_rejects_bad_arguments_immediately()
    {
        var builder = new JourneyDefinitionBuilder("j");

        Assert.Throws<ArgumentException>(() => new JourneyDefinitionBuilder(" "));
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => builder.Stage(default)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => builder.InitialStage(default)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => builder.TerminalStage(default)).ParamName);
        Assert.Equal("trigger", Assert.Throws<ArgumentException>(() => builder.From(A).On(default)).ParamName);
        Assert.Equal("stage", Assert.Throws<ArgumentException>(() => builder.From(A).On(T).To(default)).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentOutOfRangeException>(() => builder.From(A).After(TimeSpan.Zero)).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentOutOfRangeException>(() => builder.FromAny().After(TimeSpan.FromDays(-1))).ParamName);

        var none = Assert.Throws<ArgumentException>(() => builder.From());
        Assert.StartsWith("From needs at least one stage; use FromAny() for every stage.", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_guard_on_the_same_transition_is_rejected()
    {
        var e = Assert.Throws<InvalidOperationException>(() => AB().From(A).On(T).When(HighCsat, "happy").When(Succeeded, "succeeded"));

        Assert.Equal("transition #1 (From 'A' On 'T' When 'happy') already has a guard; combine the conditions in one guard.", e.Message);
    }

    [Fact]
    public void A_guard_needs_a_description()
    {
        Assert.Throws<ArgumentException>(() => AB().From(A).On(T).When(HighCsat, " "));
        Assert.Throws<ArgumentNullException>(() => AB().From(A).On(T).When(null!, "x"));
    }
}
