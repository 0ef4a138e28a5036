using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CxCore.Scoring;

/// <summary>
/// One scorer's opinion of one interaction: a score from 0 (as bad as it gets) to 100 (as good as it gets), with 50
/// neutral; a weight saying how strong the evidence is (1 for a direct survey answer, less for indirect signals); and
/// the reason. Validated on construction; <c>default(ScoreComponent)</c> means "no opinion".
/// </summary>
/// <example><code>component = new ScoreComponent(score: 25, weight: 1, reason: MyReasons.LateDelivery);</code></example>
public readonly record struct ScoreComponent
{
    /// <summary>The score below which a component counts as negative (and the negativity bias applies): 50.</summary>
    public const double Neutral = 50;

    /// <summary>The largest weight a component may carry: 10.</summary>
    public const double MaxWeight = 10;

    /// <summary>Creates a component.</summary>
    /// <param name="score">The score, 0–100.</param>
    /// <param name="weight">The strength of the evidence, greater than 0 and at most <see cref="MaxWeight"/>; 1 for a direct survey answer.</param>
    /// <param name="reason">Why; reuse a cached instance.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 0–100 or NaN, or <paramref name="weight"/> is not in (0, 10].</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public ScoreComponent(double score, double weight, ScoreReason reason)
    {
        // The checks inline into a scorer's TryScore; the messages are built out of line, only when one fails.
        if (!(score is >= 0 and <= 100) || !(weight is > 0 and <= MaxWeight) || reason is null)
        {
            ThrowInvalid(score, weight, reason);
        }

        Score = score;
        Weight = weight;
        Reason = reason;
    }

    /// <summary>The score, 0–100 (50 is neutral).</summary>
    public double Score { get; }

    /// <summary>The strength of the evidence; 0 only for <c>default</c>.</summary>
    public double Weight { get; }

    /// <summary>Why; null only for <c>default</c>.</summary>
    public ScoreReason Reason { get; }

    /// <summary>True for <c>default(ScoreComponent)</c>: no opinion.</summary>
    public bool IsEmpty => Reason is null;

    /// <summary>True when the score is below <see cref="Neutral"/>.</summary>
    public bool IsNegative => Score < Neutral;

    /// <inheritdoc/>
    public override string ToString() => IsEmpty
        ? "(no opinion)"
        : string.Create(CultureInfo.InvariantCulture, $"{Score:0.#} ×{Weight:0.##} ({Reason.Code})");

    [DoesNotReturn]
    private static void ThrowInvalid(double score, double weight, ScoreReason? reason)
    {
        if (!(score is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"A component score must be between 0 and 100, but was {score.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!(weight is > 0 and <= MaxWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"A component weight must be greater than 0 and at most {MaxWeight}, but was {weight.ToString(CultureInfo.InvariantCulture)}.");
        }

        throw new ArgumentNullException(nameof(reason));
    }
}
