using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using CxCore.Domain;
using CxCore.Engine;

namespace CxCore.Serialization;

/// <summary>
/// Reads canonical events (format v1, see docs/event-format.md) from JSON Lines or CSV, streaming: the input is never
/// held in memory whole, only the current line (and, when JSON Lines are parsed on several threads, a few chunks of up
/// to 256 lines or 64 KB each). Bad lines never stop a read (unless <see cref="InteractionReaderOptions.Strict"/>):
/// each is reported with its line number, field, value and reason, can go to a dead letter, and every valid line is kept.
/// Immutable and thread-safe; each read has its own state.
/// </summary>
/// <example>
/// <code>
/// var reader = new InteractionReader(ChannelRegistry.WellKnown);
/// var report = new ReadReport();
/// await using var file = File.OpenRead("events.jsonl");
/// await foreach (var interaction in reader.ReadJsonLinesAsync(file, report))
/// {
///     Console.WriteLine(interaction);
/// }
///
/// foreach (var error in report.Errors)
/// {
///     Console.WriteLine(error); // line 7: field 'nps': value '11': NPS must be between 0 and 10, but was 11.
/// }
/// </code>
/// </example>
public sealed class InteractionReader
{
    private static readonly byte[] LineFeed = "\n"u8.ToArray();

    private readonly FrozenDictionary<string, Channel> _channels;
    private readonly string _channelNames;

    /// <summary>Creates a reader that accepts the channels of <paramref name="channels"/>.</summary>
    /// <param name="channels">The channels accepted; <see cref="ChannelRegistry.WellKnown"/> unless the host added its own.</param>
    /// <param name="options">How bad input is treated; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (every problem is named).</exception>
    public InteractionReader(ChannelRegistry channels, InteractionReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        options ??= new InteractionReaderOptions();
        options.Validate();
        Channels = channels;
        Options = options;
        var registered = channels.Channels;
        _channels = registered.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        _channelNames = string.Join(", ", registered.Select(c => c.Name));
    }

    /// <summary>The channels accepted.</summary>
    public ChannelRegistry Channels { get; }

    /// <summary>The options in force.</summary>
    public InteractionReaderOptions Options { get; }

    /// <summary>Reads JSON Lines: one canonical event object per line, UTF-8 (a leading BOM is skipped), LF or CRLF.</summary>
    /// <param name="source">The input; read to its end, not disposed.</param>
    /// <param name="report">Filled with counts and errors as the read goes; optional.</param>
    /// <param name="cancellationToken">Stops the read between lines.</param>
    /// <returns>The valid events, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not readable.</exception>
    /// <exception cref="InteractionReadException">While enumerating, in strict mode: the first rejected line.</exception>
    /// <remarks>
    /// With <see cref="InteractionReaderOptions.ParseParallelism"/> above 1, lines are parsed on that many threads at a
    /// time while everything else keeps input order: the events come out in input order, and errors, duplicate ids, the
    /// dead letter and strict mode behave exactly as when reading on one thread.
    /// </remarks>
    public IAsyncEnumerable<Interaction> ReadJsonLinesAsync(Stream source, ReadReport? report = null, CancellationToken cancellationToken = default)
    {
        EnsureReadable(source);
        return Options.ParseParallelism > 1
            ? ReadJsonLinesInParallelAsync(source, report ?? new ReadReport(), cancellationToken)
            : ReadAsync(source, report ?? new ReadReport(), csv: false, cancellationToken);
    }

    /// <summary>
    /// Reads CSV (RFC 4180, UTF-8, comma-separated, header row with the canonical field names; any other column is an
    /// attribute). A header without a required column fails the read, strict or not, since no row could be valid.
    /// </summary>
    /// <param name="source">The input; read to its end, not disposed.</param>
    /// <param name="report">Filled with counts and errors as the read goes; optional.</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    /// <returns>The valid events, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not readable.</exception>
    /// <exception cref="InteractionReadException">
    /// While enumerating: the header is unusable (missing required column, duplicate or empty column name); in strict
    /// mode also the first rejected row.
    /// </exception>
    public IAsyncEnumerable<Interaction> ReadCsvAsync(Stream source, ReadReport? report = null, CancellationToken cancellationToken = default)
    {
        EnsureReadable(source);
        return ReadAsync(source, report ?? new ReadReport(), csv: true, cancellationToken);
    }

    private static void EnsureReadable(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream must be readable.", nameof(source));
        }
    }

    internal static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    private static LineResult Parse(
        in LineSegment segment,
        LineSplitter splitter,
        EventDraft draft,
        JsonLineParser? json,
        CsvParser? table,
        SeenIds? seen,
        out Interaction? interaction,
        out ReadError? error)
    {
        interaction = null;
        error = null;
        var content = splitter.Content(segment);
        if (IsBlank(content))
        {
            return LineResult.Blank;
        }

        draft.Reset(segment.LineNumber);
        if (table is { HasHeader: false })
        {
            error = table.ReadHeader(content, splitter.Raw(segment).Span);
            return error is null ? LineResult.Header : LineResult.Fatal;
        }

        error = json is not null ? json.Parse(content, out interaction) : table!.Parse(content, out interaction);
        if (error is not null)
        {
            return LineResult.Rejected;
        }

        if (seen is not null)
        {
            var id = interaction!.Id.Value;
            if (!seen.TryAdd(IdHash.Of(id), segment.LineNumber, out var firstLine))
            {
                error = DuplicateId(segment.LineNumber, id, firstLine);
                interaction = null;
                return LineResult.Rejected;
            }
        }

        return LineResult.Accepted;
    }

    private static ReadError DuplicateId(long line, string id, long firstLine) =>
        new(line, "id", id, $"duplicate id: it was first read on line {firstLine}, which is kept");

    private ReadError TooLong(long line) =>
        new(line, null, null, $"line exceeds {Options.MaxLineBytes} bytes (InteractionReaderOptions.MaxLineBytes); it was skipped");

    // A dead-lettered line keeps its own line break; one that had none (the input's last) gets "\n", so the next appends cleanly.
    private static bool NeedsLineFeed(LineKind kind, ReadOnlySpan<byte> raw) =>
        kind is LineKind.Line or LineKind.OverlongWhole or LineKind.OverlongLast && (raw.IsEmpty || raw[^1] != '\n');

    private InteractionReadException Fatal(ReadError error, ReadReport report)
    {
        report.Add(error, Options.MaxReportedErrors);
        Options.OnError?.Invoke(error);
        return new InteractionReadException(error);
    }

    private void Reject(ReadError error, ReadReport report)
    {
        report.Rejected++;
        CxTelemetry.Rejected.Add(1);
        report.Add(error, Options.MaxReportedErrors);
        Options.OnError?.Invoke(error);
        if (Options.Strict)
        {
            throw new InteractionReadException(error);
        }
    }

    private static async ValueTask WriteDeadLetterAsync(Stream deadLetter, ReadOnlyMemory<byte> raw, bool addLineFeed, CancellationToken cancellationToken)
    {
        await deadLetter.WriteAsync(raw, cancellationToken).ConfigureAwait(false);
        if (addLineFeed)
        {
            await deadLetter.WriteAsync(LineFeed, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<Interaction> ReadAsync(
        Stream source,
        ReadReport report,
        bool csv,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = Options;
        var deadLetter = options.Strict ? null : options.DeadLetter;
        using var seen = options.DetectDuplicateIds ? new SeenIds() : null;
        var deadLetterStarted = false;
        using var splitter = new LineSplitter(source, options.MaxLineBytes, csv);
        using var draft = new EventDraft(_channels, _channelNames);
        var json = csv ? null : new JsonLineParser(draft);
        var table = csv ? new CsvParser(draft) : null;
        try
        {
            while (true)
            {
                if (!splitter.TryReadLine(out var segment))
                {
                    if (!await splitter.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                report.LinesRead += segment.Lines;
                if (segment.IsOverlong)
                {
                    if (segment.StartsOverlong)
                    {
                        var tooLong = TooLong(segment.LineNumber);
                        if (table is { HasHeader: false })
                        {
                            throw Fatal(tooLong with { Reason = "the CSV header " + tooLong.Reason }, report);
                        }

                        Reject(tooLong, report);
                    }
                }
                else
                {
                    switch (Parse(segment, splitter, draft, json, table, seen, out var interaction, out var error))
                    {
                        case LineResult.Blank:
                            report.BlankLines += segment.Lines;
                            continue;
                        case LineResult.Header:
                            continue;
                        case LineResult.Fatal:
                            throw Fatal(error!, report);
                        case LineResult.Accepted:
                            report.Accepted++;
                            yield return interaction!;
                            continue;
                        default:
                            Reject(error!, report);
                            break;
                    }
                }

                if (deadLetter is not null)
                {
                    if (table is not null && !deadLetterStarted)
                    {
                        var header = table.HeaderRaw;
                        await WriteDeadLetterAsync(deadLetter, header, header is [] or [.., not (byte)'\n'], cancellationToken).ConfigureAwait(false);
                    }

                    deadLetterStarted = true;
                    var raw = splitter.Raw(segment);
                    await WriteDeadLetterAsync(deadLetter, raw, NeedsLineFeed(segment.Kind, raw.Span), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            report.PeakBufferBytes = Math.Max(report.PeakBufferBytes, splitter.PeakBufferBytes);
        }
    }

    /// <summary>
    /// <see cref="ReadAsync"/> for JSON Lines with the parsing spread over threads (<see cref="JsonLinesPipeline"/>):
    /// the chunks arrive parsed and in input order, and this loop does, line by line, what the one-thread loop does after
    /// parsing (counts, duplicate ids, errors, dead letter, strict mode), so both give the same result.
    /// </summary>
    private async IAsyncEnumerable<Interaction> ReadJsonLinesInParallelAsync(
        Stream source,
        ReadReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = Options;
        var deadLetter = options.Strict ? null : options.DeadLetter;
        using var seen = options.DetectDuplicateIds ? new SeenIds() : null;
        using var splitter = new LineSplitter(source, options.MaxLineBytes, csv: false);
        var pipeline = new JsonLinesPipeline(splitter, _channels, _channelNames, options.ParseParallelism, keepOverlongBytes: deadLetter is not null, cancellationToken);
        LineChunk? current = null;
        try
        {
            await foreach (var chunk in pipeline.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
            {
                current = chunk;
                for (var i = 0; i < chunk.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var line = chunk.Lines[i];
                    report.LinesRead += line.Lines;
                    var error = line.Error;
                    if (line.Kind == LineKind.Line)
                    {
                        if (line.Result == LineResult.Blank)
                        {
                            report.BlankLines += line.Lines;
                            continue;
                        }

                        if (line.Interaction is { } interaction)
                        {
                            if (seen is null || seen.TryAdd(line.Hash, line.LineNumber, out var firstLine))
                            {
                                report.Accepted++;
                                yield return interaction;
                                continue;
                            }

                            error = DuplicateId(line.LineNumber, interaction.Id.Value, firstLine);
                        }
                    }
                    else if (line.Kind is LineKind.OverlongWhole or LineKind.OverlongFirst)
                    {
                        error = TooLong(line.LineNumber);
                    }

                    if (error is not null)
                    {
                        Reject(error, report);
                    }

                    if (deadLetter is not null)
                    {
                        var raw = chunk.Raw(line);
                        await WriteDeadLetterAsync(deadLetter, raw, NeedsLineFeed(line.Kind, raw.Span), cancellationToken).ConfigureAwait(false);
                    }
                }

                current = null;
                pipeline.Recycle(chunk);
            }
        }
        finally
        {
            if (current is not null)
            {
                pipeline.Recycle(current); // stopped in the middle of a chunk
            }

            await pipeline.DisposeAsync().ConfigureAwait(false);
            report.PeakBufferBytes = Math.Max(report.PeakBufferBytes, splitter.PeakBufferBytes);
        }
    }
}
