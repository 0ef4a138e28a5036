using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class DeadLetterAndStrictModeTests
{
    private static string Event(string id, string extra = "") =>
        $$"""{"id":"{{id}}","customerId":"c-1","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view"{{extra}}}""";

    [Fact]
    public async Task The_dead_letter_holds_the_exact_bytes_of_every_rejected_line_with_its_own_line_break()
    {
        var bad2 = Event("e-2", ",\"nps\":11");
        var bad4 = "{\"id\":\"e-4\",\"customerId\":";
        var bad5 = Event("e-5", ",\"csat\":\"five\"");
        var input = Event("e-1") + "\n" + bad2 + "\r\n" + Event("e-3") + "\n" + bad4 + "\n\n" + bad5;

        var result = await ReadJsonLines(input);

        Assert.Equal(["e-1", "e-3"], result.Ids);
        Assert.Equal(bad2 + "\r\n" + bad4 + "\n" + bad5 + "\n", result.DeadLetterText);
    }

    [Fact]
    public async Task The_dead_letter_keeps_invalid_UTF8_bytes_as_they_were()
    {
        byte[] bad = [.. Utf8(Event("e-1", ",\"text\":\"x").TrimEnd('}')), 0xC0, 0xAF, .. Utf8("\"}")];
        byte[] input = [.. bad, (byte)'\n', .. Utf8(Event("e-2") + "\n")];

        var result = await Read(input, csv: false);

        Assert.Equal([.. bad, (byte)'\n'], result.DeadLetter);
    }

    [Fact]
    public async Task The_whole_mixed_fixture_dead_letters_its_seven_bad_lines()
    {
        var lines = File.ReadAllLines(Fixture("mixed.jsonl"));

        var result = await Read(await File.ReadAllBytesAsync(Fixture("mixed.jsonl"), TestContext.Current.CancellationToken), csv: false);

        var expected = string.Concat(new[] { 2, 4, 5, 6, 7, 8, 10 }.Select(n => lines[n - 1] + "\n"));
        Assert.Equal(expected, result.DeadLetterText);
    }

    [Fact]
    public async Task A_CSV_dead_letter_starts_with_the_header_and_keeps_multi_line_rows_whole()
    {
        const string header = "id,customerId,timestamp,channel,kind,text";
        const string bad = "e-2,c-1,2024-03-01T09:15:00Z,web,review,\"two\nlines\",surplus";
        var input = header + "\r\n" + "e-1,c-1,2024-03-01T09:15:00Z,web,review,ok\r\n" + bad + "\r\n" + "e-3,c-1,2024-03-01T09:15:00,web,review,x";

        var result = await ReadCsv(input);

        Assert.Equal(["e-1"], result.Ids);
        Assert.Equal(
            [
                new ReadError(3, null, null, "the row has 7 fields, but the header has 6 columns"),
                new ReadError(5, "timestamp", "2024-03-01T09:15:00", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous"),
            ],
            result.Report.Errors);
        Assert.Equal(header + "\r\n" + bad + "\r\n" + "e-3,c-1,2024-03-01T09:15:00,web,review,x\n", result.DeadLetterText);
    }

    [Fact]
    public async Task Nothing_is_dead_lettered_when_every_line_is_valid()
    {
        var result = await ReadCsv("id,customerId,timestamp,channel,kind\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view\n");

        Assert.Empty(result.DeadLetter);
    }

    [Fact]
    public async Task Strict_mode_fails_on_the_first_bad_line_with_the_same_error_and_writes_no_dead_letter()
    {
        var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { Strict = true, DeadLetter = new MemoryStream() });
        var report = new ReadReport();
        var seen = new List<string>();
        await using var input = File.OpenRead(Fixture("mixed.jsonl"));

        var e = await Assert.ThrowsAsync<InteractionReadException>(async () =>
        {
            await foreach (var interaction in reader.ReadJsonLinesAsync(input, report, TestContext.Current.CancellationToken))
            {
                seen.Add(interaction.Id.Value);
            }
        });

        var expected = new ReadError(2, "nps", "11", "NPS must be between 0 and 10, but was 11.");
        Assert.Equal(expected, e.Error);
        Assert.Equal("line 2: field 'nps': value '11': NPS must be between 0 and 10, but was 11.", e.Message);
        Assert.Equal(["e-1"], seen);
        Assert.Equal([expected], report.Errors);
        Assert.Equal(1, report.Rejected);
        Assert.Equal(0, reader.Options.DeadLetter!.Length);
    }

    [Fact]
    public async Task Strict_mode_fails_on_a_line_over_the_limit_too()
    {
        var input = Event("e-1", $",\"note\":\"{new string('x', 600)}\"") + "\n";

        var e = await Assert.ThrowsAsync<InteractionReadException>(() =>
            ReadJsonLines(input, new InteractionReaderOptions { Strict = true, MaxLineBytes = 512 }));

        Assert.Equal(new ReadError(1, null, null, "line exceeds 512 bytes (InteractionReaderOptions.MaxLineBytes); it was skipped"), e.Error);
    }

    [Fact]
    public async Task Strict_mode_reads_a_clean_file_completely()
    {
        var result = await Read(await File.ReadAllBytesAsync(Fixture("examples.jsonl"), TestContext.Current.CancellationToken), csv: false, new InteractionReaderOptions { Strict = true });

        Assert.Equal(2, result.Interactions.Count);
    }

    [Fact]
    public async Task Every_error_goes_to_the_callback_and_the_report_keeps_only_the_first_ones()
    {
        var seen = new List<ReadError>();

        var result = await Read(
            await File.ReadAllBytesAsync(Fixture("mixed.jsonl"), TestContext.Current.CancellationToken),
            csv: false,
            new InteractionReaderOptions { MaxReportedErrors = 2, OnError = seen.Add });

        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.Take(2), result.Report.Errors);
        Assert.Equal(5, result.Report.OmittedErrors);
        Assert.Equal(7, result.Report.Rejected);
        Assert.Equal(3, result.Report.Accepted);
    }
}
