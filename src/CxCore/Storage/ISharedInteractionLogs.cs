using CxCore.Domain;

namespace CxCore.Storage;

/// <summary>
/// A store that keeps each customer's interactions as an <see cref="InteractionLog"/> in process (the in-memory store)
/// and lets the engine score over that same log instead of keeping a second copy: half the memory, and one insert per
/// interaction instead of two. The engine reads a customer's log only under that customer's lock, after the store's own
/// insert returned, which is safe because every write for the customer goes through the engine.
/// </summary>
internal interface ISharedInteractionLogs
{
    /// <summary>The customer's log, or null when nothing is stored for them.</summary>
    InteractionLog? FindLog(CustomerId customerId);

    /// <summary>
    /// <see cref="IJourneyStore.TryAppendAsync"/> for a customer whose log the caller already holds (from
    /// <see cref="FindLog"/>): skips looking the customer up again.
    /// </summary>
    /// <returns>False for a duplicate id.</returns>
    bool TryAppend(InteractionLog log, Interaction interaction);

    /// <summary><see cref="TryAppend(InteractionLog, Interaction)"/> for an interaction the reader packed (ids in <paramref name="bytes"/>).</summary>
    /// <returns>False for a duplicate id.</returns>
    bool TryAppend(InteractionLog log, in PackedInteraction interaction, ReadOnlySpan<byte> bytes);

    /// <summary>The customer's log, created empty when nothing is stored for them yet.</summary>
    InteractionLog GetOrAddLog(CustomerId customerId);
}
