namespace CxCore.Analytics;

/// <summary>Customer effort of a set of 1–7 answers (higher is more effort, as CxCore's scorers read it).</summary>
/// <param name="Responses">Answers counted.</param>
/// <param name="Mean">The mean answer, 1 to 7; null with no answers.</param>
public sealed record CesResult(int Responses, double? Mean);
