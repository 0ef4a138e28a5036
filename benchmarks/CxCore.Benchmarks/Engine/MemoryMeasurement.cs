using System.Diagnostics;
using System.Runtime.CompilerServices;
using CxCore.Domain;
using CxCore.Storage;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// <c>--memory N [customers]</c>: records N synthetic interactions without text (default over N/10 customers) through an
/// engine with the default in-memory store, forces a full GC and reports the managed heap growth per interaction, split
/// into what the store keeps (with the interactions themselves) and the engine's live state.
/// </summary>
internal static class MemoryMeasurement
{
    public static void Run(long count, int customerCount)
    {
        Console.WriteLine($"Recording {count:N0} interactions without text over {customerCount:N0} customers (.NET {Environment.Version}, Server GC: {System.Runtime.GCSettings.IsServerGC})");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var engine = new StrongBox<object?>();
        var (store, elapsed) = Record(count, customerCount, engine);
        var total = GC.GetTotalMemory(forceFullCollection: true) - before;
        var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
        engine.Value = null;
        var storeOnly = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(store);

        Console.WriteLine($"Recorded in {elapsed.TotalSeconds:F1} s ({count / elapsed.TotalSeconds:N0} interactions/s, one thread; GC gen0/1/2 collections: {collections})");
        Console.WriteLine($"Total:                {total,15:N0} B = {(double)total / count,7:F1} B per interaction");
        Console.WriteLine($"  Store (+ the records): {storeOnly,13:N0} B = {(double)storeOnly / count,7:F1} B per interaction");
        Console.WriteLine($"  Engine live state:   {total - storeOnly,13:N0} B = {(double)(total - storeOnly) / count,7:F1} B per interaction");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (InMemoryJourneyStore Store, TimeSpan Elapsed) Record(long count, int customerCount, StrongBox<object?> holder)
    {
        var customers = SyntheticInteractions.Customers(customerCount);
        var store = new InMemoryJourneyStore();
        var engine = EngineFactory.Create(store);
        holder.Value = engine;
        var watch = Stopwatch.StartNew();
        for (long i = 0; i < count; i++)
        {
            var interaction = SyntheticInteractions.Create(i, customers[i % customerCount], (int)(i / customerCount));
            var pending = engine.RecordAsync(interaction);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }

        return (store, watch.Elapsed);
    }
}
