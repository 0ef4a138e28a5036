namespace CxCore.Engine;

/// <summary>Totals of a batch or a stream of interactions recorded by the engine.</summary>
/// <param name="Processed">Interactions read.</param>
/// <param name="Recorded">Interactions recorded in time order.</param>
/// <param name="RecordedLate">Interactions recorded out of order (their journeys were recomputed).</param>
/// <param name="Duplicates">Interactions ignored because their id was already recorded for that customer.</param>
/// <param name="StageChanges">How many interactions moved a customer to another stage.</param>
/// <param name="Elapsed">Wall-clock time taken.</param>
public sealed record IngestResult(long Processed, long Recorded, long RecordedLate, long Duplicates, long StageChanges, TimeSpan Elapsed)
{
    /// <summary>Interactions processed per second (0 when nothing was processed).</summary>
    public double PerSecond => Processed == 0 || Elapsed <= TimeSpan.Zero ? 0 : Processed / Elapsed.TotalSeconds;
}
