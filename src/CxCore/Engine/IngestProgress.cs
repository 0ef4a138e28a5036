namespace CxCore.Engine;

/// <summary>Progress of a running ingest, reported every <c>ProgressInterval</c> interactions and at the end.</summary>
/// <param name="Processed">Interactions read so far.</param>
/// <param name="Recorded">Interactions recorded so far (in order or late).</param>
/// <param name="Duplicates">Duplicates ignored so far.</param>
/// <param name="Elapsed">Time since the ingest started.</param>
public readonly record struct IngestProgress(long Processed, long Recorded, long Duplicates, TimeSpan Elapsed);
