using CxCore.Domain;
using CxCore.Storage;

namespace CxCore.Tests.Storage;

/// <summary>
/// A store that passes every call to another: tests derive from it and override the call they want to delay or fail.
/// Being a wrapper, it also hides the in-memory store's shared logs from the engine.
/// </summary>
internal class DelegatingJourneyStore(IJourneyStore inner) : IJourneyStore
{
    public virtual ValueTask<bool> TryAppendAsync(Interaction interaction, CancellationToken cancellationToken = default) => inner.TryAppendAsync(interaction, cancellationToken);

    public virtual ValueTask<IReadOnlyList<Interaction>> GetInteractionsAsync(CustomerId customerId, CancellationToken cancellationToken = default) => inner.GetInteractionsAsync(customerId, cancellationToken);

    public virtual IAsyncEnumerable<CustomerId> GetCustomerIdsAsync(CancellationToken cancellationToken = default) => inner.GetCustomerIdsAsync(cancellationToken);

    public virtual ValueTask<CustomerId?> FindCustomerAsync(CustomerIdentity identity, CancellationToken cancellationToken = default) => inner.FindCustomerAsync(identity, cancellationToken);

    public virtual ValueTask LinkIdentityAsync(CustomerIdentity identity, CustomerId customerId, CancellationToken cancellationToken = default) => inner.LinkIdentityAsync(identity, customerId, cancellationToken);

    public virtual ValueTask<IReadOnlyList<CustomerIdentity>> GetIdentitiesAsync(CustomerId customerId, CancellationToken cancellationToken = default) => inner.GetIdentitiesAsync(customerId, cancellationToken);

    public virtual ValueTask<int> DeleteCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default) => inner.DeleteCustomerAsync(customerId, cancellationToken);
}
