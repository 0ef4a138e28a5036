using System.Text;
using CxCore.Domain;
using CxCore.Serialization;
using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Serialization;

/// <summary>Reads inputs with the reader and collects what came out: interactions, report, dead letter.</summary>
internal static class SerializationTestKit
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The path of a file in Fixtures/, found from the repository root (works from any output folder).</summary>
    public static string Fixture(string name) =>
        TestPaths.FindFileAbove("CxCore.sln") is { } solution
            ? Path.Combine(Path.GetDirectoryName(solution)!, "tests", "CxCore.Tests", "Serialization", "Fixtures", name)
            : throw new InvalidOperationException("Could not find the repository root (CxCore.sln) above " + AppContext.BaseDirectory);

    public static Task<ReadResult> ReadJsonLines(string text, InteractionReaderOptions? options = null, ChannelRegistry? channels = null) =>
        Read(Utf8(text), csv: false, options, channels);

    public static Task<ReadResult> ReadCsv(string text, InteractionReaderOptions? options = null, ChannelRegistry? channels = null) =>
        Read(Utf8(text), csv: true, options, channels);

    /// <summary>
    /// Reads <paramref name="input"/> with a fresh reader; with <paramref name="batches"/>, through the packed batches
    /// the engine's bulk ingest reads (<see cref="Domain.IInteractionBatchSource"/>), each turned back into an interaction.
    /// </summary>
    public static async Task<ReadResult> Read(byte[] input, bool csv, InteractionReaderOptions? options = null, ChannelRegistry? channels = null, int? chunk = null, bool batches = false)
    {
        using var deadLetter = new MemoryStream();
        var effective = options ?? new InteractionReaderOptions();
        effective = new InteractionReaderOptions
        {
            Strict = effective.Strict,
            MaxLineBytes = effective.MaxLineBytes,
            MaxReportedErrors = effective.MaxReportedErrors,
            DetectDuplicateIds = effective.DetectDuplicateIds,
            OnError = effective.OnError,
            ParseParallelism = effective.ParseParallelism,
            DeadLetter = effective.DeadLetter ?? deadLetter,
        };
        var reader = new InteractionReader(channels ?? ChannelRegistry.WellKnown, effective);
        var report = new ReadReport();
        Stream source = chunk is { } size ? new TrickleStream(input, size) : new MemoryStream(input, writable: false);
        await using (source)
        {
            var interactions = new List<Interaction>();
            var stream = csv ? reader.ReadCsvAsync(source, report, TestContext.Current.CancellationToken) : reader.ReadJsonLinesAsync(source, report, TestContext.Current.CancellationToken);
            if (batches)
            {
                await foreach (var batch in ((CxCore.Domain.IInteractionBatchSource)stream).ReadBatches())
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        interactions.Add(batch.Items[i].ToInteraction(batch.Bytes));
                    }

                    batch.Release();
                }
            }
            else
            {
                await foreach (var interaction in stream)
                {
                    interactions.Add(interaction);
                }
            }

            return new ReadResult(interactions, report, deadLetter.ToArray());
        }
    }

    public static async Task<List<Interaction>> ToListAsync(this IAsyncEnumerable<Interaction> source)
    {
        var list = new List<Interaction>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Asserts two interactions are equal field by field, including the timestamp's offset.</summary>
    public static void AssertSame(Interaction expected, Interaction actual) => Domain.InteractionAssert.Same(expected, actual);
}
