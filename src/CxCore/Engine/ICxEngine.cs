using CxCore.Domain;

namespace CxCore.Engine;

/// <summary>
/// The one entry point a host calls: record interactions (one, a batch, or a stream), ask about journeys, manage
/// customer identities, and forget customers. Registered by <c>services.AddCxCore()</c>; thread-safe.
/// </summary>
public interface ICxEngine
{
    /// <summary>
    /// Records one interaction: resolves the customer, applies the journey-stage machine and the scoring pipeline,
    /// stores it, and notifies observers. Idempotent on the interaction id; late interactions are put in time order.
    /// </summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened and the customer's stage and score afterwards.</returns>
    ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Records several interactions (in the given order).</summary>
    /// <param name="interactions">The interactions.</param>
    /// <param name="cancellationToken">Cancels the call; interactions recorded before cancellation stay recorded.</param>
    /// <returns>The totals.</returns>
    ValueTask<IngestResult> RecordBatchAsync(IEnumerable<Interaction> interactions, CancellationToken cancellationToken = default);

    /// <summary>Records a stream of interactions, e.g. from <c>InteractionReader.ReadJsonLinesAsync</c>, reporting progress.</summary>
    /// <remarks>
    /// The default engine splits the stream by customer over <c>CxCoreOptions.IngestParallelism</c> workers: each
    /// customer's interactions are recorded in stream order, different customers in parallel, with the same end result
    /// as recording the stream in order.
    /// </remarks>
    /// <param name="interactions">The stream.</param>
    /// <param name="progress">Receives progress every <c>IngestProgressInterval</c> interactions and at the end; may be null.</param>
    /// <param name="cancellationToken">Cancels the ingest; interactions recorded before cancellation stay recorded.</param>
    /// <returns>The totals.</returns>
    Task<IngestResult> IngestAsync(IAsyncEnumerable<Interaction> interactions, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>A customer's journey as of <paramref name="asOf"/>: stages with time in each, interactions, and the explained score.</summary>
    /// <param name="customerId">The customer (an alias such as <c>email:ana@example.com</c> also works).</param>
    /// <param name="asOf">The instant; null for now. Inactivity timeouts up to it are applied.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The journey, or null for a customer with no interactions.</returns>
    ValueTask<Journey?> GetJourneyAsync(CustomerId customerId, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every customer's journey as of <paramref name="asOf"/>, one customer at a time: the snapshot analytics run over
    /// (e.g. <c>FunnelAnalysis.Analyze(await engine.GetJourneysAsync().ToListAsync(), …)</c>). Each journey is consistent
    /// on its own; recording goes on meanwhile, blocking only the customer being read, for the time it takes to copy it.
    /// </summary>
    /// <param name="asOf">The instant; null for now. Interactions after it are left out; inactivity timeouts up to it are applied.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The journeys, with their explained scores, in no particular order.</returns>
    IAsyncEnumerable<Journey> GetJourneysAsync(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>The customers in <paramref name="stage"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="asOf">The instant; null for now.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers with their status, in no particular order.</returns>
    IAsyncEnumerable<CustomerStatus> GetCustomersInStageAsync(JourneyStage stage, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>The customers whose score band is <c>AtRisk</c> or <c>Detractor</c> as of <paramref name="asOf"/>, worst first.</summary>
    /// <param name="asOf">The instant; null for now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customers with their status, lowest score first.</returns>
    ValueTask<IReadOnlyList<CustomerStatus>> GetCustomersAtRiskAsync(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a customer's aliases, so interactions filed under an alias (<c>kind:value</c>, e.g.
    /// <c>email:ana@example.com</c>) land in this customer's journey.
    /// </summary>
    /// <param name="customer">The customer and their identities.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the aliases are linked.</returns>
    /// <exception cref="InvalidOperationException">An alias already belongs to another customer (merge them explicitly).</exception>
    ValueTask RegisterCustomerAsync(Customer customer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Merges <paramref name="source"/> into <paramref name="target"/>: the source's interactions and aliases move to the
    /// target, the target's journey is recomputed, and later interactions for the source id land in the target.
    /// </summary>
    /// <param name="source">The customer to merge away.</param>
    /// <param name="target">The customer to keep.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The target's journey after the merge.</returns>
    ValueTask<Journey> MergeCustomersAsync(CustomerId source, CustomerId target, CancellationToken cancellationToken = default);

    /// <summary>Erases every trace of a customer: interactions, aliases, journey and score (right to erasure).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was anything to erase.</returns>
    ValueTask<bool> ForgetCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default);
}
