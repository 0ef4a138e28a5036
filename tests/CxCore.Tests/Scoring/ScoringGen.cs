using CsCheck;
using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

/// <summary>CsCheck generators for scoring properties: random journeys on every channel with random signals, and random pipelines.</summary>
internal static class ScoringGen
{
    private static readonly Channel[] Channels = [Channel.Web, Channel.MobileApp, Channel.Phone, Channel.Chat, Channel.Chatbot, Channel.Email, Channel.Delivery, Channel.Store, new("kiosk")];
    private static readonly string[] Kinds = ["page_view", "purchase", "support_request", "support_resolved", "review", "survey", "complaint", "delivered"];
    private static readonly string?[] Texts =
    [
        null, null, null, "ótimo, recomendo", "Não recebi o produto", "great service, thanks!", "the bot was useless",
        "Bonito, mas quebrou", "ok", "só chegou um", "nunca mais compro 😡", "", "pedido 123",
    ];

    /// <summary>0–30 interactions at distinct, increasing instants over up to a couple of years.</summary>
    public static readonly Gen<Interaction[]> Journey = Gen.Select(
            Gen.Select(Gen.Int[1, 60 * 24 * 20], Gen.Int[0, Channels.Length - 1], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 3]),
            Gen.Select(Gen.Int[0, 5], Gen.Int[-1, 10], Gen.Int[0, 7], Gen.Int[-1, 4000], Gen.Int[0, Texts.Length - 1], Gen.Int[0, 2]))
        .Array[0, 30]
        .Select(Build);

    /// <summary>A pipeline of every built-in scorer in a random order with random weights and settings.</summary>
    public static readonly Gen<PipelineSettings> Settings = Gen.Select(
        Gen.Double[0, 5].Array[6],
        Gen.Double[1, 5],
        Gen.Double[0.5, 400],
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1]),
        Gen.Shuffle(new[] { 0, 1, 2, 3, 4, 5 }),
        Gen.Double[0, 500],
        (weights, bias, halfLife, peakEnd, order, asOfDays) =>
        {
            weights[0] += 0.01;
            return new PipelineSettings(weights, bias, halfLife, new PeakEndWeights(peakEnd.Item1 + 0.01, peakEnd.Item2, peakEnd.Item3), order, asOfDays);
        });

    private static Interaction[] Build(((int Gap, int Channel, int Kind, int Outcome) A, (int Csat, int Nps, int Ces, int Wait, int Text, int Issue) B)[] specs)
    {
        var customer = new CustomerId("c-prop");
        var at = Scenario.Start;
        var result = new Interaction[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            var (a, b) = specs[i];
            at = at.AddMinutes(a.Gap);
            result[i] = new Interaction(new InteractionId($"p-{i}"), customer, at, Channels[a.Channel], Kinds[a.Kind])
            {
                Outcome = (InteractionOutcome)a.Outcome,
                Signals = new InteractionSignals
                {
                    Csat = b.Csat == 0 ? null : b.Csat,
                    Nps = b.Nps < 0 ? null : b.Nps,
                    Ces = b.Ces == 0 ? null : b.Ces,
                    Wait = b.Wait < 0 ? null : TimeSpan.FromSeconds(b.Wait),
                },
                Text = Texts[b.Text],
                Attributes = b.Issue == 0 ? null! : new Dictionary<string, string> { ["issue"] = $"case-{b.Issue}" },
            };
        }

        return result;
    }
}

/// <summary>A random pipeline configuration and scoring instant.</summary>
internal sealed record PipelineSettings(double[] Weights, double Bias, double HalfLifeDays, PeakEndWeights PeakEnd, int[] Order, double AsOfDays)
{
    public ScoringPipeline Build(bool shuffled = true)
    {
        var scorers = BuiltInScorers.Create();
        var builder = new ScoringPipelineBuilder()
            .WithNegativityBias(Bias)
            .WithRecencyHalfLife(TimeSpan.FromDays(HalfLifeDays))
            .WithPeakEnd(PeakEnd);
        for (var i = 0; i < scorers.Count; i++)
        {
            var k = shuffled ? Order[i] : i;
            builder.AddScorer(scorers[k], Weights[k]);
        }

        return builder.Build();
    }

    public DateTimeOffset AsOf(Interaction[] journey) => (journey.Length == 0 ? Scenario.Start : journey[^1].Timestamp).AddDays(AsOfDays);

    public override string ToString() =>
        $"weights [{string.Join(", ", Weights)}], bias {Bias}, half-life {HalfLifeDays} d, {PeakEnd}, order [{string.Join(", ", Order)}], asOf +{AsOfDays} d";
}
