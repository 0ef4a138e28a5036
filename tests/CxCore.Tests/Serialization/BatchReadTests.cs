using System.Globalization;
using System.Text;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

/// <summary>
/// The packed batches the engine's bulk ingest reads (<see cref="IInteractionBatchSource"/>) hold exactly what reading
/// the same stream interaction by interaction gives: the same interactions in the same order, the same report and
/// errors, the same dead letters, the same strict-mode failure, whatever the format, parse parallelism and chunking.
/// </summary>
public sealed class BatchReadTests
{
    /// <summary>Good lines around every kind of bad one, over several batches (duplicates across batch boundaries).</summary>
    private static byte[] MixedJsonLines()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 700; i++)
        {
            var customer = i % 3 == 0 ? $"c-é{i % 17}" : $"c-{i % 29}";
            text.Append(CultureInfo.InvariantCulture, $$"""{"id":"e-{{i}}","customerId":"{{customer}}","timestamp":"2024-03-01T09:{{i % 60:D2}}:00+00:00","channel":"web","kind":"page_view","text":"line {{i}}","attributes":{"region":"SP"},"value":{{i}}.5,"waitSeconds":{{i % 7}}}""");
            text.Append('\n');
            switch (i % 50)
            {
                case 3: text.Append("""{"id":"t-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","chan""" + "\n"); break;
                case 7: text.Append("""{"id":"w-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","channel":"web","kind":"survey","nps":"ten"}""" + "\n"); break;
                case 11: text.Append("""{"id":"u-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","channel":"fax","kind":"page_view"}""" + "\n"); break;
                case 13: text.Append("""{"id":"n-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","channel":"web","kind":"survey","nps":11}""" + "\n"); break;
                case 17: text.Append("""{"customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","channel":"web","kind":"page_view"}""" + "\n"); break;
                case 19: text.Append($$"""{"id":"e-{{i / 2}}","customerId":"c-1","timestamp":"2024-03-01T09:15:00Z","channel":"web","kind":"page_view"}""" + "\n"); break;
                case 23: text.Append('\n'); break;
                case 29: text.Append("""{"id":"注文-{{i}}","customerId":"客-1","timestamp":"2024-03-01T09:15:00Z","channel":"chat","kind":"chat_message"}""".Replace("{{i}}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n"); break;
                default: break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        // Invalid UTF-8 in one line's id, and no trailing newline at the end.
        bytes.AddRange("{\"id\":\"bad-"u8.ToArray());
        bytes.AddRange(new byte[] { 0xC3, 0x28 });
        bytes.AddRange("\",\"customerId\":\"c-1\",\"timestamp\":\"2024-03-01T09:15:00Z\",\"channel\":\"web\",\"kind\":\"page_view\"}\n"u8.ToArray());
        bytes.AddRange("{\"id\":\"last\",\"customerId\":\"c-1\",\"timestamp\":\"2024-03-01T09:15:00Z\",\"channel\":\"web\",\"kind\":\"page_view\"}"u8.ToArray());
        return [.. bytes];
    }

    private static byte[] MixedCsv()
    {
        var text = new StringBuilder("id,customerId,timestamp,channel,kind,outcome,nps,text\n");
        for (var i = 0; i < 600; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"e-{i},c-{i % 31},2024-03-01T09:{i % 60:D2}:00Z,{(i % 97 == 5 ? "fax" : "phone")},call,{(i % 2 == 0 ? "resolved" : "")},{(i % 89 == 3 ? "11" : (i % 11).ToString(CultureInfo.InvariantCulture))},\"said \"\"hi\"\", {i}\"\n");
            if (i % 101 == 7)
            {
                text.Append(CultureInfo.InvariantCulture, $"e-{i / 2},c-1,2024-03-01T09:00:00Z,phone,call,,,\n");
            }
        }

        text.Append("tail,c-1,2024-03-01T09:00:00Z,phone,call,,,\"no newline\"");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static TheoryData<string, int, int?> Cases()
    {
        var cases = new TheoryData<string, int, int?>();
        foreach (var input in new[] { "mixed jsonl", "fixture jsonl", "empty jsonl", "mixed csv", "fixture csv" })
        {
            foreach (var parallelism in new[] { 1, 3 })
            {
                foreach (var chunk in new int?[] { null, 7 })
                {
                    if (!input.EndsWith("csv", StringComparison.Ordinal) || parallelism == 1)
                    {
                        cases.Add(input, parallelism, chunk);
                    }
                }
            }
        }

        return cases;
    }

    private static (byte[] Bytes, bool Csv) Input(string name) => name switch
    {
        "mixed jsonl" => (MixedJsonLines(), false),
        "fixture jsonl" => (File.ReadAllBytes(Fixture("mixed.jsonl")), false),
        "empty jsonl" => ([], false),
        "mixed csv" => (MixedCsv(), true),
        "fixture csv" => (File.ReadAllBytes(Fixture("examples.csv")), true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown input"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Batches_hold_the_interactions_report_and_dead_letters_of_the_interaction_stream(string input, int parallelism, int? chunk)
    {
        var (bytes, csv) = Input(input);
        var options = new InteractionReaderOptions { ParseParallelism = parallelism, MaxReportedErrors = 10_000 };

        var one = await Read(bytes, csv, options, chunk: chunk);
        var batched = await Read(bytes, csv, options, chunk: chunk, batches: true);

        Assert.Equal(one.Interactions.Count, batched.Interactions.Count);
        for (var i = 0; i < one.Interactions.Count; i++)
        {
            AssertSame(one.Interactions[i], batched.Interactions[i]);
        }

        Assert.Equal(one.Report.LinesRead, batched.Report.LinesRead);
        Assert.Equal(one.Report.Accepted, batched.Report.Accepted);
        Assert.Equal(one.Report.Rejected, batched.Report.Rejected);
        Assert.Equal(one.Report.BlankLines, batched.Report.BlankLines);
        Assert.Equal(one.Report.Errors, batched.Report.Errors);
        Assert.Equal(one.DeadLetterText, batched.DeadLetterText);
        if (input == "mixed jsonl")
        {
            // The input really has every kind of bad line, and the valid ones (non-ASCII ids included) are all kept.
            Assert.True(one.Report.Rejected > 80, $"{one.Report.Rejected} rejected");
            Assert.Contains(one.Report.Errors, e => e.Field == "nps");
            Assert.Contains(one.Report.Errors, e => e.Field == "channel");
            Assert.Contains(one.Report.Errors, e => e.Field == "id");
            Assert.Contains(batched.Interactions, i => i.Id.Value.StartsWith("注文-", StringComparison.Ordinal) && i.CustomerId.Value == "客-1");
            Assert.Equal("last", batched.Interactions[^1].Id.Value);
            Assert.Equal(700 + 14 + 1, batched.Interactions.Count);
        }
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 3)]
    [InlineData(true, 1)]
    public async Task In_strict_mode_batches_fail_on_the_first_bad_line_as_the_stream_does(bool csv, int parallelism)
    {
        var bytes = csv ? MixedCsv() : MixedJsonLines();
        var options = new InteractionReaderOptions { Strict = true, ParseParallelism = parallelism };

        var one = await Assert.ThrowsAsync<InteractionReadException>(() => Read(bytes, csv, options));
        var batched = await Assert.ThrowsAsync<InteractionReadException>(() => Read(bytes, csv, options, batches: true));

        Assert.Equal(one.Message, batched.Message);
        Assert.Equal(one.Error, batched.Error);
    }
}
