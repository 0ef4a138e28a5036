using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>The mean interaction score of one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Scored">Interactions in range on it that the pipeline had an opinion on.</param>
/// <param name="MeanScore">Mean of their own 0–100 scores.</param>
public sealed record ChannelScore(Channel Channel, int Scored, double MeanScore);
