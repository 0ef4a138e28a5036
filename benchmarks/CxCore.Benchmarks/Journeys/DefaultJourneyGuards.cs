using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Benchmarks.Journeys;

/// <summary>
/// The guards of <see cref="DefaultJourney"/> (private there), copied verbatim so the Stateless machine evaluates exactly
/// the same conditions as CxCore does.
/// </summary>
public static class DefaultJourneyGuards
{
    public static bool IsCompleted(in TransitionContext context) =>
        context.Outcome is not (InteractionOutcome.Failed or InteractionOutcome.Abandoned);

    public static bool IsPositive(in TransitionContext context) =>
        context.Signals is { Csat: >= 4 } or { Nps: >= 9 };

    public static bool IsNegative(in TransitionContext context) =>
        context.Signals is { Csat: <= 2 } or { Nps: <= 6 };
}
