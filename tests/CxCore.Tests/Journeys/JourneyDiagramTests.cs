using System.Text.RegularExpressions;
using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests.Journeys;

/// <summary>ToMermaid / ToDot: structure, and escaping of user-supplied text.</summary>
public sealed partial class JourneyDiagramTests
{
    private static readonly JourneyStage A = new("A");
    private static readonly JourneyStage B = new("B");
    private static readonly JourneyStage X = new("X");
    private static readonly JourneyTrigger T = new("T");
    private static readonly JourneyTrigger U = new("U");

    private static readonly TransitionGuard Always = (in TransitionContext _) => true;

    private static JourneyDefinition Small() => new JourneyDefinitionBuilder("small").Stages(A, B, X).InitialStage(A).TerminalStage(X)
        .From(A).On(T).To(B)
        .From(B).On(U).To(X)
        .From(B).After(TimeSpan.FromDays(2)).To(A)
        .Build();

    private static JourneyDefinition WithGuard(string description) => new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A)
        .From(A).On(T).When(Always, description).To(B)
        .Build();

    [Fact]
    public void Mermaid_export_is_a_state_diagram_with_initial_arrow_edges_timeouts_and_terminal_marking()
    {
        Assert.Equal(
            "---\ntitle: small\n---\nstateDiagram-v2\n" +
            "    [*] --> A\n" +
            "    A --> B : T\n" +
            "    B --> X : U\n" +
            "    B --> A : after 2d idle\n" +
            "    X --> [*]\n",
            Small().ToMermaid());
    }

    [Fact]
    public void Dot_export_is_a_digraph_with_a_start_point_double_bordered_terminals_and_dashed_timeouts()
    {
        Assert.Equal(
            "digraph \"small\" {\n" +
            "    rankdir=LR;\n    node [shape=box, style=rounded];\n" +
            "    __start [shape=point, label=\"\"];\n" +
            "    \"A\";\n    \"B\";\n    \"X\" [peripheries=2];\n" +
            "    __start -> \"A\";\n" +
            "    \"A\" -> \"B\" [label=\"T\"];\n" +
            "    \"B\" -> \"X\" [label=\"U\"];\n" +
            "    \"B\" -> \"A\" [label=\"after 2d idle\", style=dashed];\n" +
            "}\n",
            Small().ToDot());
    }

    [Fact]
    public void Triggers_and_a_timeout_between_the_same_stages_share_one_solid_edge()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B).InitialStage(A)
            .From(A).On(T).To(B)
            .From(A).On(U).When(Always, "always").To(B)
            .From(A).After(TimeSpan.FromHours(12)).To(B)
            .Build();

        Assert.Contains("    \"A\" -> \"B\" [label=\"T / U [always] / after 12h idle\"];\n", definition.ToDot(), StringComparison.Ordinal);
        Assert.Contains("    A --> B : T / U [always] / after 12h idle\n", definition.ToMermaid(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromAny_transitions_are_drawn_from_every_non_terminal_stage()
    {
        var definition = new JourneyDefinitionBuilder("j").Stages(A, B, X).InitialStage(A).TerminalStage(X)
            .From(A).On(T).To(B)
            .FromAny().On(U).To(X)
            .Build();
        var mermaid = definition.ToMermaid();

        Assert.Contains("    A --> X : U\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    B --> X : U\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("X --> X", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_escapes_quotes_newlines_colons_semicolons_and_hashes_in_guard_descriptions()
    {
        var mermaid = WithGuard("he said \"no\": #1; bye\r\nthen").ToMermaid();

        Assert.Contains("    A --> B : T [he said #quot;no#quot;#58; #35;1#59; bye  then]\n", mermaid, StringComparison.Ordinal);
        Assert.Equal(7, mermaid.Split('\n').Length);
    }

    [Theory]
    [InlineData(":", "#58;")]
    [InlineData("#", "#35;")]
    [InlineData(";", "#59;")]
    [InlineData("\"", "#quot;")]
    [InlineData("\n", " ")]
    public void Mermaid_encodes_each_special_character_as_one_entity(string text, string encoded)
    {
        var mermaid = WithGuard($"a{text}b").ToMermaid();

        Assert.Contains($"    A --> B : T [a{encoded}b]\n", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_escapes_the_definition_name_in_the_title()
    {
        var definition = new JourneyDefinitionBuilder("shop: \"B2C\"").Stages(A, B).InitialStage(A).From(A).On(T).To(B).Build();

        Assert.StartsWith("---\ntitle: shop#58; #quot;B2C#quot;\n---\n", definition.ToMermaid(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_gives_stages_whose_names_contain_a_hyphen_a_safe_id()
    {
        var onboarding = new JourneyStage("on-boarding");
        var definition = new JourneyDefinitionBuilder("j").Stages(A, onboarding).InitialStage(A).From(A).On(T).To(onboarding).Build();
        var mermaid = definition.ToMermaid();

        Assert.Contains("    state \"on-boarding\" as s1\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    A --> s1 : T\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("--> on-boarding", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_escapes_quotes_backslashes_and_newlines_in_guard_descriptions()
    {
        var dot = WithGuard("a \"quoted\" C:\\path\nnext").ToDot();

        Assert.Contains("    \"A\" -> \"B\" [label=\"T [a \\\"quoted\\\" C:\\\\path\\nnext]\"];\n", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_escapes_the_definition_name()
    {
        var definition = new JourneyDefinitionBuilder("my \"j\" \\ 1").Stages(A, B).InitialStage(A).From(A).On(T).To(B).Build();

        Assert.StartsWith("digraph \"my \\\"j\\\" \\\\ 1\" {\n", definition.ToDot(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_DOT_edge_of_the_default_journey_is_a_move_the_machine_can_make_and_vice_versa()
    {
        var definition = DefaultJourney.Definition;
        TransitionContext[] contexts =
        [
            TransitionContext.None,
            TestData.Context(csat: 5),
            TestData.Context(csat: 1),
            TestData.Context(csat: 3),
            TestData.Context(InteractionOutcome.Failed),
        ];

        var moves = new HashSet<(string, string)>();
        foreach (var stage in definition.Stages)
        {
            foreach (var trigger in definition.Triggers)
            {
                foreach (var context in contexts)
                {
                    if (definition.TryFire(stage, trigger, in context, out var next))
                    {
                        moves.Add((stage.Name, next.Name));
                    }
                }
            }
        }

        foreach (var timeout in definition.Timeouts)
        {
            moves.Add((timeout.From.Name, timeout.To.Name));
        }

        var edges = DotEdge().Matches(definition.ToDot()).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet();
        Assert.Equal(moves.Order(), edges.Order());
    }

    [Fact]
    public void The_default_journey_diagram_labels_guards_and_timeouts()
    {
        var mermaid = DefaultJourney.Definition.ToMermaid();

        Assert.StartsWith("---\ntitle: cx-default\n---\nstateDiagram-v2\n    [*] --> Awareness\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Awareness --> Purchase : Purchased [completed]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Purchase --> Use : Delivered\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Use --> Advocacy : Reviewed [positive] / Referred\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Use --> Support : SupportRequested / Reviewed [negative]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Use --> Dormant : after 90d idle\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Dormant --> Churned : after 180d idle\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("--> [*]", mermaid.Replace("[*] --> Awareness", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex("^    \"([^\"]+)\" -> \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex DotEdge();
}
