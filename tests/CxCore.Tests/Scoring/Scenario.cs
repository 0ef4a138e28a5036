using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

/// <summary>Builds one customer's interactions tersely for scoring tests.</summary>
internal sealed class Scenario
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CustomerId Customer = new("c-42");
    private readonly List<Interaction> _interactions = [];

    public IReadOnlyList<Interaction> Interactions => _interactions;

    public Interaction[] ToArray() => [.. _interactions];

    public Interaction this[int index] => _interactions[index];

    public DateTimeOffset Last => _interactions[^1].Timestamp;

    public static Interaction Make(
        double days,
        string kind = "page_view",
        Channel? channel = null,
        InteractionOutcome outcome = InteractionOutcome.Unknown,
        InteractionSignals signals = default,
        string? text = null,
        string? issue = null,
        string? id = null) =>
        new(new InteractionId(id ?? $"e-{Guid.NewGuid():N}"), Customer, Start.AddDays(days), channel ?? Channel.Web, kind)
        {
            Outcome = outcome,
            Signals = signals,
            Text = text,
            Attributes = issue is null ? null! : new Dictionary<string, string> { ["issue"] = issue },
        };

    public Scenario Add(
        double days,
        string kind = "page_view",
        Channel? channel = null,
        InteractionOutcome outcome = InteractionOutcome.Unknown,
        InteractionSignals signals = default,
        string? text = null,
        string? issue = null)
    {
        _interactions.Add(Make(days, kind, channel, outcome, signals, text, issue, $"e-{_interactions.Count + 1}"));
        return this;
    }

    public Scenario Csat(double days, int csat) => Add(days, "survey", Channel.Email, signals: new InteractionSignals { Csat = csat });

    /// <summary>Asks one scorer about the latest interaction, as of <paramref name="asOf"/> (default: its own time).</summary>
    public bool TryScoreLatest(IInteractionScorer scorer, out ScoreComponent component, DateTimeOffset? asOf = null)
    {
        var all = ToArray();
        var context = new ScoringContext(all.AsSpan(0, all.Length - 1), asOf ?? Last, isLatest: true);
        return scorer.TryScore(all[^1], in context, out component);
    }

    public static ScoreComponent ScoreAlone(IInteractionScorer scorer, Interaction interaction)
    {
        var context = new ScoringContext([], interaction.Timestamp, isLatest: true);
        Assert.True(scorer.TryScore(interaction, in context, out var component), $"{scorer.Name} had no opinion on {interaction}");
        return component;
    }

    public static bool HasOpinion(IInteractionScorer scorer, Interaction interaction)
    {
        var context = new ScoringContext([], interaction.Timestamp, isLatest: true);
        return scorer.TryScore(interaction, in context, out _);
    }
}
