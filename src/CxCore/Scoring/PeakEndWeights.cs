using System.Globalization;

namespace CxCore.Scoring;

/// <summary>
/// How the journey score blends the (decayed, negativity-biased) mean of every component with the worst moment and
/// the latest moment — the peak–end rule: people remember an experience by its worst and its last moments more than
/// by its average. Weights are relative; the pipeline divides them by their sum.
/// </summary>
/// <param name="Mean">Weight of the weighted mean of all components (default 0.6).</param>
/// <param name="Worst">Weight of the worst interaction's score, faded by its recency (default 0.25).</param>
/// <param name="Latest">Weight of the latest scored interaction's score (default 0.15).</param>
public readonly record struct PeakEndWeights(double Mean, double Worst, double Latest)
{
    /// <summary>0.6 mean, 0.25 worst, 0.15 latest.</summary>
    public static PeakEndWeights Default { get; } = new(0.6, 0.25, 0.15);

    /// <summary>A plain weighted mean (no peak–end): 1, 0, 0.</summary>
    public static PeakEndWeights MeanOnly { get; } = new(1, 0, 0);

    internal void Validate(List<string> errors)
    {
        Check(Mean, nameof(Mean), errors);
        Check(Worst, nameof(Worst), errors);
        Check(Latest, nameof(Latest), errors);
        if (Mean >= 0 && Worst >= 0 && Latest >= 0 && double.IsFinite(Mean + Worst + Latest) && Mean + Worst + Latest <= 0)
        {
            errors.Add("Peak-end weights must not all be zero: give Mean, Worst or Latest a positive weight (default 0.6, 0.25, 0.15).");
        }
    }

    private static void Check(double value, string name, List<string> errors)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            errors.Add($"Peak-end weight {name} must be a finite number of at least 0, but was {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
