using System.Text;
using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>Renders a compiled definition as Mermaid and DOT, edge for edge what the table encodes.</summary>
internal static class JourneyDiagram
{
    public static string ToMermaid(JourneyDefinition definition)
    {
        var ids = MermaidIds(definition);
        var text = new StringBuilder();
        text.Append("---\ntitle: ").Append(MermaidLabel(definition.Name)).Append("\n---\n");
        text.Append("stateDiagram-v2\n");
        foreach (var stage in definition.Stages)
        {
            if (ids[stage] != stage.Name)
            {
                text.Append("    state \"").Append(stage.Name).Append("\" as ").Append(ids[stage]).Append('\n');
            }
        }

        text.Append("    [*] --> ").Append(ids[definition.InitialStage]).Append('\n');
        foreach (var (from, to, label, _) in Edges(definition))
        {
            text.Append("    ").Append(ids[from]).Append(" --> ").Append(ids[to]).Append(" : ").Append(MermaidLabel(label)).Append('\n');
        }

        foreach (var stage in definition.TerminalStages)
        {
            text.Append("    ").Append(ids[stage]).Append(" --> [*]\n");
        }

        return text.ToString();
    }

    public static string ToDot(JourneyDefinition definition)
    {
        var text = new StringBuilder();
        text.Append("digraph ").Append(DotString(definition.Name)).Append(" {\n");
        text.Append("    rankdir=LR;\n    node [shape=box, style=rounded];\n");
        text.Append("    __start [shape=point, label=\"\"];\n");
        foreach (var stage in definition.Stages)
        {
            text.Append("    ").Append(DotString(stage.Name));
            text.Append(definition.TerminalStages.Contains(stage) ? " [peripheries=2];\n" : ";\n");
        }

        text.Append("    __start -> ").Append(DotString(definition.InitialStage.Name)).Append(";\n");
        foreach (var (from, to, label, isTimeout) in Edges(definition))
        {
            text.Append("    ").Append(DotString(from.Name)).Append(" -> ").Append(DotString(to.Name))
                .Append(" [label=").Append(DotString(label)).Append(isTimeout ? ", style=dashed];\n" : "];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>One edge per (from, to) pair, its label listing every trigger (with guard) and the timeout.</summary>
    private static IEnumerable<(JourneyStage From, JourneyStage To, string Label, bool IsTimeout)> Edges(JourneyDefinition definition)
    {
        var edges = definition.EffectiveEdges()
            .Select(e => (e.From, e.To, Label: e.Guard is null ? e.Trigger.Name : $"{e.Trigger.Name} [{e.Guard}]", IsTimeout: false))
            .Concat(definition.Timeouts.Select(t => (t.From, t.To, Label: $"after {Format.Duration(t.After)} idle", IsTimeout: true)));
        return edges
            .GroupBy(e => (e.From, e.To))
            .Select(g => (g.Key.From, g.Key.To, string.Join(" / ", g.Select(e => e.Label).Distinct()), g.All(e => e.IsTimeout)));
    }

    private static Dictionary<JourneyStage, string> MermaidIds(JourneyDefinition definition)
    {
        var ids = new Dictionary<JourneyStage, string>();
        for (var i = 0; i < definition.Stages.Count; i++)
        {
            var stage = definition.Stages[i];
            ids[stage] = stage.Name.Contains('-', StringComparison.Ordinal) ? $"s{i}" : stage.Name;
        }

        return ids;
    }

    // Mermaid labels end at a newline and treat ':' ';' '#' specially; entity codes keep any user text intact.
    // One pass: replacing character by character in sequence would encode the ';' of entities already written.
    private static string MermaidLabel(string text)
    {
        var label = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '#' => label.Append("#35;"),
                ':' => label.Append("#58;"),
                ';' => label.Append("#59;"),
                '"' => label.Append("#quot;"),
                '\r' or '\n' => label.Append(' '),
                _ => label.Append(c),
            };
        }

        return label.ToString();
    }

    private static string DotString(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
