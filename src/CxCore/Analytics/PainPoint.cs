using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// One touchpoint or channel as a possible pain point (<see cref="PainPointAnalysis"/>). Exactly one of
/// <see cref="Touchpoint"/> and <see cref="Channel"/> is set.
/// </summary>
/// <param name="Touchpoint">The touchpoint, in <see cref="PainPointResult.Touchpoints"/>.</param>
/// <param name="Channel">The channel, in <see cref="PainPointResult.Channels"/>.</param>
/// <param name="Volume">Interactions at it inside the range.</param>
/// <param name="Customers">Distinct customers with at least one of them.</param>
/// <param name="ScoredInteractions">How many of them the pipeline had an opinion on.</param>
/// <param name="MeanScore">Mean of their own 0–100 scores; null when none was scored.</param>
/// <param name="Gap"><paramref name="MeanScore"/> minus <see cref="PainPointResult.MeanScore"/>; null when either is null.</param>
/// <param name="FailureRate">Share of the interactions whose outcome is Failed or Abandoned.</param>
/// <param name="Hit">Follow-up of the customers who hit it, from their first hit (censored windows left out and counted).</param>
/// <param name="NotHit">Follow-up of the other customers of the analysis, from their first interaction in range (censored windows left out and counted).</param>
/// <param name="Impact">
/// <c>Volume × max(0, −Gap) × (1 + LapsedDifference.Estimate)</c>, a missing gap or difference counting as 0; the
/// difference is over observed customers only.
/// </param>
public sealed record PainPoint(
    TouchpointId? Touchpoint,
    Channel? Channel,
    int Volume,
    int Customers,
    int ScoredInteractions,
    double? MeanScore,
    double? Gap,
    Proportion FailureRate,
    PainPointFollowUp Hit,
    PainPointFollowUp NotHit,
    double Impact)
{
    /// <summary>
    /// <c>Hit.Lapsed − NotHit.Lapsed</c> with its Newcombe hybrid score 95% interval; null when either group has no
    /// observed (uncensored) customer.
    /// </summary>
    public ProportionDifference? LapsedDifference => Difference(Hit.Lapsed, NotHit.Lapsed);

    /// <summary><c>Hit.DroppedOut − NotHit.DroppedOut</c> with its Newcombe 95% interval; null when either group has no observed customer.</summary>
    public ProportionDifference? DroppedOutDifference => Difference(Hit.DroppedOut, NotHit.DroppedOut);

    /// <summary><c>Hit.PurchasedAgain − NotHit.PurchasedAgain</c> with its Newcombe 95% interval; null when either group has no observed customer.</summary>
    public ProportionDifference? PurchasedAgainDifference => Difference(Hit.PurchasedAgain, NotHit.PurchasedAgain);

    internal static ProportionDifference? Difference(Proportion hit, Proportion notHit) =>
        hit.Trials == 0 || notHit.Trials == 0 ? null : ProportionDifference.Of(hit, notHit);
}
