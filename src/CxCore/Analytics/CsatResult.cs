namespace CxCore.Analytics;

/// <summary>Customer satisfaction of a set of 1–5 answers: the mean and the top-2-box share (4 or 5) with its Wilson 95% interval.</summary>
/// <param name="Responses">Answers counted.</param>
/// <param name="Mean">The mean answer, 1 to 5; null with no answers.</param>
/// <param name="TopTwoBox">The share of answers that are 4 or 5.</param>
public sealed record CsatResult(int Responses, double? Mean, Proportion TopTwoBox);
