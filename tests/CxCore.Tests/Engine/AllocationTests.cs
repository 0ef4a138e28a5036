using System.Diagnostics;
using System.Reflection;
using CxCore.Domain;
using CxCore.Engine;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// The record path allocates nothing but the customer's storage: once a customer's arrays have room, recording an
/// interaction (stage change and rescoring included) allocates 0 bytes. Counted with the thread's allocation counter,
/// which is exact, not timed.
/// </summary>
[Collection(ProcessWideListeners.Name)]
public sealed class AllocationTests
{
    private static readonly string[] Kinds = ["page_view", "product_view", "add_to_cart", "purchase", "delivered", "support_request", "support_resolved", "review"];

    private static Interaction Nth(string customer, int n) =>
        Of(customer, $"{customer}-{n:D3}", n * 0.5, Kinds[n % Kinds.Length], n % 3 == 0 ? InteractionOutcome.Failed : InteractionOutcome.Succeeded, csat: n % 4 == 0 ? 1 + (n % 5) : null);

    [Fact]
    public void RecordAsync_of_an_existing_customer_allocates_nothing_once_the_customers_arrays_have_room()
    {
        if (typeof(CxEngine).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
        {
            // A Debug build compiles async methods to classes, one allocation per call: only the shipped build can be held to 0 B.
            Assert.Skip("CxCore is a Debug build; run the tests with -c Release (as README and CI do) to check allocations.");
        }

        var engine = Create();
        var customers = Enumerable.Range(0, 50).Select(c => $"c-{c:D2}").ToArray();

        // 20 interactions each: every per-customer array has grown past 20 and has room up to 28 (see EngineRecordBenchmarks).
        for (var n = 0; n < 20; n++)
        {
            foreach (var customer in customers)
            {
                Assert.NotEqual(RecordStatus.Duplicate, Record(engine, Nth(customer, n)).Status);
            }
        }

        var pending = new List<Interaction>();
        for (var n = 20; n < 28; n++)
        {
            pending.AddRange(customers.Select(c => Nth(c, n)));
        }

        // Nothing but the calls between the two readings of the counter (assertions allocate).
        var results = new RecordResult[pending.Count];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Record(engine, pending[i]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.All(results, r => Assert.Equal(RecordStatus.Recorded, r.Status));
        Assert.Contains(results, r => r.StageChanged);
        Assert.Equal(0, allocated);
    }

    private static RecordResult Record(CxEngine engine, Interaction interaction)
    {
        // The in-memory record path completes synchronously; reading the result of a completed ValueTask allocates nothing.
#pragma warning disable CA2012
        var pending = engine.RecordAsync(interaction);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
#pragma warning restore CA2012
    }
}
