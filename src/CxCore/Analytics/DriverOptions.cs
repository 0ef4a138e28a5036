using CxCore.Scoring;

namespace CxCore.Analytics;

/// <summary>Settings of <see cref="DriverAnalysis"/>.</summary>
public sealed record DriverOptions
{
    /// <summary>The defaults: touchpoints need 30 customers; journeys are read with their own <see cref="CxCore.Domain.Journey.Score"/>.</summary>
    public static DriverOptions Default { get; } = new();

    /// <summary>
    /// A touchpoint enters the model only when at least this many customers of the analysis have a score at it; the others
    /// are listed in <see cref="DriverResult.Excluded"/> with their count. Must be at least 1; the default is 30.
    /// </summary>
    public int MinimumCustomers
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MinimumCustomers));
            field = value;
        }
    } = 30;

    /// <summary>
    /// When set, each journey is scored with it as of its last interaction (as <see cref="PainPointAnalysis"/> does) and
    /// that score is both the outcome and the source of the touchpoint scores; null (the default) uses each journey's
    /// stored <see cref="CxCore.Domain.Journey.Score"/> and skips journeys that have none.
    /// </summary>
    public ScoringPipeline? Pipeline { get; init; }
}
