using CxCore.Domain;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// Deterministic pre-built interactions without text for the record and memory measurements: customers take turns
/// (round robin), timestamps only move forward, kinds walk the journey, a CSAT on one in five and a wait on one in two.
/// </summary>
internal static class SyntheticInteractions
{
    private static readonly string[] Kinds =
        ["page_view", "product_view", "add_to_cart", "purchase", "delivered", "support_request", "support_resolved", "review", "page_view", "purchase"];

    private static readonly Channel[] Channels = [.. ChannelRegistry.WellKnown.Channels];

    private static readonly TouchpointId[] Touchpoints = [.. Enumerable.Range(0, 30).Select(i => new TouchpointId($"tp-{i:D2}"))];

    public static readonly DateTimeOffset Start = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static CustomerId[] Customers(int count) => [.. Enumerable.Range(0, count).Select(i => new CustomerId($"c-{i:D7}"))];

    /// <summary>Interaction number <paramref name="sequence"/> overall, for <paramref name="customer"/>, its <paramref name="round"/>-th.</summary>
    public static Interaction Create(long sequence, CustomerId customer, int round)
    {
        var hash = (uint)(sequence * 2654435761L);
        return new Interaction(
            new InteractionId($"e-{sequence:D9}"),
            customer,
            Start.AddSeconds(sequence),
            Channels[hash % (uint)Channels.Length],
            Kinds[round % Kinds.Length])
        {
            Touchpoint = Touchpoints[(hash >> 8) % (uint)Touchpoints.Length],
            Outcome = (InteractionOutcome)((hash >> 12) % 2 == 0 ? 1 : (hash >> 13) % 4),
            Signals = new InteractionSignals
            {
                Csat = (hash >> 16) % 5 == 0 ? (int)((hash >> 20) % 5) + 1 : null,
                Wait = (hash >> 24) % 2 == 0 ? TimeSpan.FromSeconds((hash >> 4) % 900) : null,
            },
        };
    }
}
