using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>The outcome of recording one interaction: what happened, and the customer's stage and score afterwards.</summary>
/// <param name="Status">Recorded, recorded late, or a duplicate.</param>
/// <param name="CustomerId">The customer the interaction was filed under (after alias resolution and pseudonymisation).</param>
/// <param name="StageBefore">The customer's stage before the interaction.</param>
/// <param name="Stage">The customer's stage after it.</param>
/// <param name="Score">The customer's experience score after it (as of their latest interaction).</param>
public readonly record struct RecordResult(RecordStatus Status, CustomerId CustomerId, JourneyStage StageBefore, JourneyStage Stage, CxScoreSummary Score)
{
    /// <summary>True when the interaction moved the customer to another stage.</summary>
    public bool StageChanged => StageBefore != Stage;
}
