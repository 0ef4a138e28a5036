namespace CxCore.Benchmarks.Journeys;

/// <summary>
/// The triggers of <see cref="CxCore.Journeys.DefaultJourney"/> as an enum, for Stateless and the raw table. Declared in
/// the definition's trigger order, so a value is also the trigger's <see cref="CxCore.Journeys.TriggerIndex"/> (checked at setup).
/// </summary>
public enum Trigger
{
    AdSeen,
    Searched,
    ProductViewed,
    Engaged,
    Purchased,
    Delivered,
    SupportRequested,
    SupportResolved,
    Reviewed,
    Referred,
}
