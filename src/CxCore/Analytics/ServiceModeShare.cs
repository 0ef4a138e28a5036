using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>The interactions served in one mode (<see cref="ChannelMixAnalysis"/>).</summary>
/// <param name="Mode">The mode: the interaction's own, else its channel's default.</param>
/// <param name="Interactions">How many.</param>
/// <param name="Share"><paramref name="Interactions"/> / <see cref="ChannelMixResult.Interactions"/>.</param>
public sealed record ServiceModeShare(ServiceMode Mode, int Interactions, Proportion Share);
