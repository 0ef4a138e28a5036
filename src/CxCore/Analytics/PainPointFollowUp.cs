namespace CxCore.Analytics;

/// <summary>What a group of customers did within the follow-up window of <see cref="PainPointAnalysis"/>.</summary>
/// <param name="Lapsed">Customers who entered the Dormant or Churned stage inside the window.</param>
/// <param name="DroppedOut">Customers with no further interaction inside the window.</param>
/// <param name="PurchasedAgain">Customers who entered the Purchase or RepeatPurchase stage inside the window.</param>
public sealed record PainPointFollowUp(Proportion Lapsed, Proportion DroppedOut, Proportion PurchasedAgain);
