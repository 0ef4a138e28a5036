using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores how an interaction ended. Failures hurt more than successes please (success is expected), and support
/// contacts (kinds starting with <c>support</c>, <c>contact</c>, <c>complaint</c>, <c>callback</c>, <c>claim</c>,
/// <c>inquiry</c>, <c>ticket</c>, <c>help</c>) matter more than other interactions:
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>outcome</term><description>score × weight (reason)</description></listheader>
/// <item><term>contact failed</term><description>0 × 1 (<c>support_unresolved</c>)</description></item>
/// <item><term>contact abandoned</term><description>10 × 1 (<c>support_abandoned</c>)</description></item>
/// <item><term>contact succeeded</term><description>85 × 0.75 (<c>support_resolved</c>)</description></item>
/// <item><term>other failed</term><description>15 × 1 (<c>outcome_failed</c>)</description></item>
/// <item><term>other abandoned</term><description>30 × 0.5 (<c>outcome_abandoned</c>)</description></item>
/// <item><term>other succeeded</term><description>75 × 0.25 (<c>outcome_succeeded</c>)</description></item>
/// <item><term>unknown</term><description>no opinion</description></item>
/// </list>
/// </remarks>
public sealed class OutcomeScorer : IInteractionScorer, ILatestIndependentScorer
{
    /// <inheritdoc/>
    public string Name => BuiltInScorers.Outcome;

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        var outcome = interaction.Outcome;
        if (outcome == InteractionOutcome.Unknown)
        {
            component = default;
            return false;
        }

        var contact = InteractionKinds.IsContact(interaction);
        component = (outcome, contact) switch
        {
            (InteractionOutcome.Failed, true) => new ScoreComponent(0, 1, Reasons.SupportUnresolved),
            (InteractionOutcome.Abandoned, true) => new ScoreComponent(10, 1, Reasons.SupportAbandoned),
            (InteractionOutcome.Succeeded, true) => new ScoreComponent(85, 0.75, Reasons.SupportResolved),
            (InteractionOutcome.Failed, false) => new ScoreComponent(15, 1, Reasons.OutcomeFailed),
            (InteractionOutcome.Abandoned, false) => new ScoreComponent(30, 0.5, Reasons.OutcomeAbandoned),
            _ => new ScoreComponent(75, 0.25, Reasons.OutcomeSucceeded),
        };
        return true;
    }
}
