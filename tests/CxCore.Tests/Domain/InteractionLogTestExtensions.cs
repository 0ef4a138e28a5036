using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>The two ways the product inserts into a log, named for the tests that use them.</summary>
internal static class InteractionLogTestExtensions
{
    /// <summary>The store's use: insert unless the id is already there (indexed logs); false for a duplicate.</summary>
    public static bool TryAppend(this InteractionLog log, Interaction interaction) => log.Insert(interaction) >= 0;

    /// <summary>The engine's own log (unindexed): insert in replay order, returning the position.</summary>
    public static int InsertInReplayOrder(this InteractionLog log, Interaction interaction) => log.Insert(interaction);
}
