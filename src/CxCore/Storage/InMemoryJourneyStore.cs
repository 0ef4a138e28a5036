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
    /// One customer's interactions in append order. Ids are checked against a parallel array of their hash codes: one
    /// contiguous (vectorised) scan instead of visiting every stored interaction and its id string, which matters when
    /// millions of customers take turns and their data is cold. Past <see cref="IndexThreshold"/> interactions a hash
    /// set takes over, so appends stay O(1) for long journeys.
    /// </summary>
    private sealed class Bucket
    {
        private const int IndexThreshold = 256;

        private HashSet<InteractionId>? _ids;
        private int[] _hashes = new int[4];

        public List<Interaction> Interactions { get; } = new(4);

        public bool TryAdd(Interaction interaction)
        {
            var count = Interactions.Count;
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
                var hash = id.GetHashCode(StringComparison.Ordinal);
                var hashes = _hashes.AsSpan(0, count);
                var items = CollectionsMarshal.AsSpan(Interactions);
                for (var at = hashes.IndexOf(hash); at >= 0;)
                {
                    if (string.Equals(items[at].Id.Value, id, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    var next = hashes[(at + 1)..].IndexOf(hash);
                    at = next < 0 ? -1 : at + 1 + next;
                }

                if (count >= IndexThreshold)
                {
                    _ids = [.. Interactions.Select(static i => i.Id)];
                    _ids.Add(interaction.Id);
                    _hashes = [];
                }
                else
                {
                    if (count == _hashes.Length)
                    {
                        Array.Resize(ref _hashes, count * 2);
                    }

                    _hashes[count] = hash;
                }
            }

            Interactions.Add(interaction);
            return true;
        }
    }
}
