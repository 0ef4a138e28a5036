namespace CxCore.Analytics;

/// <summary>The few statistics the analyses share.</summary>
internal static class Statistics
{
    /// <summary>The 97.5% quantile of the standard normal distribution (two-sided 95%).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/> (trials &gt; 0).</summary>
    public static (double Lower, double Upper) Wilson(int successes, int trials)
    {
        double n = trials;
        var p = successes / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;

        // Clamp: rounding can put an end a hair outside [0, 1] or past the estimate at p = 0 or 1.
        return (Math.Clamp(Math.Min(centre - half, p), 0, 1), Math.Clamp(Math.Max(centre + half, p), 0, 1));
    }

    /// <summary>
    /// Newcombe's hybrid score interval (1998, method 10) for <c>first − second</c>, both with trials &gt; 0: each end moves
    /// from the difference by the root of the squared distances to the Wilson ends on the side that bounds it.
    /// </summary>
    public static (double Lower, double Upper) Newcombe(Proportion first, Proportion second)
    {
        double p1 = first.Estimate, p2 = second.Estimate, delta = p1 - p2;
        var lower = delta - Math.Sqrt(Square(p1 - first.Lower) + Square(second.Upper - p2));
        var upper = delta + Math.Sqrt(Square(first.Upper - p1) + Square(p2 - second.Lower));
        return (Math.Max(-1, Math.Min(lower, delta)), Math.Min(1, Math.Max(upper, delta)));
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of <paramref name="sorted"/> (ascending, non-empty) by linear interpolation
    /// between closest ranks (Hyndman–Fan type 7, as numpy's default and Excel's PERCENTILE.INC).
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Median and 90th percentile of durations, or nulls when there are none.</summary>
    public static (TimeSpan? Median, TimeSpan? P90) MedianAndP90(IEnumerable<TimeSpan> durations)
    {
        var ticks = durations.Select(d => (double)d.Ticks).Order().ToList();
        return ticks.Count == 0
            ? (null, null)
            : (TimeSpan.FromTicks((long)Math.Round(Quantile(ticks, 0.5))), TimeSpan.FromTicks((long)Math.Round(Quantile(ticks, 0.9))));
    }

    private static double Square(double x) => x * x;
}
