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

/// <summary>The interactions served in one mode (<see cref="ChannelMixAnalysis"/>).</summary>
/// <param name="Mode">The mode: the interaction's own, else its channel's default.</param>
/// <param name="Interactions">How many.</param>
/// <param name="Share"><paramref name="Interactions"/> / <see cref="ChannelMixResult.Interactions"/>.</param>
public sealed record ServiceModeShare(ServiceMode Mode, int Interactions, Proportion Share);

/// <summary>Containment of the self-service and automated support contacts of one channel.</summary>
/// <param name="Channel">The channel of the contact.</param>
/// <param name="Contained">Contained contacts over all such contacts on the channel.</param>
public sealed record ChannelContainment(Channel Channel, Proportion Contained);

/// <summary>Uncontained contacts that went from one channel to an assisted one.</summary>
/// <param name="From">The channel of the self-service or automated support contact.</param>
/// <param name="To">The channel of the first assisted interaction after it within the window.</param>
/// <param name="Count">How many contacts.</param>
public sealed record EscalationPath(Channel From, Channel To, int Count);

/// <summary>The mean interaction score of one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Scored">Interactions in range on it that the pipeline had an opinion on.</param>
/// <param name="MeanScore">Mean of their own 0–100 scores.</param>
public sealed record ChannelScore(Channel Channel, int Scored, double MeanScore);
