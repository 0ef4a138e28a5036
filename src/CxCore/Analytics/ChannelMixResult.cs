using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>The result of <see cref="ChannelMixAnalysis.Analyze"/>.</summary>
/// <param name="Range">The range analysed.</param>
/// <param name="Interactions">Interactions inside the range that passed the filter.</param>
/// <param name="Modes">Their split by service mode: always the three modes, in enum order; the shares add up to 1 (when there are interactions).</param>
/// <param name="Containment">Self-service and automated support contacts with no assisted follow-up within the window, over all of them.</param>
/// <param name="ContainmentByChannel">The same per channel of the contact, by contacts descending, then channel name.</param>
/// <param name="Escalations">Where the uncontained contacts went: one count per (from, to) channel pair, by count descending, then names.</param>
/// <param name="Scores">Mean interaction score per channel when <see cref="ChannelMixOptions.Pipeline"/> is set (else empty), by channel name.</param>
public sealed record ChannelMixResult(
    TimeRange Range,
    int Interactions,
    IReadOnlyList<ServiceModeShare> Modes,
    Proportion Containment,
    IReadOnlyList<ChannelContainment> ContainmentByChannel,
    IReadOnlyList<EscalationPath> Escalations,
    IReadOnlyList<ChannelScore> Scores);
