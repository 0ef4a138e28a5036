using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// Writes interactions in the canonical event format (v1, see docs/event-format.md) as JSON Lines or CSV, UTF-8
/// without BOM, <c>\n</c> line breaks, invariant culture. Lossless: reading the output back with
/// <see cref="InteractionReader"/> gives interactions equal to the ones written, field by field.
/// </summary>
/// <example>
/// <code>
/// using (var file = File.Create("events.jsonl"))
/// {
///     InteractionWriter.WriteJsonLines(file, interactions); // a list, an array, a query …
/// }
///
/// // Convert CSV to JSON Lines, streaming:
/// await using var csv = File.OpenRead("events.csv");
/// await using var jsonl = File.Create("events.jsonl");
/// await InteractionWriter.WriteJsonLinesAsync(jsonl, reader.ReadCsvAsync(csv));
/// </code>
/// </example>
public static class InteractionWriter
{
    private const int FlushThresholdBytes = 32 * 1024;

    /// <summary>
    /// Writes one JSON object per line, synchronously; absent optional fields (and <c>outcome</c> when unknown) are left out.
    /// </summary>
    /// <param name="destination">The output; flushed, not disposed.</param>
    /// <param name="interactions">The interactions, written in order.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable, or a text holds invalid UTF-16 (a lone surrogate).</exception>
    public static void WriteJsonLines(Stream destination, IEnumerable<Interaction> interactions)
    {
        EnsureWritable(destination);
        ArgumentNullException.ThrowIfNull(interactions);
        using var formatter = new JsonLineFormatter();
        foreach (var interaction in interactions)
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            formatter.Write(interaction);
            if (formatter.WrittenCount >= FlushThresholdBytes)
            {
                destination.Write(formatter.Written.Span);
                formatter.Clear();
            }
        }

        destination.Write(formatter.Written.Span);
        destination.Flush();
    }

    /// <summary>
    /// Writes one JSON object per line as the interactions arrive; absent optional fields (and <c>outcome</c> when unknown)
    /// are left out. Reader output plugs straight in: <c>WriteJsonLinesAsync(output, reader.ReadCsvAsync(input))</c> converts.
    /// </summary>
    /// <param name="destination">The output; flushed, not disposed.</param>
    /// <param name="interactions">The interactions, written in order.</param>
    /// <param name="cancellationToken">Stops the write between interactions.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable, or a text holds invalid UTF-16 (a lone surrogate).</exception>
    public static Task WriteJsonLinesAsync(Stream destination, IAsyncEnumerable<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        EnsureWritable(destination);
        ArgumentNullException.ThrowIfNull(interactions);
        return WriteJsonLinesCoreAsync(destination, interactions, cancellationToken);
    }

    /// <summary>
    /// Writes, synchronously, a header row and one row per interaction: the canonical columns, then one column per
    /// attribute name. Absent values are empty; empty strings are written as <c>""</c> so they read back as empty rather
    /// than absent.
    /// </summary>
    /// <param name="destination">The output; flushed, not disposed.</param>
    /// <param name="interactions">The interactions, written in order.</param>
    /// <param name="attributeColumns">
    /// The attribute columns, in order. When null, the interactions are enumerated once to collect every attribute name
    /// (in first-seen order) before writing, which holds them all in memory unless they already are a collection.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> or <paramref name="interactions"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is not writable; an attribute column is blank, repeated or a canonical field name;
    /// or a text holds invalid UTF-16.
    /// </exception>
    /// <exception cref="InvalidOperationException">An interaction has an attribute without a column (CSV cannot write it losslessly).</exception>
    public static void WriteCsv(Stream destination, IEnumerable<Interaction> interactions, IReadOnlyList<string>? attributeColumns = null)
    {
        EnsureWritable(destination);
        ArgumentNullException.ThrowIfNull(interactions);
        if (attributeColumns is null)
        {
            var all = interactions as IReadOnlyCollection<Interaction> ?? [.. interactions];
            attributeColumns = AttributeNames(all);
            interactions = all;
        }

        var formatter = new CsvRowFormatter(attributeColumns);
        formatter.WriteHeader();
        foreach (var interaction in interactions)
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            formatter.Write(interaction);
            if (formatter.WrittenCount >= FlushThresholdBytes)
            {
                destination.Write(formatter.Written.Span);
                formatter.Clear();
            }
        }

        destination.Write(formatter.Written.Span);
        destination.Flush();
    }

    /// <summary>
    /// Writes a header row and one row per interaction as they arrive: the canonical columns, then one column per
    /// attribute name. Absent values are empty; empty strings are written as <c>""</c>.
    /// </summary>
    /// <param name="destination">The output; flushed, not disposed.</param>
    /// <param name="interactions">The interactions, written in order.</param>
    /// <param name="attributeColumns">
    /// The attribute columns, in order. When null, every interaction is collected in memory first to find the attribute
    /// names (in first-seen order): pass the columns to stream.
    /// </param>
    /// <param name="cancellationToken">Stops the write between interactions.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> or <paramref name="interactions"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is not writable; an attribute column is blank, repeated or a canonical field name;
    /// or a text holds invalid UTF-16.
    /// </exception>
    /// <exception cref="InvalidOperationException">An interaction has an attribute without a column.</exception>
    public static async Task WriteCsvAsync(
        Stream destination,
        IAsyncEnumerable<Interaction> interactions,
        IReadOnlyList<string>? attributeColumns = null,
        CancellationToken cancellationToken = default)
    {
        EnsureWritable(destination);
        ArgumentNullException.ThrowIfNull(interactions);
        if (attributeColumns is null)
        {
            var all = new List<Interaction>();
            await foreach (var interaction in interactions.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                all.Add(interaction);
            }

            attributeColumns = AttributeNames(all);
            interactions = all.ToAsyncEnumerable();
        }

        await WriteCsvCoreAsync(destination, interactions, attributeColumns, cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureWritable(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }

    private static List<string> AttributeNames(IEnumerable<Interaction> interactions)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            foreach (var key in interaction.Attributes.Keys)
            {
                if (seen.Add(key))
                {
                    names.Add(key);
                }
            }
        }

        return names;
    }

    private static async Task WriteJsonLinesCoreAsync(Stream destination, IAsyncEnumerable<Interaction> interactions, CancellationToken cancellationToken)
    {
        using var formatter = new JsonLineFormatter();
        await foreach (var interaction in interactions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            formatter.Write(interaction);
            if (formatter.WrittenCount >= FlushThresholdBytes)
            {
                await destination.WriteAsync(formatter.Written, cancellationToken).ConfigureAwait(false);
                formatter.Clear();
            }
        }

        await destination.WriteAsync(formatter.Written, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteCsvCoreAsync(
        Stream destination,
        IAsyncEnumerable<Interaction> interactions,
        IReadOnlyList<string> attributeColumns,
        CancellationToken cancellationToken)
    {
        var formatter = new CsvRowFormatter(attributeColumns);
        formatter.WriteHeader();
        await foreach (var interaction in interactions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(interaction, nameof(interactions));
            formatter.Write(interaction);
            if (formatter.WrittenCount >= FlushThresholdBytes)
            {
                await destination.WriteAsync(formatter.Written, cancellationToken).ConfigureAwait(false);
                formatter.Clear();
            }
        }

        await destination.WriteAsync(formatter.Written, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
