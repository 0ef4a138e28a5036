using CxCore.Domain;

namespace CxCore.Samples.Quickstart;

/// <summary>A small omnichannel journey: ad → search → product pages → cart → purchase → delivery → a bot that fails → phone support → review.</summary>
internal static class SampleJourney
{
    public static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<Interaction> Interactions(CustomerId customer)
    {
        var n = 0;
        Interaction At(double days, Channel channel, string kind, string touchpoint, InteractionOutcome outcome = InteractionOutcome.Succeeded, InteractionSignals signals = default, string? text = null) =>
            new(new InteractionId($"e-{++n:000}"), customer, Start.AddDays(days), channel, kind)
            {
                Touchpoint = new TouchpointId(touchpoint),
                Outcome = outcome,
                Signals = signals,
                Text = text,
            };

        yield return At(0, Channel.Social, "ad_view", "spring-campaign");
        yield return At(0.1, Channel.Web, "search", "site-search");
        yield return At(0.12, Channel.Web, "product_view", "product-page");
        yield return At(1, Channel.MobileApp, "add_to_cart", "app-cart");
        yield return At(1.05, Channel.MobileApp, "purchase", "app-checkout", signals: new InteractionSignals { Value = 249.90m });
        yield return At(4, Channel.Delivery, "delivered", "courier", signals: new InteractionSignals { Csat = 5 });
        yield return At(20, Channel.Chatbot, "support_request", "order-status-bot", InteractionOutcome.Abandoned, new InteractionSignals { Wait = TimeSpan.FromSeconds(95) }, "bot could not find my order");
        yield return At(20.01, Channel.Phone, "support_resolved", "support-line", signals: new InteractionSignals { Wait = TimeSpan.FromMinutes(7), Csat = 3, Ces = 5 });
        yield return At(22, Channel.Email, "review", "post-support-survey", signals: new InteractionSignals { Nps = 9 }, text: "agent was great, the bot not so much");
    }
}
