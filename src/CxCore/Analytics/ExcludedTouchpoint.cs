using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>A touchpoint <see cref="DriverAnalysis"/> left out of the model, with its sample size and the reason.</summary>
/// <param name="Touchpoint">The touchpoint.</param>
/// <param name="Customers">Customers with a score at it (nⱼ).</param>
/// <param name="MeanScore">Mean over those customers of their mean interaction score at it, 0–100.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record ExcludedTouchpoint(TouchpointId Touchpoint, int Customers, double MeanScore, DriverExclusion Reason);
