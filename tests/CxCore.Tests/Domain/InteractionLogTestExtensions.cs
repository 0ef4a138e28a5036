using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>The two ways the product inserts into a log, named for the tests that use them.</summary>
internal static class InteractionLogTestExtensions
{
    /// <summary>The store's use: insert unless the id is already there (indexed logs); false for a duplicate.</summary>
    public static bool TryAppend(this InteractionLog log, Interaction interaction) => log.Insert(interaction) >= 0;

    /// <summary>The engine's own log (unindexed): insert in replay order, returning the position.</summary>
    public static int InsertInReplayOrder(this InteractionLog log, Interaction interaction) => log.Insert(interaction);

    /// <summary>A log of <see cref="TestData.Customer"/> holding <paramref name="interactions"/> (an indexed one must accept each).</summary>
    public static InteractionLog LogOf(bool indexed, params Interaction[] interactions)
    {
        var log = new InteractionLog(TestData.Customer, indexed);
        foreach (var interaction in interactions)
        {
            if (indexed)
            {
                Assert.True(log.TryAppend(interaction));
            }
            else
            {
                log.InsertInReplayOrder(interaction);
            }
        }

        return log;
    }
}
