using CxCore.Domain;

namespace CxCore.Tests.Scoring;

internal static class ScoringTestData
{
    /// <summary>An omnichannel journey touching every built-in scorer; its last interaction has an opinion from each.</summary>
    public static Scenario RichJourney() => new Scenario()
        .Add(0, "ad_view", Channel.Social)
        .Add(0.1, "product_view")
        .Add(1, "purchase", Channel.MobileApp, InteractionOutcome.Succeeded, new InteractionSignals { Value = 249.90m })
        .Add(4, "delivered", Channel.Delivery, InteractionOutcome.Succeeded, new InteractionSignals { Csat = 5 })
        .Add(20, "support_request", Channel.Chatbot, InteractionOutcome.Abandoned, new InteractionSignals { Wait = TimeSpan.FromSeconds(95) }, "bot could not find my order")
        .Add(20.01, "support_resolved", Channel.Phone, InteractionOutcome.Succeeded, new InteractionSignals { Wait = TimeSpan.FromMinutes(7), Csat = 3, Ces = 5, Nps = 7 }, "agent was great, the bot not so much");
}
