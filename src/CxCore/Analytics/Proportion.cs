using System.Globalization;

namespace CxCore.Analytics;

/// <summary>
/// A share <c>Successes / Trials</c> with its Wilson score 95% interval. With no trials the estimate is 0 and the
/// interval is the uninformative <c>[0, 1]</c>; check <see cref="Trials"/> before reading the estimate.
/// </summary>
/// <example><code>var p = Proportion.Of(8, 10); // Estimate 0.8, Lower 0.490, Upper 0.943</code></example>
public sealed record Proportion
{
    private Proportion(int successes, int trials, double estimate, double lower, double upper)
    {
        Successes = successes;
        Trials = trials;
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>How many trials succeeded.</summary>
    public int Successes { get; }

    /// <summary>How many trials there were.</summary>
    public int Trials { get; }

    /// <summary><c>Successes / Trials</c>, or 0 with no trials.</summary>
    public double Estimate { get; }

    /// <summary>The lower end of the Wilson score 95% interval.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the Wilson score 95% interval.</summary>
    public double Upper { get; }

    /// <summary>The share <paramref name="successes"/> / <paramref name="trials"/> with its Wilson score 95% interval.</summary>
    /// <param name="successes">Successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">Trials, at least 0.</param>
    /// <returns>The proportion.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="successes"/> exceeds <paramref name="trials"/>.</exception>
    public static Proportion Of(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new(0, 0, 0, 0, 1);
        }

        var (lower, upper) = Statistics.Wilson(successes, trials);
        return new(successes, trials, (double)successes / trials, lower, upper);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Successes}/{Trials} = {Estimate:0.###} [{Lower:0.###}, {Upper:0.###}]");
}
