using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// The default customer journey: Awareness → Discovery → Consideration → Engagement → Purchase → Use → Support →
/// RepeatPurchase → Advocacy, plus Dormant and Churned for customers who go quiet. Customers may skip forward (buy
/// straight from an ad), fall back (Use → Support → Use), and come back from Dormant or Churned.
/// </summary>
/// <remarks>
/// Guards: a purchase moves the customer only when its outcome is not Failed or Abandoned; a review leads to Advocacy when
/// it is positive (CSAT 4–5 or NPS 9–10) and back to Support when it is negative (CSAT 1–2 or NPS 0–6), which is where a
/// service-recovery team picks it up. See docs/state-machine.md for the full diagram.
/// </remarks>
public static class DefaultJourney
{
    /// <summary>How long a customer may be inactive in an active stage before becoming Dormant, by default.</summary>
    public static readonly TimeSpan DefaultDormantAfter = TimeSpan.FromDays(90);

    /// <summary>How long a customer may stay Dormant (without interacting) before being Churned, by default.</summary>
    public static readonly TimeSpan DefaultChurnedAfter = TimeSpan.FromDays(180);

    private static readonly JourneyStage[] PrePurchase = [JourneyStage.Awareness, JourneyStage.Discovery, JourneyStage.Consideration, JourneyStage.Engagement];
    private static readonly JourneyStage[] PostPurchase = [JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Support, JourneyStage.RepeatPurchase, JourneyStage.Advocacy];
    private static readonly JourneyStage[] Quiet = [JourneyStage.Dormant, JourneyStage.Churned];

    /// <summary>The default journey with the default timeouts (90 days to Dormant, 180 more to Churned).</summary>
    public static JourneyDefinition Definition { get; } = CreateBuilder().Build();

    /// <summary>The name of the default journey.</summary>
    public const string Name = "cx-default";

    /// <summary>
    /// Returns a builder pre-filled with the default journey, to build as is or extend (more stages, transitions, guards).
    /// </summary>
    /// <param name="dormantAfter">Inactivity before an active customer becomes Dormant; default 90 days.</param>
    /// <param name="churnedAfter">Further inactivity before a Dormant customer is Churned; default 180 days.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration is zero or negative.</exception>
    public static JourneyDefinitionBuilder CreateBuilder(TimeSpan? dormantAfter = null, TimeSpan? churnedAfter = null)
    {
        var builder = new JourneyDefinitionBuilder(Name)
            .Stages([.. PrePurchase, .. PostPurchase, .. Quiet])
            .InitialStage(JourneyStage.Awareness)
            .From(Quiet).On(JourneyTrigger.AdSeen).To(JourneyStage.Awareness)
            .From([JourneyStage.Awareness, .. Quiet]).On(JourneyTrigger.Searched).To(JourneyStage.Discovery)
            .From([JourneyStage.Awareness, JourneyStage.Discovery, .. Quiet]).On(JourneyTrigger.ProductViewed).To(JourneyStage.Consideration)
            .From([JourneyStage.Awareness, JourneyStage.Discovery, JourneyStage.Consideration, .. Quiet]).On(JourneyTrigger.Engaged).To(JourneyStage.Engagement)
            .From(PrePurchase).On(JourneyTrigger.Purchased).When(IsCompleted, "completed").To(JourneyStage.Purchase)
            .From([.. PostPurchase, .. Quiet]).On(JourneyTrigger.Purchased).When(IsCompleted, "completed").To(JourneyStage.RepeatPurchase)
            .From(JourneyStage.Purchase, JourneyStage.RepeatPurchase).On(JourneyTrigger.Delivered).To(JourneyStage.Use)
            .From([JourneyStage.Purchase, JourneyStage.Use, JourneyStage.RepeatPurchase, JourneyStage.Advocacy, .. Quiet]).On(JourneyTrigger.SupportRequested).To(JourneyStage.Support)
            .From(JourneyStage.Support).On(JourneyTrigger.SupportResolved).To(JourneyStage.Use)
            .From(JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Support, JourneyStage.RepeatPurchase).On(JourneyTrigger.Reviewed).When(IsPositive, "positive").To(JourneyStage.Advocacy)
            .From(JourneyStage.Purchase, JourneyStage.Use, JourneyStage.RepeatPurchase, JourneyStage.Advocacy).On(JourneyTrigger.Reviewed).When(IsNegative, "negative").To(JourneyStage.Support)
            .From(JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Support, JourneyStage.RepeatPurchase).On(JourneyTrigger.Referred).To(JourneyStage.Advocacy);
        builder.From([.. PrePurchase, .. PostPurchase]).After(dormantAfter ?? DefaultDormantAfter).To(JourneyStage.Dormant);
        builder.From(JourneyStage.Dormant).After(churnedAfter ?? DefaultChurnedAfter).To(JourneyStage.Churned);
        return builder;
    }

    /// <summary>The default classifier (see <see cref="InteractionClassifier.Default"/>).</summary>
    public static InteractionClassifier Classifier => InteractionClassifier.Default;

    private static bool IsCompleted(in TransitionContext context) =>
        context.Outcome is not (InteractionOutcome.Failed or InteractionOutcome.Abandoned);

    private static bool IsPositive(in TransitionContext context) =>
        context.Signals is { Csat: >= 4 } or { Nps: >= 9 };

    private static bool IsNegative(in TransitionContext context) =>
        context.Signals is { Csat: <= 2 } or { Nps: <= 6 };
}
