using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CxCore.Domain;

namespace CxCore.Storage;

/// <summary>
/// The default <see cref="IJourneyStore"/>: everything in process memory, gone when the process ends. Thread-safe;
/// operations complete synchronously, so the engine's record path does not allocate for the store beyond the stored
/// interaction itself.
/// </summary>
public sealed class InMemoryJourneyStore : IJourneyStore
{
    private readonly ConcurrentDictionary<CustomerId, Bucket> _customers = new();
    private readonly ConcurrentDictionary<CustomerIdentity, CustomerId> _identities = new();

    /// <summary>How many customers have stored interactions.</summary>
    public int CustomerCount => _customers.Count;

    /// <inheritdoc/>
    public ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        cancellationToken.ThrowIfCancellationRequested();
        var bucket = _customers.GetOrAdd(interaction.CustomerId, static _ => new Bucket());
        lock (bucket)
        {
            if (!bucket.TryAdd(interaction))
            {
                return new ValueTask<bool>(false);
            }

            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Interaction>> GetInteractionsAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        cancellationToken.ThrowIfCancellationRequested();
        if (!_customers.TryGetValue(customerId, out var bucket))
        {
            return new ValueTask<IReadOnlyList<Interaction>>([]);
        }

        lock (bucket)
        {
            return new ValueTask<IReadOnlyList<Interaction>>(bucket.Interactions.ToArray());
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
        if (_customers.TryRemove(customerId, out var bucket))
        {
            lock (bucket)
            {
                removed += bucket.Interactions.Count;
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

    /// <summary>
    /// One customer's interactions in append order. Ids are checked by a scan while the customer has few interactions
    /// (most customers: no hash set to pay for, about 50 B per interaction); an id set is built past
    /// <see cref="IndexThreshold"/> so appends stay O(1) for long journeys.
    /// </summary>
    private sealed class Bucket
    {
        private const int IndexThreshold = 32;

        private HashSet<InteractionId>? _ids;

        public List<Interaction> Interactions { get; } = new(4);

        public bool TryAdd(Interaction interaction)
        {
            if (_ids is not null)
            {
                if (!_ids.Add(interaction.Id))
                {
                    return false;
                }
            }
            else
            {
                var id = interaction.Id.Value;
                foreach (var existing in CollectionsMarshal.AsSpan(Interactions))
                {
                    if (string.Equals(existing.Id.Value, id, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                if (Interactions.Count >= IndexThreshold)
                {
                    _ids = [.. Interactions.Select(static i => i.Id)];
                    _ids.Add(interaction.Id);
                }
            }

            Interactions.Add(interaction);
            return true;
        }
    }
}
