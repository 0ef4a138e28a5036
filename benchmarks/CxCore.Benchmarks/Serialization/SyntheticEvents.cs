using CxCore.Domain;
using CxCore.Serialization;

namespace CxCore.Benchmarks.Serialization;

/// <summary>A deterministic synthetic JSONL file of canonical events with the shape of the contract examples.</summary>
internal static class SyntheticEvents
{
    private static readonly string[] Kinds =
        ["page_view", "product_view", "add_to_cart", "purchase", "support_request", "support_resolved", "review", "delivered"];

    private static readonly string[] Texts =
        ["bot could not find my order", "great service, thanks", "the parcel arrived late and damaged", "ok"];

    public static byte[] JsonLines(int count)
    {
        var random = new Random(42);
        var channels = ChannelRegistry.WellKnown.Channels;
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(-3));
        var interactions = new Interaction[count];
        for (var i = 0; i < count; i++)
        {
            var hasText = random.Next(10) < 3;
            interactions[i] = new Interaction(
                new InteractionId($"e-{i:D7}"),
                new CustomerId($"c-{random.Next(20_000):D5}"),
                start.AddSeconds(i * 17),
                channels[random.Next(channels.Count)],
                Kinds[random.Next(Kinds.Length)])
            {
                Touchpoint = new TouchpointId($"tp-{random.Next(30):D2}"),
                Outcome = (InteractionOutcome)random.Next(4),
                Signals = new InteractionSignals
                {
                    Csat = random.Next(5) == 0 ? random.Next(1, 6) : null,
                    Wait = random.Next(2) == 0 ? TimeSpan.FromSeconds(random.Next(900)) : null,
                    Value = random.Next(4) == 0 ? random.Next(100_000) / 100m : null,
                },
                Text = hasText ? Texts[random.Next(Texts.Length)] : null,
                Attributes = random.Next(5) == 0 ? new Dictionary<string, string> { ["region"] = "SP" } : null!,
            };
        }

        using var stream = new MemoryStream();
        InteractionWriter.WriteJsonLines(stream, interactions);
        return stream.ToArray();
    }
}
