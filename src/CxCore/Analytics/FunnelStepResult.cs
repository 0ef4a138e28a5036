namespace CxCore.Analytics;

/// <summary>
/// One step of a funnel result. <see cref="Entered"/> counts the customers who could take the step (they reached the
/// previous one; for step 0, everyone who did step 0), <see cref="Converted"/> those who took it.
/// So <c>Steps[k].Entered == Steps[k - 1].Converted</c> and step 0 always converts everyone who entered.
/// </summary>
/// <param name="Index">The zero-based step index.</param>
/// <param name="Name">The step's name.</param>
/// <param name="Entered">Customers who reached the previous step (step 0: who did step 0).</param>
/// <param name="Converted">Customers who reached this step.</param>
/// <param name="Conversion">Converted / Entered with its Wilson 95% interval (conversion from the previous step).</param>
/// <param name="OverallConversion">Converted / customers who did step 0, with its Wilson 95% interval.</param>
/// <param name="MedianTimeToConvert">Median time from the previous step to this one over the converted customers; null for step 0 or when none converted.</param>
/// <param name="P90TimeToConvert">90th percentile of that time; null likewise.</param>
public sealed record FunnelStepResult(
    int Index,
    string Name,
    int Entered,
    int Converted,
    Proportion Conversion,
    Proportion OverallConversion,
    TimeSpan? MedianTimeToConvert,
    TimeSpan? P90TimeToConvert)
{
    /// <summary>Customers who reached the previous step but not this one.</summary>
    public int Dropped => Entered - Converted;
}
