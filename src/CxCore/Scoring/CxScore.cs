using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace CxCore.Scoring;

/// <summary>
/// How a customer's whole experience scores as of an instant: a value from 0 to 100, the confidence it deserves, its
/// band, and the contributions that produced it — per opinion, per scorer and per interaction — so that any score can
/// be explained to a person (<see cref="Explain"/>). Immutable. Produced by <see cref="ScoringPipeline.Score(IReadOnlyList{CxCore.Domain.Interaction}, DateTimeOffset)"/>.
/// </summary>
/// <remarks>
/// <see cref="Value"/> = Σ <see cref="ScoreContribution.Points"/>: the contributions always add up to the value
/// (within floating-point rounding). See docs/scoring.md for the formula.
/// </remarks>
public sealed class CxScore
{
    internal CxScore(
        CxScoreSummary summary,
        DateTimeOffset asOf,
        int interactionCount,
        double mean,
        PeakEndWeights shares,
        IReadOnlyList<ScoreContribution> contributions,
        IReadOnlyList<ScorerContribution> byScorer,
        IReadOnlyList<InteractionContribution> byInteraction)
    {
        Summary = summary;
        AsOf = asOf;
        InteractionCount = interactionCount;
        Mean = mean;
        Shares = shares;
        Contributions = ReadOnly(contributions);
        ByScorer = ReadOnly(byScorer);
        ByInteraction = ReadOnly(byInteraction);
    }

    /// <summary>The score, 0–100; 50 when <see cref="Band"/> is <see cref="CxBand.Unrated"/>.</summary>
    public double Value => Summary.Value;

    /// <summary>How much recent evidence the score rests on, 0 (none) to 1 (plenty of fresh evidence).</summary>
    public double Confidence => Summary.Confidence;

    /// <summary>The band of <see cref="Value"/>, or <see cref="CxBand.Unrated"/> when no scorer had an opinion.</summary>
    public CxBand Band => Summary.Band;

    /// <summary>The numbers without the explanation.</summary>
    public CxScoreSummary Summary { get; }

    /// <summary>The instant the journey was scored as of; later interactions were ignored.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>How many interactions (up to <see cref="AsOf"/>) were scored, with or without opinions.</summary>
    public int InteractionCount { get; }

    /// <summary>The recency-decayed, negativity-biased weighted mean of all opinions, 0–100 (the "mean" of peak–end).</summary>
    public double Mean { get; }

    /// <summary>
    /// The effective blend used: the share of the mean, of the worst moment (its configured weight faded by its
    /// recency, the rest moved to the mean) and of the latest moment; they add up to 1.
    /// </summary>
    public PeakEndWeights Shares { get; }

    /// <summary>Every opinion with its effective weight and points, in journey order then pipeline order.</summary>
    public IReadOnlyList<ScoreContribution> Contributions { get; }

    /// <summary>The contribution of each scorer that had an opinion, in pipeline order.</summary>
    public IReadOnlyList<ScorerContribution> ByScorer { get; }

    /// <summary>The contribution of each interaction that received an opinion, in journey order.</summary>
    public IReadOnlyList<InteractionContribution> ByInteraction { get; }

    /// <summary>The worst moment, when rated.</summary>
    public InteractionContribution? WorstMoment => Find(static c => c.IsWorst);

    /// <summary>The latest scored moment, when rated.</summary>
    public InteractionContribution? LatestMoment => Find(static c => c.IsLatest);

    /// <summary>Explains the score in one sentence a person can read.</summary>
    /// <returns>For example: "Score 64 (Satisfied, confidence 0.81) from 11 opinions on 10 interactions: the weighted mean is 82; the worst moment, e-5 on 2024-03-05 (Very dissatisfied (CSAT 1)), scored 0 and weighs 25%; the latest, e-10 on 2024-03-10, scored 100 and weighs 15%; csat contributed most (64 points)."</returns>
    public string Explain()
    {
        var c = CultureInfo.InvariantCulture;
        if (Band == CxBand.Unrated)
        {
            return string.Create(c, $"Unrated: no scorer had an opinion on any of the {InteractionCount} interactions up to {AsOf:yyyy-MM-dd}.");
        }

        var text = new StringBuilder();
        text.Append(c, $"Score {Value:0} ({Band}, confidence {Confidence:0.00}) from {Contributions.Count} opinions on {ByInteraction.Count} interactions: ");
        text.Append(c, $"the weighted mean is {Mean:0}");
        if (WorstMoment is { } worst && Shares.Worst > 0)
        {
            text.Append(c, $"; the worst moment, {worst.InteractionId} on {worst.Timestamp:yyyy-MM-dd} ({worst.Reason.Description}), scored {worst.Score:0} and weighs {Shares.Worst:0%}");
        }

        if (LatestMoment is { } latest && Shares.Latest > 0)
        {
            text.Append(c, $"; the latest, {latest.InteractionId} on {latest.Timestamp:yyyy-MM-dd} ({latest.Reason.Description}), scored {latest.Score:0} and weighs {Shares.Latest:0%}");
        }

        var top = ByScorer.MaxBy(s => s.Points);
        text.Append(c, $"; {top.Scorer} contributed most ({top.Points:0} points).");
        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Band == CxBand.Unrated
        ? "Unrated"
        : string.Create(CultureInfo.InvariantCulture, $"{Value:0.0} {Band} (confidence {Confidence:0.00})");

    // The pipeline hands over arrays and lists; wrap them so a caller cannot cast the score's lists back and edit them.
    private static ReadOnlyCollection<T> ReadOnly<T>(IReadOnlyList<T> items) => new(items as IList<T> ?? [.. items]);

    private InteractionContribution? Find(Func<InteractionContribution, bool> predicate)
    {
        foreach (var contribution in ByInteraction)
        {
            if (predicate(contribution))
            {
                return contribution;
            }
        }

        return null;
    }
}
