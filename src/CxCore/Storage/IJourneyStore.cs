using CxCore.Domain;

namespace CxCore.Storage;

/// <summary>
/// Where CxCore keeps what it was told: every customer's interactions (the source of truth, from which stages and
/// scores are derived) and the aliases that identify customers. Implementations: <see cref="InMemoryJourneyStore"/>
/// (the default), and durable or distributed stores in other packages.
/// </summary>
/// <remarks>
/// The engine serialises all calls for one customer (never two concurrent writes for the same customer), and calls for
/// different customers run in parallel, so an implementation must be safe for concurrent use across customers.
/// Implementations must not throw for a customer they do not know: return empty results instead.
/// </remarks>
public interface IJourneyStore
{
    /// <summary>Stores an interaction, unless one with the same id is already stored for that customer.</summary>
    /// <param name="interaction">The interaction; <see cref="Interaction.CustomerId"/> says whose it is.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when stored; false when the customer already has an interaction with that id.</returns>
    ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// A customer's interactions. The in-memory store returns them in time order (equal timestamps in ordinal id order,
    /// the order journeys replay them); other stores may use any order, the engine sorts them.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interactions; empty for an unknown customer.</returns>
    ValueTask<IReadOnlyList<Interaction>> GetInteractionsAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Every customer with at least one stored interaction, in no particular order.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customer ids.</returns>
    IAsyncEnumerable<CustomerId> GetCustomerIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>The customer an alias belongs to.</summary>
    /// <param name="identity">The alias.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The customer, or null when the alias is not linked.</returns>
    ValueTask<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default);

    /// <summary>Links an alias to a customer (replacing an earlier link of the same alias).</summary>
    /// <param name="identity">The alias.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the link is stored.</returns>
    ValueTask LinkIdentityAsync(CustomerIdentity identity, CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>The aliases linked to a customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The aliases; empty for an unknown customer.</returns>
    ValueTask<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Erases every trace of a customer: interactions and aliases.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many interactions and aliases were removed (0 for an unknown customer).</returns>
    ValueTask<int> DeleteCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);
}
