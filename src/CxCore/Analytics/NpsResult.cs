namespace CxCore.Analytics;

/// <summary>
/// Net Promoter Score of a set of 0–10 answers: % promoters (9–10) − % detractors (0–6), from −100 to 100, with a
/// 95% interval from the variance of the trinomial: <c>Var = (p_P + p_D − (p_P − p_D)²) / n</c>, interval
/// <c>NPS ± 1.96·100·√Var</c> clamped to [−100, 100]. With no answers the score is 0 and the interval [−100, 100].
/// </summary>
/// <param name="Responses">Answers counted.</param>
/// <param name="Promoters">Answers of 9 or 10.</param>
/// <param name="Passives">Answers of 7 or 8.</param>
/// <param name="Detractors">Answers of 0 to 6.</param>
/// <param name="Score">The NPS, −100 to 100.</param>
/// <param name="Lower">The lower end of the 95% interval.</param>
/// <param name="Upper">The upper end of the 95% interval.</param>
public sealed record NpsResult(int Responses, int Promoters, int Passives, int Detractors, double Score, double Lower, double Upper)
{
    internal static NpsResult Of(int promoters, int passives, int detractors)
    {
        var n = promoters + passives + detractors;
        if (n == 0)
        {
            return new(0, 0, 0, 0, 0, -100, 100);
        }

        var pp = (double)promoters / n;
        var pd = (double)detractors / n;
        var nps = pp - pd;
        var half = Statistics.Z95 * Math.Sqrt(Math.Max(0, pp + pd - (nps * nps)) / n);
        return new(n, promoters, passives, detractors, 100 * nps, Math.Max(-100, 100 * (nps - half)), Math.Min(100, 100 * (nps + half)));
    }
}
