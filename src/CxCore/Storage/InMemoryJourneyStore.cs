using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CxCore.Domain;

namespace CxCore.Storage;

/// <summary>
/// The default <see cref="IJourneyStore"/>: everything in process memory, gone when the process ends. Thread-safe;
/// operations complete synchronously, so the engine's record path does not allocate for the store.
/// </summary>
/// <remarks>
/// Each customer's interactions are kept in compact form (about 90 bytes per interaction without text, everything the
/// store holds included, instead of about 190 as objects; see docs/performance.md): one array of fixed-size records,
/// the ids in one byte block, and a side table for the rare fields. <see cref="GetInteractionsAsync"/> rebuilds <see cref="Interaction"/> objects, equal field by field to
/// the ones appended, in time order. Kinds, channels and touchpoints are interned process-wide. An engine over this
/// store scores straight from these records (it keeps no copy of its own), so write to a store an engine uses only
/// through that engine.
/// </remarks>
public sealed class InMemoryJourneyStore : IJourneyStore, ISharedInteractionLogs
{
    private readonly ConcurrentDictionary<CustomerId, InteractionLog> _customers = new();
    private readonly ConcurrentDictionary<CustomerIdentity, CustomerId> _identities = new();

    /// <summary>How many customers have stored interactions.</summary>
    public int CustomerCount => _customers.Count;

    /// <inheritdoc/>
    public ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<bool>(Append(GetOrAddLog(interaction.CustomerId), interaction));
    }

    private InteractionLog GetOrAddLog(CustomerId customerId) =>
        _customers.GetOrAdd(customerId, static id => new InteractionLog(id, indexIds: true));

    /// <inheritdoc/>
    InteractionLog ISharedInteractionLogs.GetOrAddLog(CustomerId customerId) => GetOrAddLog(customerId);

    /// <inheritdoc/>
    bool ISharedInteractionLogs.TryAppend(InteractionLog log, in PackedInteraction interaction, ReadOnlySpan<byte> bytes)
    {
        lock (log)
        {
            return log.Insert(interaction, interaction.Id(bytes)) >= 0;
        }
    }

    /// <inheritdoc/>
    bool ISharedInteractionLogs.TryAppend(InteractionLog log, Interaction interaction) => Append(log, interaction);

    private static bool Append(InteractionLog log, Interaction interaction)
    {
        lock (log)
        {
            return log.Insert(interaction) >= 0;
        }
    }

    /// <inheritdoc/>
    InteractionLog? ISharedInteractionLogs.FindLog(CustomerId customerId) => _customers.TryGetValue(customerId, out var log) ? log : null;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Interaction>> GetInteractionsAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        cancellationToken.ThrowIfCancellationRequested();
        if (!_customers.TryGetValue(customerId, out var log))
        {
            return new ValueTask<IReadOnlyList<Interaction>>([]);
        }

        lock (log)
        {
            return new ValueTask<IReadOnlyList<Interaction>>(log.MaterializeAll(log.Count));
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CustomerId> GetCustomerIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var id in _customers.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<CustomerId?>(_identities.TryGetValue(identity, out var id) ? id : null);
    }

    /// <inheritdoc/>
    public ValueTask LinkIdentityAsync(CustomerIdentity identity, CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        if (identity.Value is null)
        {
            throw new ArgumentException("identity must not be the default value.", nameof(identity));
        }

        cancellationToken.ThrowIfCancellationRequested();
        _identities[identity] = customerId;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<IReadOnlyList<CustomerIdentity>>([.. _identities.Where(p => p.Value == customerId).Select(p => p.Key)]);
    }

    /// <inheritdoc/>
    public ValueTask<int> DeleteCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        cancellationToken.ThrowIfCancellationRequested();
        var removed = 0;
        if (_customers.TryRemove(customerId, out var log))
        {
            lock (log)
            {
                removed += log.Count;
                log.Release(); // cleared: no reachable copy of the erased interactions is left
            }
        }

        foreach (var (identity, owner) in _identities)
        {
            if (owner == customerId && _identities.TryRemove(KeyValuePair.Create(identity, owner)))
            {
                removed++;
            }
        }

        return new ValueTask<int>(removed);
    }
}
