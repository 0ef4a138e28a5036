namespace CxCore.Analytics;

/// <summary>
/// What a group of customers did within the follow-up window of <see cref="PainPointAnalysis"/>. The shares count only
/// customers whose whole window is observed; the others are <see cref="Censored"/>.
/// </summary>
/// <param name="Lapsed">Customers who entered the Dormant or Churned stage inside the window.</param>
/// <param name="DroppedOut">Customers with no further interaction inside the window.</param>
/// <param name="PurchasedAgain">Customers who entered the Purchase or RepeatPurchase stage inside the window.</param>
/// <param name="Censored">
/// Customers of the group left out of the three shares because their window ends after
/// <see cref="PainPointResult.Horizon"/>, so what they did within it is not known yet.
/// </param>
public sealed record PainPointFollowUp(Proportion Lapsed, Proportion DroppedOut, Proportion PurchasedAgain, int Censored)
{
    /// <summary>Customers whose whole window is observed: the trials of the three shares.</summary>
    public int Observed => Lapsed.Trials;
}
