namespace CxCore.Scoring;

/// <summary>The names of the built-in scorers, and a factory for all of them with default settings.</summary>
public static class BuiltInScorers
{
    /// <summary><c>csat</c>: <see cref="CsatScorer"/>.</summary>
    public const string Csat = "csat";

    /// <summary><c>nps</c>: <see cref="NpsScorer"/>.</summary>
    public const string Nps = "nps";

    /// <summary><c>effort</c>: <see cref="EffortScorer"/>.</summary>
    public const string Effort = "effort";

    /// <summary><c>outcome</c>: <see cref="OutcomeScorer"/>.</summary>
    public const string Outcome = "outcome";

    /// <summary><c>sentiment</c>: <see cref="SentimentScorer"/>.</summary>
    public const string Sentiment = "sentiment";

    /// <summary><c>health</c>: <see cref="HealthScorer"/>.</summary>
    public const string Health = "health";

    /// <summary>Creates one of each built-in scorer with default settings, in the order above.</summary>
    /// <returns>The scorers.</returns>
    public static IReadOnlyList<IInteractionScorer> Create() =>
        [new CsatScorer(), new NpsScorer(), new EffortScorer(), new OutcomeScorer(), new SentimentScorer(), new HealthScorer()];
}
