using CxCore.Domain;

namespace CxCore.Benchmarks.Scoring;

/// <summary>A deterministic, realistic omnichannel journey for the scoring benchmarks.</summary>
internal static class ScoringJourneys
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] Reviews =
    [
        "Entrega rápida e produto de ótima qualidade, recomendo!",
        "Não recebi o produto até agora, péssimo atendimento.",
        "Great service, the agent sorted it out in five minutes.",
        "The chatbot was useless and I had to call anyway.",
        "Produto conforme anunciado, chegou antes do prazo.",
    ];

    /// <summary>
    /// <paramref name="count"/> interactions over about a year: browsing (no signals), purchases, deliveries with a
    /// CSAT, support contacts with waits, CES and outcomes (some repeated, some on another channel), NPS surveys and
    /// reviews with free text (one interaction in ten carries text).
    /// </summary>
    public static Interaction[] Create(int count)
    {
        var customer = new CustomerId("c-bench");
        var result = new Interaction[count];
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddHours(i * 80.0);
            var id = new InteractionId($"e-{i:0000}");
            result[i] = (i % 10) switch
            {
                0 or 1 or 2 or 5 => new Interaction(id, customer, at, Channel.Web, "page_view"),
                3 => new Interaction(id, customer, at, Channel.MobileApp, "purchase") { Outcome = InteractionOutcome.Succeeded, Signals = new InteractionSignals { Value = 99.90m } },
                4 => new Interaction(id, customer, at, Channel.Delivery, "delivered") { Outcome = InteractionOutcome.Succeeded, Signals = new InteractionSignals { Csat = 1 + (i % 5) } },
                6 => new Interaction(id, customer, at, Channel.Chatbot, "support_request") { Outcome = InteractionOutcome.Abandoned, Signals = new InteractionSignals { Wait = TimeSpan.FromSeconds(40) } },
                7 => new Interaction(id, customer, at.AddMinutes(-3 * 60 * 70), Channel.Phone, "support_resolved")
                {
                    Outcome = InteractionOutcome.Succeeded,
                    Signals = new InteractionSignals { Wait = TimeSpan.FromMinutes(6), Ces = 2 + (i % 5), Csat = 3 },
                },
                8 => new Interaction(id, customer, at, Channel.Email, "survey") { Signals = new InteractionSignals { Nps = i % 11 } },
                _ => new Interaction(id, customer, at, Channel.Web, "review") { Text = Reviews[i / 10 % Reviews.Length], Signals = new InteractionSignals { Csat = 2 + (i % 4) } },
            };
        }

        Array.Sort(result, (a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return result;
    }

    /// <summary>One interaction carrying every signal the built-ins read: a repeated phone contact after a bot, with CSAT, NPS, CES, a wait, an outcome and text.</summary>
    public static Interaction[] RichTail()
    {
        var customer = new CustomerId("c-rich");
        var bot = new Interaction(new InteractionId("r-1"), customer, Start, Channel.Chatbot, "support_request")
        {
            Outcome = InteractionOutcome.Abandoned,
            Signals = new InteractionSignals { Wait = TimeSpan.FromSeconds(95) },
            Text = "bot could not find my order",
        };
        var call = new Interaction(new InteractionId("r-2"), customer, Start.AddMinutes(10), Channel.Phone, "support_resolved")
        {
            Outcome = InteractionOutcome.Succeeded,
            Signals = new InteractionSignals { Csat = 3, Nps = 6, Ces = 5, Wait = TimeSpan.FromMinutes(7) },
            Text = "O atendente foi muito educado, mas demorou demais e tive que ligar de novo.",
        };
        return [bot, call];
    }
}
