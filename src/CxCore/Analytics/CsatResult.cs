using System.Globalization;
using System.Text.Json.Serialization;
using CxCore.Serialization;

namespace CxCore.Analytics;

/// <summary>
/// Customer satisfaction of a set of 1–5 answers: the mean, the top-2-box share (4 or 5) with its Wilson 95% interval,
/// and how many answers gave each score.
/// </summary>
/// <param name="Responses">Answers counted.</param>
/// <param name="Mean">The mean answer, 1 to 5; null with no answers.</param>
/// <param name="TopTwoBox">The share of answers that are 4 or 5.</param>
/// <example><code>var fives = metrics.Total.Csat.CountOf(5); var ones = metrics.Total.Csat.Counts[0];</code></example>
public sealed record CsatResult(int Responses, double? Mean, Proportion TopTwoBox)
{
    /// <summary>The number of scores on the CSAT scale (1 to 5).</summary>
    public const int Scale = 5;

    private static readonly IReadOnlyList<int> NoCounts = Array.AsReadOnly(new int[Scale]);

    /// <summary>
    /// The score distribution: <c>Counts[0]</c> answers of 1, …, <c>Counts[4]</c> answers of 5 (always five entries;
    /// they sum to <see cref="Responses"/> when computed by <see cref="SurveyAnalysis"/>). All zero unless set.
    /// </summary>
    /// <exception cref="ArgumentException">Null, not five entries, or a negative count.</exception>
    [JsonConverter(typeof(CsatCountsJsonConverter))]
    public IReadOnlyList<int> Counts { get; init => field = Check(value, nameof(Counts)); } = NoCounts;

    /// <summary>How many answers gave <paramref name="score"/>.</summary>
    /// <param name="score">A score from 1 to 5.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not 1 to 5.</exception>
    public int CountOf(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, Scale);
        return Counts[score - 1];
    }

    /// <summary>Value equality, comparing <see cref="Counts"/> element by element.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>True when every field and every count is equal.</returns>
    public bool Equals(CsatResult? other) =>
        other is not null
        && Responses == other.Responses
        && Mean.Equals(other.Mean)
        && EqualityComparer<Proportion>.Default.Equals(TopTwoBox, other.TopTwoBox)
        && Counts.SequenceEqual(other.Counts);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Responses);
        hash.Add(Mean);
        hash.Add(TopTwoBox);
        foreach (var count in Counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    // A read-only copy: the caller's list cannot change the result afterwards, nor can a reader cast it back to an array.
    private static System.Collections.ObjectModel.ReadOnlyCollection<int> Check(IReadOnlyList<int> value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (ProblemWith(value) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }

        return Array.AsReadOnly(value.ToArray());
    }

    /// <summary>Why <paramref name="counts"/> is not a CSAT distribution, or null when it is (also used by the JSON reader).</summary>
    internal static string? ProblemWith(IReadOnlyList<int> counts)
    {
        if (counts.Count != Scale)
        {
            return string.Create(CultureInfo.InvariantCulture, $"CSAT counts must have {Scale} entries (scores 1 to {Scale}), but had {counts.Count}.");
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"CSAT counts must not be negative, but entry {i} was {counts[i]}.");
            }
        }

        return null;
    }
}
