using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Tests;

/// <summary>Small factories shared by the test classes, so each test states only what matters to it.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly CustomerId Customer = new("c-42");

    public static Interaction At(
        string id,
        double days,
        string kind,
        InteractionOutcome outcome = InteractionOutcome.Succeeded,
        InteractionSignals signals = default,
        CustomerId? customer = null) =>
        new(new InteractionId(id), customer ?? Customer, T0.AddDays(days), Channel.Web, kind)
        {
            Outcome = outcome,
            Signals = signals,
        };

    public static TransitionContext Context(InteractionOutcome outcome = InteractionOutcome.Succeeded, int? csat = null, int? nps = null, TimeSpan timeInStage = default) =>
        new(At("ctx", 0, "context", outcome, new InteractionSignals { Csat = csat, Nps = nps }), timeInStage);
}
