using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores the sentiment of the interaction's free text (review, chat message, call note) in English or Portuguese,
/// with an embedded lexicon — no network, no model download. Accent- and case-insensitive; handles negation
/// ("não recebi", "not helpful", "sem problemas"), intensifiers ("muito bom", "very slow"), contrast ("bonito, mas
/// quebrou") and elongations ("ótimooo").
/// </summary>
/// <remarks>
/// The polarity p = Σ/√(Σ² + 10) of the valences found (−1 … 1) maps to 50 + 50·p. Weight: 0.5 with one sentiment
/// word, 0.75 with two, 1 with three or more. Reasons by polarity: <c>text_very_positive</c> (p ≥ 0.5),
/// <c>text_positive</c> (p &gt; 0.1), <c>text_mixed</c>, <c>text_negative</c> (p &lt; −0.1), <c>text_very_negative</c>
/// (p ≤ −0.5). No opinion without text or without any sentiment word.
/// </remarks>
public sealed class SentimentScorer : IInteractionScorer, ILatestIndependentScorer
{
    /// <inheritdoc/>
    public string Name => BuiltInScorers.Sentiment;

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        component = default;
        if (interaction.Text is not { Length: > 0 } text)
        {
            return false;
        }

        var result = SentimentAnalyzer.Analyze(text);
        if (result.Hits == 0)
        {
            return false;
        }

        var p = result.Polarity;
        var reason = p switch
        {
            >= 0.5 => Reasons.TextVeryPositive,
            > 0.1 => Reasons.TextPositive,
            >= -0.1 => Reasons.TextMixed,
            > -0.5 => Reasons.TextNegative,
            _ => Reasons.TextVeryNegative,
        };
        var weight = result.Hits switch { 1 => 0.5, 2 => 0.75, _ => 1 };
        component = new ScoreComponent(Math.Clamp(50 + (50 * p), 0, 100), weight, reason);
        return true;
    }
}
