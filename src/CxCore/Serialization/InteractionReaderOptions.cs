namespace CxCore.Serialization;

/// <summary>How an <see cref="InteractionReader"/> treats bad input. Immutable once the reader is created.</summary>
/// <example>
/// <code>
/// await using var deadLetter = File.Create("rejected.jsonl");
/// var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions
/// {
///     DeadLetter = deadLetter,
///     OnError = error => logger.LogWarning("{Error}", error),
/// });
/// </code>
/// </example>
public sealed class InteractionReaderOptions
{
    /// <summary>The default <see cref="MaxLineBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxLineBytes = 1024 * 1024;

    /// <summary>The smallest <see cref="MaxLineBytes"/> accepted: 256 bytes.</summary>
    public const int MinMaxLineBytes = 256;

    /// <summary>The largest <see cref="MaxLineBytes"/> accepted: 256 MiB.</summary>
    public const int MaxMaxLineBytes = 256 * 1024 * 1024;

    /// <summary>
    /// When true, the first rejected line stops the read with an <see cref="InteractionReadException"/> carrying its
    /// <see cref="ReadError"/>; nothing is written to <see cref="DeadLetter"/>. Lines before it have already been handed out.
    /// Default false: bad lines are reported and skipped, every valid line is kept.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// The longest line (a CSV row, including its quoted line breaks) read, in bytes without the line break. A longer
    /// line is rejected with "line exceeds N bytes" without being held in memory, and reading goes on with the next one.
    /// The reader buffers at most about twice this. Default <see cref="DefaultMaxLineBytes"/>.
    /// </summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    /// <summary>How many errors <see cref="ReadReport.Errors"/> keeps; the rest are only counted. Default 1,000.</summary>
    public int MaxReportedErrors { get; init; } = 1000;

    /// <summary>
    /// Whether an id seen earlier in the same input rejects the later line (the first is kept). Default true; costs
    /// memory proportional to the distinct ids of one input. Turn it off for inputs too large for that and rely on the
    /// engine, which ignores an id recorded twice.
    /// </summary>
    public bool DetectDuplicateIds { get; init; } = true;

    /// <summary>
    /// Where the raw bytes of every rejected line go, exactly as read (with the line's own line break, or <c>\n</c> when
    /// the input's last line had none). For CSV the header row is written first, so the dead-letter file is itself a
    /// valid input once fixed. The reader writes to it but neither flushes nor disposes it. Default none.
    /// </summary>
    public Stream? DeadLetter { get; init; }

    /// <summary>Called for every error as it is found (also those beyond <see cref="MaxReportedErrors"/>). Default none.</summary>
    public Action<ReadError>? OnError { get; init; }

    /// <summary>The most parsing threads a read may use.</summary>
    public const int MaxParseParallelism = 1024;

    /// <summary>
    /// How many threads parse JSON Lines at a time. The events still come out in input order, and errors, duplicate
    /// ids, the dead letter and strict mode behave as on one thread (a strict read may parse a few chunks past its
    /// first error before it stops); up to two chunks of 256 lines (or 64 KB, or one longer line) per thread are read
    /// ahead, and stopping early waits for a read of the source in progress. Worth it for a
    /// large file read on a machine with cores to spare: on this repository's 2-core benchmark machine, reading alone
    /// went 1.1–2.2× faster with 2, while an ingest, whose workers already keep both cores busy, did not gain. CSV is always
    /// parsed on the reading thread. Default 1 (parse on the reading thread); 1 to <see cref="MaxParseParallelism"/>.
    /// </summary>
    public int ParseParallelism { get; init; } = 1;

    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxLineBytes is < MinMaxLineBytes or > MaxMaxLineBytes)
        {
            problems.Add($"MaxLineBytes must be between {MinMaxLineBytes} and {MaxMaxLineBytes}, but was {MaxLineBytes}.");
        }

        if (MaxReportedErrors < 0)
        {
            problems.Add($"MaxReportedErrors must be 0 or more, but was {MaxReportedErrors}.");
        }

        if (ParseParallelism is < 1 or > MaxParseParallelism)
        {
            problems.Add($"ParseParallelism must be between 1 and {MaxParseParallelism}, but was {ParseParallelism}.");
        }

        if (DeadLetter is { CanWrite: false })
        {
            problems.Add("DeadLetter must be a writable stream.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid InteractionReaderOptions: " + string.Join(" ", problems),
                "options");
        }
    }
}
