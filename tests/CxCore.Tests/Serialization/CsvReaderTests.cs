using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class CsvReaderTests
{
    private const string Header = "id,customerId,timestamp,channel,kind";

    [Fact]
    public async Task The_contract_examples_in_CSV_read_the_same_as_in_JSONL()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = await Read(await File.ReadAllBytesAsync(Fixture("examples.csv"), ct), csv: true);
        var jsonl = await Read(await File.ReadAllBytesAsync(Fixture("examples.jsonl"), ct), csv: false);

        Assert.Empty(csv.Report.Errors);
        Assert.Equal(2, csv.Interactions.Count);
        for (var i = 0; i < 2; i++)
        {
            AssertSame(jsonl.Interactions[i], csv.Interactions[i]);
        }
    }

    [Fact]
    public async Task Numbers_given_as_text_are_parsed_with_the_invariant_culture()
    {
        var result = await ReadCsv("id,customerId,timestamp,channel,kind,csat,nps,ces,waitSeconds,handlingSeconds,value\n"
                                   + "e-1,c-1,2024-03-01T09:15:00Z,web,purchase, 4 ,+9,2,95.5,1e2,-12.50\n");

        var signals = Assert.Single(result.Interactions).Signals;
        Assert.Equal(new InteractionSignals { Csat = 4, Nps = 9, Ces = 2, Wait = TimeSpan.FromSeconds(95.5), HandlingTime = TimeSpan.FromSeconds(100), Value = -12.50m }, signals);
    }

    [Theory]
    [InlineData("csat", "five", "csat must be a whole number between 1 and 5")]
    [InlineData("csat", "4.0", "csat must be a whole number between 1 and 5")]
    [InlineData("nps", "11", "NPS must be between 0 and 10, but was 11.")]
    [InlineData("value", "\"1,5\"", "value must be a number (invariant culture: '.' as the decimal point, no thousands separator)")]
    [InlineData("waitSeconds", "\"1.000,5\"", "waitSeconds must be a number (invariant culture: '.' as the decimal point, no thousands separator)")]
    [InlineData("waitSeconds", "-1", "waitSeconds must be between 0 and 31622400 seconds (366 days)")]
    [InlineData("outcome", "ok", "outcome must be one of: succeeded, failed, abandoned, unknown")]
    [InlineData("mode", "Assisted", "mode must be one of: selfservice, assisted, automated")]
    public async Task A_bad_value_is_reported_with_line_field_value_and_reason(string column, string cell, string reason)
    {
        var result = await ReadCsv($"{Header},{column}\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view,{cell}\ne-2,c-1,2024-03-01T09:15:00Z,web,page_view,\n");

        Assert.Equal(new ReadError(2, column, cell.Trim('"'), reason), result.SingleError);
        Assert.Equal(["e-2"], result.Ids);
    }

    [Fact]
    public async Task An_unknown_channel_and_a_timestamp_without_offset_are_rejected()
    {
        var result = await ReadCsv($"{Header}\ne-1,c-1,2024-03-01T09:15:00Z,kiosk,page_view\ne-2,c-1,2024-03-01T09:15:00,web,page_view\n");

        Assert.Equal(
            [
                new ReadError(2, "channel", "kiosk", "unknown channel; expected one of: app, chat, chatbot, delivery, email, other, phone, sms, social, store, web, or a channel the host registered in its ChannelRegistry"),
                new ReadError(3, "timestamp", "2024-03-01T09:15:00", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous"),
            ],
            result.Report.Errors);
    }

    [Fact]
    public async Task A_missing_id_and_a_duplicate_id_are_rejected()
    {
        var result = await ReadCsv($"{Header}\n,c-1,2024-03-01T09:15:00Z,web,page_view\ne-1,c-1,2024-03-01T09:15:00Z,web,first\ne-1,c-2,2024-03-01T09:15:00Z,web,second\n");

        Assert.Equal(
            [
                new ReadError(2, "id", null, "id is required"),
                new ReadError(4, "id", "e-1", "duplicate id: it was first read on line 3, which is kept"),
            ],
            result.Report.Errors);
        Assert.Equal("first", Assert.Single(result.Interactions).Kind);
    }

    [Fact]
    public async Task Quoted_fields_hold_commas_quotes_and_line_breaks_and_line_numbers_follow_the_physical_lines()
    {
        var result = await ReadCsv(
            $"{Header},text\n"
            + "e-1,c-1,2024-03-01T09:15:00Z,web,review,\"Great, fast \"\"delivery\"\"\nSecond line\r\nThird\"\n"
            + "e-2,c-1,2024-03-01T09:15:00Z,web,review,\"\"\n"
            + "e-3,c-1,2024-03-01T09:15:00Z,web,review,\"a,b\",extra\n");

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal("Great, fast \"delivery\"\nSecond line\r\nThird", result.Interactions[0].Text);
        Assert.Equal(string.Empty, result.Interactions[1].Text);
        Assert.Equal(new ReadError(6, null, null, "the row has 7 fields, but the header has 6 columns"), result.SingleError);
        Assert.Equal(6, result.Report.LinesRead);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_optional_ones_may_be_left_out()
    {
        var result = await ReadCsv("kind,channel,timestamp,customerId,id\npage_view,app,2024-03-01T09:15:00-03:00,c-1,e-1\n");

        var interaction = Assert.Single(result.Interactions);
        Assert.Equal(Channel.MobileApp, interaction.Channel);
        Assert.Equal(TimeSpan.FromHours(-3), interaction.Timestamp.Offset);
    }

    [Theory]
    [InlineData("id,timestamp,channel,kind", "customerId", "the CSV header has no 'customerId' column; the required columns are id, customerId, timestamp, channel and kind")]
    [InlineData("id,customerId,channel,kind,csat", "timestamp", "the CSV header has no 'timestamp' column; the required columns are id, customerId, timestamp, channel and kind")]
    [InlineData("id, customerId,timestamp,channel,kind", "customerId", "the CSV header has no 'customerId' column (there is a column ' customerId': names are case-sensitive and must not be padded); the required columns are id, customerId, timestamp, channel and kind")]
    [InlineData("Id,customerId,timestamp,channel,kind", "id", "the CSV header has no 'id' column (there is a column 'Id': names are case-sensitive and must not be padded); the required columns are id, customerId, timestamp, channel and kind")]
    public async Task A_header_without_a_required_column_fails_the_read_naming_the_column(string header, string column, string reason)
    {
        var errors = new List<ReadError>();

        var e = await Assert.ThrowsAsync<InteractionReadException>(() =>
            ReadCsv($"{header}\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view\n", new InteractionReaderOptions { OnError = errors.Add }));

        Assert.Equal(new ReadError(1, column, null, reason), e.Error);
        Assert.Equal($"line 1: field '{column}': {reason}", e.Message);
        Assert.Equal([e.Error], errors);
    }

    [Fact]
    public async Task A_header_naming_a_column_twice_fails_the_read()
    {
        var e = await Assert.ThrowsAsync<InteractionReadException>(() => ReadCsv($"{Header},region,region\n"));

        Assert.Equal(new ReadError(1, "region", null, "the CSV header names column 'region' more than once"), e.Error);
    }

    [Fact]
    public async Task Extra_columns_become_attributes_empty_unquoted_is_absent_and_quoted_empty_is_an_empty_string()
    {
        var result = await ReadCsv($"{Header},region,campaign,note\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view,SP,,\"\"\n");

        Assert.Equal(
            new Dictionary<string, string> { ["region"] = "SP", ["note"] = string.Empty },
            Assert.Single(result.Interactions).Attributes);
    }

    [Fact]
    public async Task Rows_with_the_wrong_number_of_fields_are_rejected_and_reading_goes_on()
    {
        var result = await ReadCsv($"{Header}\ne-1,c-1,2024-03-01T09:15:00Z,web\ne-2,c-1,2024-03-01T09:15:00Z,web,page_view,surplus\ne-3,c-1,2024-03-01T09:15:00Z,web,page_view\n");

        Assert.Equal(
            [
                new ReadError(2, null, null, "the row has 4 fields, but the header has 5 columns"),
                new ReadError(3, null, null, "the row has 6 fields, but the header has 5 columns"),
            ],
            result.Report.Errors);
        Assert.Equal(["e-3"], result.Ids);
    }

    [Fact]
    public async Task A_quote_never_closed_is_reported_at_the_row_where_it_opens()
    {
        var result = await ReadCsv($"{Header},text\ne-1,c-1,2024-03-01T09:15:00Z,web,review,ok\ne-2,c-1,2024-03-01T09:15:00Z,web,review,\"never closed\ne-3,c-1,2024-03-01T09:15:00Z,web,review,lost\n");

        Assert.Equal(["e-1"], result.Ids);
        Assert.Equal(new ReadError(3, null, null, "column 6 ('text') opens a quoted field that is never closed"), result.SingleError);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_rejected()
    {
        var result = await ReadCsv($"{Header},text\ne-1,c-1,2024-03-01T09:15:00Z,web,review,\"quoted\"tail\n");

        Assert.Equal(new ReadError(2, null, null, "column 6 ('text') has 't' after its closing quote; a quote inside a quoted field must be doubled (\"\")"), result.SingleError);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_is_kept_as_it_is()
    {
        var result = await ReadCsv($"{Header},text\ne-1,c-1,2024-03-01T09:15:00Z,web,review,a 5\" screen\n");

        Assert.Equal("a 5\" screen", Assert.Single(result.Interactions).Text);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_field_is_reported_with_its_column()
    {
        byte[] input = [.. Utf8($"{Header},text\ne-1,c-1,2024-03-01T09:15:00Z,web,review,caf"), 0xE9, .. Utf8("\ne-2,c-1,2024-03-01T09:15:00Z,web,review,ok\n")];

        var result = await Read(input, csv: true);

        Assert.Equal(new ReadError(2, "text", "caf\uFFFD", "text is not valid UTF-8"), result.SingleError);
        Assert.Equal(["e-2"], result.Ids);
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_attribute_column_is_reported_with_the_column_name()
    {
        byte[] input = [.. Utf8($"{Header},region\ne-1,c-1,2024-03-01T09:15:00Z,web,review,S"), 0xFF, (byte)'\n'];

        var result = await Read(input, csv: true);

        Assert.Equal(new ReadError(2, "region", "S\uFFFD", "region is not valid UTF-8"), result.SingleError);
    }

    [Fact]
    public async Task Short_attribute_values_that_repeat_are_shared_between_rows()
    {
        var input = Utf8($"{Header},region\ne-1,c-1,2024-03-01T09:15:00Z,web,review,SP\ne-2,c-2,2024-03-01T09:15:00Z,web,review,SP\n");

        var result = await Read(input, csv: true);

        Assert.Empty(result.Report.Errors);
        Assert.Equal("SP", result.Interactions[0].Attributes["region"]);
        Assert.Same(result.Interactions[0].Attributes["region"], result.Interactions[1].Attributes["region"]);
    }

    [Fact]
    public async Task A_BOM_CRLF_blank_lines_and_no_trailing_newline_are_all_handled()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Utf8($"{Header}\r\n\r\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view\r\n   \r\ne-2,c-1,2024-03-01T09:15:00Z,web,page_view")];

        var result = await Read(input, csv: true);

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal("page_view", result.Interactions[1].Kind);
        Assert.Empty(result.Report.Errors);
        Assert.Equal(2, result.Report.BlankLines);
        Assert.Equal(5, result.Report.LinesRead);
    }

    [Fact]
    public async Task An_empty_file_and_a_header_only_file_read_nothing_without_error()
    {
        var empty = await Read([], csv: true);
        var headerOnly = await ReadCsv(Header + "\n");

        Assert.Empty(empty.Interactions);
        Assert.Empty(empty.Report.Errors);
        Assert.Empty(headerOnly.Interactions);
        Assert.Empty(headerOnly.Report.Errors);
        Assert.Equal(1, headerOnly.Report.LinesRead);
    }

    [Fact]
    public async Task Blank_lines_before_the_header_are_skipped()
    {
        var result = await ReadCsv($"\n\n{Header}\ne-1,c-1,2024-03-01T09:15:00Z,web,page_view,\n");

        Assert.Equal(new ReadError(4, null, null, "the row has 6 fields, but the header has 5 columns"), result.SingleError);
    }

    [Fact]
    public async Task A_quoted_empty_id_is_an_empty_string_and_rejected_by_the_domain()
    {
        var result = await ReadCsv($"{Header}\n\"\",c-1,2024-03-01T09:15:00Z,web,page_view\n");

        Assert.Equal(new ReadError(2, "id", string.Empty, "InteractionId must not be empty or white space, but was ''."), result.SingleError);
    }

    [Fact]
    public async Task Quoted_values_of_every_kind_are_unquoted()
    {
        var result = await ReadCsv($"{Header},nps,outcome\n\"e-1\",\"c-1\",\"2024-03-01T09:15:00Z\",\"web\",\"page_view\",\"7\",\"failed\"\n");

        var interaction = Assert.Single(result.Interactions);
        Assert.Equal(7, interaction.Signals.Nps);
        Assert.Equal(InteractionOutcome.Failed, interaction.Outcome);
    }
}
