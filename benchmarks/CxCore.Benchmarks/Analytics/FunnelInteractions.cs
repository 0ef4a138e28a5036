using CxCore.Domain;

namespace CxCore.Benchmarks.Analytics;

/// <summary>
/// Deterministic synthetic interactions for the funnel benchmark and its equivalence test (which links this file):
/// each customer's interactions are generated together, in time order, as a walk through page_view → add_to_cart →
/// checkout → purchase with drop-off, restarts and noise kinds in between, gaps from a second to twelve days (so
/// some attempts fall out of a 7-day window). Kept as columns (struct of arrays), 13 bytes per interaction, so 10 M
/// of them cost little before they become <see cref="Interaction"/>s or DuckDB rows.
/// </summary>
internal sealed class FunnelInteractions
{
    /// <summary>The funnel's kinds, in step order; kind indexes 0–3.</summary>
    public static readonly string[] FunnelKinds = ["page_view", "add_to_cart", "checkout", "purchase"];

    /// <summary>Every kind: the funnel's, then the noise (kind indexes 4 and up).</summary>
    public static readonly string[] Kinds = [.. FunnelKinds, "product_view", "search", "email_open", "support_request", "review", "delivered"];

    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A range holding every generated interaction (starts spread over 75 days, the last ones run past day 90).</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(150);

    // Chance of moving on from step k to k + 1 at the next funnel event (else back to page_view: a new attempt).
    private static readonly double[] Continue = [0.45, 0.55, 0.7];

    private FunnelInteractions(int customerCount, int count)
    {
        CustomerCount = customerCount;
        Customer = new int[count];
        Ticks = new long[count];
        Kind = new byte[count];
    }

    public int CustomerCount { get; }

    public int Count => Customer.Length;

    /// <summary>Customer index of interaction <c>i</c>; interaction <c>i</c>'s id is <see cref="InteractionIdOf"/>(i).</summary>
    public int[] Customer { get; }

    /// <summary>UTC ticks of interaction <c>i</c>, whole seconds (so DuckDB's microsecond TIMESTAMP holds them exactly).</summary>
    public long[] Ticks { get; }

    /// <summary>Index into <see cref="Kinds"/>.</summary>
    public byte[] Kind { get; }

    public static string CustomerIdOf(int customer) => $"c-{customer:D7}";

    /// <summary>Zero-padded, so ordinal order of ids (CxCore's tie-break) is the numeric order DuckDB's id column has.</summary>
    public static string InteractionIdOf(long sequence) => $"e-{sequence:D9}";

    /// <summary>
    /// <paramref name="count"/> interactions over <paramref name="customerCount"/> customers (each 2 to 18, mean
    /// count / customers), grouped by customer, each customer's in time order.
    /// </summary>
    /// <param name="resolution">Time resolution: one second gives every customer distinct timestamps; an hour gives many ties.</param>
    public static FunnelInteractions Generate(int customerCount, int count, int seed, TimeSpan resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2 * customerCount);
        var data = new FunnelInteractions(customerCount, count);
        var random = new Random(seed);
        var step = resolution.Ticks;
        var i = 0;
        for (var c = 0; c < customerCount; c++)
        {
            // Quotas spread around the mean and add up to exactly count: the last customer takes the remainder.
            var remainingCustomers = customerCount - c;
            var mean = (count - i) / remainingCustomers;
            var quota = c == customerCount - 1 ? count - i : Math.Clamp(mean + random.Next(-8, 9), 2, Math.Max(2, count - i - (2 * (remainingCustomers - 1))));
            var ticks = Start.Ticks + (random.NextInt64(TimeSpan.FromDays(75).Ticks) / step * step);
            var state = -1;
            for (var k = 0; k < quota; k++, i++)
            {
                if (k > 0)
                {
                    ticks += Gap(random) / step * step;
                    if (resolution == TimeSpan.FromSeconds(1))
                    {
                        ticks += TimeSpan.TicksPerSecond; // distinct timestamps per customer
                    }
                }

                byte kind;
                if (random.NextDouble() < 0.35)
                {
                    kind = (byte)(FunnelKinds.Length + random.Next(Kinds.Length - FunnelKinds.Length));
                }
                else
                {
                    state = state is >= 0 and < 3 && random.NextDouble() < Continue[state] ? state + 1 : 0;
                    kind = (byte)state;
                }

                data.Customer[i] = c;
                data.Ticks[i] = ticks;
                data.Kind[i] = kind;
            }
        }

        return data;
    }

    /// <summary>Interaction indexes in time order across customers: the order a live system receives them in.</summary>
    public int[] ArrivalOrder()
    {
        var keys = (long[])Ticks.Clone();
        var order = Enumerable.Range(0, Count).ToArray();
        Array.Sort(keys, order);
        return order;
    }

    public Interaction CreateInteraction(int i, CustomerId[] customers) =>
        new(new InteractionId(InteractionIdOf(i)), customers[Customer[i]], new DateTimeOffset(Ticks[i], TimeSpan.Zero), Channel.Web, Kinds[Kind[i]]);

    public CustomerId[] CustomerIds() => [.. Enumerable.Range(0, CustomerCount).Select(c => new CustomerId(CustomerIdOf(c)))];

    /// <summary>60 % within two hours, 30 % up to three days, 10 % three to twelve days.</summary>
    private static long Gap(Random random)
    {
        var r = random.NextDouble();
        var (min, max) = r < 0.6 ? (TimeSpan.Zero, TimeSpan.FromHours(2))
            : r < 0.9 ? (TimeSpan.FromHours(2), TimeSpan.FromDays(3))
            : (TimeSpan.FromDays(3), TimeSpan.FromDays(12));
        return min.Ticks + random.NextInt64(max.Ticks - min.Ticks);
    }
}
