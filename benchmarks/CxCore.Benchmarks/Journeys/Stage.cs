namespace CxCore.Benchmarks.Journeys;

/// <summary>
/// The stages of <see cref="CxCore.Journeys.DefaultJourney"/> as an enum, for Stateless and the raw table. Declared in the
/// definition's stage order, so a value is also the stage's <see cref="CxCore.Journeys.StageIndex"/> (checked at setup).
/// </summary>
public enum Stage
{
    Awareness,
    Discovery,
    Consideration,
    Engagement,
    Purchase,
    Use,
    Support,
    RepeatPurchase,
    Advocacy,
    Dormant,
    Churned,
}
