using CxCore.Journeys;
using CxCore.Scoring;

namespace CxCore.Analytics;

/// <summary>Settings of <see cref="ChannelMixAnalysis"/>.</summary>
public sealed record ChannelMixOptions
{
    /// <summary>The defaults: a 24-hour containment window, the default classifier, no scoring.</summary>
    public static ChannelMixOptions Default { get; } = new();

    /// <summary>
    /// A self-service or automated support contact at <c>t</c> is contained when the same customer has no assisted
    /// interaction after it in <c>(t, t + ContainmentWindow]</c>. Must be positive.
    /// </summary>
    public TimeSpan ContainmentWindow
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(ContainmentWindow));
            field = value;
        }
    } = TimeSpan.FromHours(24);

    /// <summary>Decides which interactions are support contacts: those it maps to <c>SupportRequested</c>. Null uses <see cref="InteractionClassifier.Default"/>.</summary>
    public IInteractionClassifier? Classifier { get; init; }

    /// <summary>When set, the mean interaction score per channel is computed with it; null leaves <see cref="ChannelMixResult.Scores"/> empty.</summary>
    public ScoringPipeline? Pipeline { get; init; }
}
