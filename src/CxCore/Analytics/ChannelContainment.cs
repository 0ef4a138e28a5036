using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>Containment of the self-service and automated support contacts of one channel.</summary>
/// <param name="Channel">The channel of the contact.</param>
/// <param name="Contained">Contained contacts over all such contacts on the channel.</param>
public sealed record ChannelContainment(Channel Channel, Proportion Contained);
