using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class StreamingTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private static string Event(string id, string extra = "") =>
        $$"""{"id":"{{id}}","customerId":"c-1","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view"{{extra}}}""";

    [Fact]
    public async Task Two_hundred_thousand_lines_stream_through_a_buffer_of_at_most_twice_the_line_limit()
    {
        const int lines = 200_000;
        const int maxLineBytes = 4096;
        var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { MaxLineBytes = maxLineBytes });
        var report = new ReadReport();
        await using var source = new GeneratedJsonLinesStream(lines);

        long count = 0;
        long waited = 0;
        await foreach (var interaction in reader.ReadJsonLinesAsync(source, report, TestContext.Current.CancellationToken))
        {
            count++;
            waited += (long)interaction.Signals.Wait!.Value.TotalSeconds;
        }

        Assert.Equal(lines, count);
        Assert.Equal(Enumerable.Range(0, lines).Sum(i => (long)(i % 600)), waited);
        Assert.Equal(lines, report.Accepted);
        Assert.Empty(report.Errors);
        Assert.True(source.BytesProduced > 25_000_000, $"the input was {source.BytesProduced} bytes");
        Assert.InRange(report.PeakBufferBytes, 1, 2 * maxLineBytes);
    }

    [Fact]
    public async Task A_10_MB_line_is_rejected_as_too_long_without_being_held_and_reading_goes_on()
    {
        var huge = Event("e-2", $",\"note\":\"{new string('x', TenMegabytes)}\"");
        var input = Utf8(Event("e-1") + "\n" + huge + "\n" + Event("e-3") + "\n");

        var result = await Read(input, csv: false);

        Assert.Equal(["e-1", "e-3"], result.Ids);
        Assert.Equal(new ReadError(2, null, null, "line exceeds 1048576 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped"), result.SingleError);
        Assert.InRange(result.Report.PeakBufferBytes, 1, 2 * InteractionReaderOptions.DefaultMaxLineBytes);
        Assert.Equal(3, result.Report.LinesRead);
        Assert.Equal(Utf8(huge + "\n"), result.DeadLetter);
    }

    [Fact]
    public async Task A_10_MB_line_is_read_when_the_limit_allows_it_and_reading_goes_on()
    {
        var value = new string('y', TenMegabytes);
        var input = Utf8(Event("e-1", $",\"attributes\":{{\"blob\":\"{value}\"}}") + "\r\n" + Event("e-2") + "\r\n");

        var result = await Read(input, csv: false, new InteractionReaderOptions { MaxLineBytes = 16 * 1024 * 1024 });

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal(value, result.Interactions[0].Attributes["blob"]);
        Assert.Empty(result.Report.Errors);
        Assert.InRange(result.Report.PeakBufferBytes, 1, 2 * 16 * 1024 * 1024);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task An_over_long_last_line_without_newline_is_rejected_and_dead_lettered_whole(int chunk)
    {
        var huge = Event("e-2", $",\"note\":\"{new string('z', 2000)}\"");
        var input = Utf8(Event("e-1") + "\n" + huge);

        var result = await Read(input, csv: false, new InteractionReaderOptions { MaxLineBytes = 512 }, chunk: chunk);

        Assert.Equal(["e-1"], result.Ids);
        Assert.Equal(new ReadError(2, null, null, "line exceeds 512 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped"), result.SingleError);
        Assert.Equal(huge + "\n", result.DeadLetterText);
    }

    [Fact]
    public async Task A_line_of_exactly_the_limit_is_read_with_either_line_ending()
    {
        var padding = 512 - Event("e-1", ",\"n\":\"\"").Length;
        var exact = Event("e-1", $",\"n\":\"{new string('p', padding)}\"");
        Assert.Equal(512, exact.Length);

        var lf = await ReadJsonLines(exact + "\n" + exact.Replace("e-1", "e-2", StringComparison.Ordinal) + "\r\n", new InteractionReaderOptions { MaxLineBytes = 512 });
        var over = await ReadJsonLines(exact.Replace("\"n\":\"", "\"n\":\"p", StringComparison.Ordinal) + "\r\n", new InteractionReaderOptions { MaxLineBytes = 512 });

        Assert.Equal(["e-1", "e-2"], lf.Ids);
        Assert.Equal("line exceeds 512 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped", over.SingleError.Reason);
    }

    [Fact]
    public async Task An_over_long_CSV_row_with_quoted_line_breaks_is_skipped_whole_and_line_numbers_stay_right()
    {
        var text = string.Join("\n", Enumerable.Repeat(new string('w', 100), 20));
        var input = "id,customerId,timestamp,channel,kind,text\n"
                    + $"e-1,c-1,2024-03-01T09:15:00Z,web,review,\"{text}\"\n"
                    + "e-2,c-1,2024-03-01T09:15:00Z,web,review,ok\n"
                    + "e-3,c-1,2024-03-01T09:15:00,web,review,bad\n";

        foreach (var chunk in new[] { 1, 3, 64, 100_000 })
        {
            var result = await Read(Utf8(input), csv: true, new InteractionReaderOptions { MaxLineBytes = 1024 }, chunk: chunk);

            Assert.Equal(["e-2"], result.Ids);
            Assert.Equal(
                [
                    new ReadError(2, null, null, "line exceeds 1024 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped"),
                    new ReadError(23, "timestamp", "2024-03-01T09:15:00", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous"),
                ],
                result.Report.Errors);
            Assert.Equal(23, result.Report.LinesRead);
        }
    }

    [Fact]
    public async Task A_CSV_header_over_the_limit_fails_the_read()
    {
        var header = "id,customerId,timestamp,channel,kind," + string.Join(",", Enumerable.Range(0, 200).Select(i => "column" + i));

        var e = await Assert.ThrowsAsync<InteractionReadException>(() => ReadCsv(header + "\n", new InteractionReaderOptions { MaxLineBytes = 1024 }));

        Assert.Equal(new ReadError(1, null, null, "the CSV header line exceeds 1024 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped"), e.Error);
    }

    [Fact]
    public async Task Reading_in_chunks_of_any_size_gives_the_same_result_as_reading_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var jsonl = await File.ReadAllBytesAsync(Fixture("mixed.jsonl"), ct);
        var csv = Utf8("\uFEFFid,customerId,timestamp,channel,kind,text,region\r\n"
                       + "e-1,c-1,2024-03-01T09:15:00Z,web,review,\"a,\"\"b\"\"\r\nc\",SP\r\n"
                       + "\r\n"
                       + "e-2,c-1,2024-03-01T09:15:00Z,web,review,\"\",\r\n"
                       + "e-3,c-1,2024-03-01T09:15:00Z,web,review,x,\r\n"
                       + "e-4,c-1,2024-03-01T09:15:00Z,kiosk,review,\"\"\"\",RJ");
        var jsonlWhole = await Read(jsonl, csv: false);
        var csvWhole = await Read(csv, csv: true);

        for (var chunk = 1; chunk <= 80; chunk++)
        {
            var jsonlChunked = await Read(jsonl, csv: false, chunk: chunk);
            var csvChunked = await Read(csv, csv: true, chunk: chunk);

            Assert.Equal(jsonlWhole.Ids, jsonlChunked.Ids);
            Assert.Equal(jsonlWhole.Report.Errors, jsonlChunked.Report.Errors);
            Assert.Equal(jsonlWhole.DeadLetter, jsonlChunked.DeadLetter);
            Assert.Equal(csvWhole.Ids, csvChunked.Ids);
            Assert.Equal(csvWhole.Interactions.Select(i => i.Text), csvChunked.Interactions.Select(i => i.Text));
            Assert.Equal(csvWhole.Report.Errors, csvChunked.Report.Errors);
            Assert.Equal(csvWhole.DeadLetter, csvChunked.DeadLetter);
        }

        Assert.Equal(["e-1", "e-2", "e-3"], csvWhole.Ids);
        Assert.Equal("a,\"b\"\r\nc", csvWhole.Interactions[0].Text);
        Assert.Equal(new ReadError(7, "channel", "kiosk", "unknown channel; expected one of: app, chat, chatbot, delivery, email, other, phone, sms, social, store, web, or a channel the host registered in its ChannelRegistry"), csvWhole.SingleError);
    }

    [Fact]
    public async Task Cancelling_stops_the_read_between_lines()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        await using var source = new GeneratedJsonLinesStream(200_000);
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var interaction in reader.ReadJsonLinesAsync(source, cancellationToken: cts.Token))
            {
                if (++count == 1000)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(1000, count);
        Assert.True(source.BytesProduced < 1_000_000, $"read {source.BytesProduced} bytes after cancelling");
    }

    [Fact]
    public async Task A_token_given_to_WithCancellation_also_cancels()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        await using var source = new GeneratedJsonLinesStream(10);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
#pragma warning disable xUnit1051 // the token deliberately comes through WithCancellation, not the parameter
            await foreach (var interaction in reader.ReadCsvAsync(source).WithCancellation(cts.Token))
#pragma warning restore xUnit1051
            {
                Assert.Fail("nothing should be read");
            }
        });
    }

    [Theory]
    [InlineData(1, 64 * 1024)]
    [InlineData(2, 7 * 64 * 1024)] // two chunks per thread parsed ahead, the one being filled, the splitter's buffer
    public async Task Stopping_early_returns_the_buffer_and_reads_no_further(int parseParallelism, int limit)
    {
        var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { ParseParallelism = parseParallelism });
        await using var source = new GeneratedJsonLinesStream(200_000);

        await foreach (var interaction in reader.ReadJsonLinesAsync(source, cancellationToken: TestContext.Current.CancellationToken))
        {
            break;
        }

        Assert.True(source.BytesProduced <= limit, $"read {source.BytesProduced} bytes for one line");
    }

    [Fact]
    public async Task The_report_serialises_with_the_source_generated_context()
    {
        var result = await ReadJsonLines(Event("e-1", ",\"nps\":11") + "\n");

        var json = System.Text.Json.JsonSerializer.Serialize(result.Report, CxJsonContext.Default.ReadReport);
        var errors = System.Text.Json.JsonSerializer.Deserialize(
            System.Text.Json.JsonSerializer.Serialize(result.Report.Errors, CxJsonContext.Default.IReadOnlyListReadError),
            CxJsonContext.Default.IReadOnlyListReadError);

        Assert.Equal(
            """{"linesRead":1,"accepted":0,"rejected":1,"blankLines":0,"errors":[{"lineNumber":1,"field":"nps","value":"11","reason":"NPS must be between 0 and 10, but was 11."}],"omittedErrors":0}""",
            json);
        Assert.Equal(result.Report.Errors, errors);
        Assert.DoesNotContain("peak", json, StringComparison.OrdinalIgnoreCase);
    }
}
