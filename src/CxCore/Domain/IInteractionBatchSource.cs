namespace CxCore.Domain;

/// <summary>
/// A stream of interactions that can also be read in compact batches (the reader's JSON Lines and CSV streams): the
/// engine's ingest reads these instead of one object per interaction. Reading the batches gives exactly the
/// interactions, reports, errors and dead letters that enumerating the stream would, in the same order.
/// </summary>
internal interface IInteractionBatchSource
{
    /// <summary>
    /// The interactions in batches, in input order. Each batch is the consumer's until it calls
    /// <see cref="InteractionBatch.Release"/>; a failure of the input comes after the batch of the interactions read
    /// before it. A batch is handed out when full, and whenever the input has nothing more at hand.
    /// </summary>
    /// <returns>The batches; the token given to <c>GetAsyncEnumerator</c> stops the read.</returns>
    IAsyncEnumerable<InteractionBatch> ReadBatches();
}
