using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>Uncontained contacts that went from one channel to an assisted one.</summary>
/// <param name="From">The channel of the self-service or automated support contact.</param>
/// <param name="To">The channel of the first assisted interaction after it within the window.</param>
/// <param name="Count">How many contacts.</param>
public sealed record EscalationPath(Channel From, Channel To, int Count);
