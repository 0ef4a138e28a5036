using CsCheck;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class RoundTripPropertyTests
{
    private static readonly InteractionReader Reader = new(ChannelRegistry.WellKnown, new InteractionReaderOptions { Strict = true });

    [Fact]
    public void Any_valid_interactions_written_as_JSONL_read_back_equal_field_by_field()
    {
        InteractionGen.Batch.Sample(batch =>
        {
            using var stream = new MemoryStream();
            InteractionWriter.WriteJsonLines(stream, batch);
            stream.Position = 0;

            var read = Reader.ReadJsonLinesAsync(stream).ToBlockingEnumerable().ToList();

            Assert.Equal(batch.Length, read.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                AssertSame(batch[i], read[i]);
            }
        }, iter: 300);
    }

    [Fact]
    public void Any_valid_interactions_written_as_CSV_read_back_equal_field_by_field()
    {
        InteractionGen.Batch.Sample(batch =>
        {
            using var stream = new MemoryStream();
            InteractionWriter.WriteCsv(stream, batch);
            stream.Position = 0;

            var read = Reader.ReadCsvAsync(stream).ToBlockingEnumerable().ToList();

            Assert.Equal(batch.Length, read.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                AssertSame(batch[i], read[i]);
            }
        }, iter: 300);
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_bytes_in_both_formats()
    {
        InteractionGen.Batch.Sample(batch =>
        {
            using var json = new MemoryStream();
            InteractionWriter.WriteJsonLines(json, batch);
            using var csv = new MemoryStream();
            InteractionWriter.WriteCsv(csv, batch, ["region", "order id", "campanha, \"q1\""]);

            using var jsonAgain = new MemoryStream();
            InteractionWriter.WriteJsonLines(jsonAgain, Reader.ReadJsonLinesAsync(new MemoryStream(json.ToArray())).ToBlockingEnumerable());
            using var csvAgain = new MemoryStream();
            InteractionWriter.WriteCsv(csvAgain, Reader.ReadCsvAsync(new MemoryStream(csv.ToArray())).ToBlockingEnumerable(), ["region", "order id", "campanha, \"q1\""]);

            Assert.Equal(json.ToArray(), jsonAgain.ToArray());
            Assert.Equal(csv.ToArray(), csvAgain.ToArray());
        }, iter: 100);
    }

    [Fact]
    public void Converting_CSV_to_JSONL_and_back_keeps_everything()
    {
        InteractionGen.Batch.Sample(batch =>
        {
            using var csv = new MemoryStream();
            InteractionWriter.WriteCsv(csv, batch);
            using var jsonl = new MemoryStream();
            InteractionWriter.WriteJsonLinesAsync(jsonl, Reader.ReadCsvAsync(new MemoryStream(csv.ToArray()))).GetAwaiter().GetResult();
            jsonl.Position = 0;

            var read = Reader.ReadJsonLinesAsync(jsonl).ToBlockingEnumerable().ToList();

            Assert.Equal(batch.Length, read.Count);
            for (var i = 0; i < batch.Length; i++)
            {
                AssertSame(batch[i], read[i]);
            }
        }, iter: 100);
    }
}
