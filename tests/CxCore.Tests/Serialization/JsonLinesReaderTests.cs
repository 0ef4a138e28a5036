using System.Text;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class JsonLinesReaderTests
{
    private const string ChannelReason =
        "unknown channel; expected one of: app, chat, chatbot, delivery, email, other, phone, sms, social, store, web, or a channel the host registered in its ChannelRegistry";

    private static string Event(string extra = "", string id = "e-1") =>
        $$"""{"id":"{{id}}","customerId":"c-1","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view"{{extra}}}""";

    [Fact]
    public async Task The_contract_examples_read_into_the_interactions_they_describe()
    {
        var result = await Read(await File.ReadAllBytesAsync(Fixture("examples.jsonl"), TestContext.Current.CancellationToken), csv: false);

        Assert.Empty(result.Report.Errors);
        Assert.Equal(2, result.Interactions.Count);
        AssertSame(
            new Interaction(new InteractionId("e-1001"), new CustomerId("c-42"), DateTimeOffset.Parse("2024-03-01T09:15:00+00:00", System.Globalization.CultureInfo.InvariantCulture), Channel.Chatbot, "support_request")
            {
                Touchpoint = new TouchpointId("order-status-bot"),
                Outcome = InteractionOutcome.Abandoned,
                Signals = new InteractionSignals { Wait = TimeSpan.FromSeconds(95) },
                Text = "bot could not find my order",
                Attributes = new Dictionary<string, string> { ["region"] = "SP" },
            },
            result.Interactions[0]);
        AssertSame(
            new Interaction(new InteractionId("e-1002"), new CustomerId("c-42"), new DateTimeOffset(2024, 3, 1, 9, 21, 0, TimeSpan.Zero), Channel.Phone, "support_resolved")
            {
                Touchpoint = new TouchpointId("support-line"),
                Outcome = InteractionOutcome.Succeeded,
                Signals = new InteractionSignals { Csat = 3, Ces = 5, Wait = TimeSpan.FromSeconds(420), HandlingTime = TimeSpan.FromSeconds(300) },
            },
            result.Interactions[1]);
        Assert.Equal(new { Lines = 2L, Accepted = 2L, Rejected = 0L }, new { Lines = result.Report.LinesRead, result.Report.Accepted, result.Report.Rejected });
    }

    [Fact]
    public async Task A_mixed_file_keeps_every_valid_line_and_reports_every_bad_one_with_line_field_value_and_reason()
    {
        var input = await File.ReadAllBytesAsync(Fixture("mixed.jsonl"), TestContext.Current.CancellationToken);

        var result = await Read(input, csv: false);

        Assert.Equal(["e-1", "e-6", "e-8"], result.Ids);
        Assert.Equal(
            [
                new ReadError(2, "nps", "11", "NPS must be between 0 and 10, but was 11."),
                new ReadError(4, "timestamp", "2024-03-01T09:17:00", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous"),
                new ReadError(5, "channel", "kiosk", ChannelReason),
                new ReadError(6, "csat", "five", "csat must be a number, but is a string"),
                new ReadError(7, "id", null, "id is required"),
                new ReadError(8, "id", "e-1", "duplicate id: it was first read on line 1, which is kept"),
                new ReadError(10, "timestamp", null, "malformed JSON at byte 59 (the line looks truncated): Expected end of string, but instead reached end of data."),
            ],
            result.Report.Errors);
        Assert.Equal(11, result.Report.LinesRead);
        Assert.Equal(3, result.Report.Accepted);
        Assert.Equal(7, result.Report.Rejected);
        Assert.Equal(1, result.Report.BlankLines);
        Assert.Equal(0, result.Report.OmittedErrors);
    }

    [Fact]
    public async Task A_truncated_line_is_reported_as_malformed_and_the_next_line_is_kept()
    {
        var result = await ReadJsonLines("{\"id\":\"e-1\",\"customerId\":\"c\n" + Event(id: "e-2") + "\n");

        Assert.Equal(new ReadError(1, "customerId", null, "malformed JSON at byte 27 (the line looks truncated): Expected end of string, but instead reached end of data."), result.SingleError);
        Assert.Equal(["e-2"], result.Ids);
    }

    [Fact]
    public async Task A_line_cut_after_a_complete_value_is_reported_without_a_field()
    {
        var result = await ReadJsonLines("{\"id\":\"e-1\",\n");

        Assert.Equal(1, result.SingleError.LineNumber);
        Assert.Null(result.SingleError.Field);
        Assert.Null(result.SingleError.Value);
        Assert.StartsWith("malformed JSON at byte ", result.SingleError.Reason, StringComparison.Ordinal);
        Assert.Contains("(the line looks truncated)", result.SingleError.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",\"csat\":\"five\"", "csat", "five", "csat must be a number, but is a string")]
    [InlineData(",\"nps\":true", "nps", "true", "nps must be a number, but is a boolean")]
    [InlineData(",\"ces\":4.5", "ces", "4.5", "ces must be a whole number between 1 and 7")]
    [InlineData(",\"waitSeconds\":\"95\"", "waitSeconds", "95", "waitSeconds must be a number, but is a string")]
    [InlineData(",\"value\":[1]", "value", null, "value must be a number, but is an array")]
    [InlineData(",\"touchpoint\":42", "touchpoint", "42", "touchpoint must be a string, but is a number")]
    [InlineData(",\"text\":{\"a\":1}", "text", null, "text must be a string, but is an object")]
    [InlineData(",\"attributes\":[\"a\"]", "attributes", null, "attributes must be an object of string values, but is an array")]
    [InlineData(",\"attributes\":{\"region\":5}", "attributes.region", "5", "attribute values must be strings, but 'region' is a number")]
    public async Task A_value_of_the_wrong_JSON_type_is_rejected(string extra, string field, string? value, string reason)
    {
        var result = await ReadJsonLines(Event(extra) + "\n");

        Assert.Equal(new ReadError(1, field, value, reason), result.SingleError);
        Assert.Empty(result.Interactions);
    }

    [Fact]
    public async Task An_id_given_as_a_number_is_rejected()
    {
        var result = await ReadJsonLines("""{"id":1001,"customerId":"c-1","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view"}""");

        Assert.Equal(new ReadError(1, "id", "1001", "id must be a string, but is a number"), result.SingleError);
    }

    [Fact]
    public async Task An_unknown_channel_is_rejected_and_a_registered_one_accepted()
    {
        var line = Event().Replace("\"web\"", "\"kiosk\"", StringComparison.Ordinal) + "\n";

        var rejected = await ReadJsonLines(line);
        var accepted = await ReadJsonLines(line, channels: ChannelRegistry.WellKnown.With(new Channel("kiosk"), ServiceMode.SelfService));

        Assert.Equal(new ReadError(1, "channel", "kiosk", ChannelReason), rejected.SingleError);
        Assert.Equal(new Channel("kiosk"), Assert.Single(accepted.Interactions).Channel);
    }

    [Fact]
    public async Task A_channel_in_upper_case_is_rejected_with_a_hint()
    {
        var result = await ReadJsonLines(Event().Replace("\"web\"", "\"Web\"", StringComparison.Ordinal));

        Assert.Equal(
            new ReadError(1, "channel", "Web", "unknown channel (channel names are lower case); expected one of: app, chat, chatbot, delivery, email, other, phone, sms, social, store, web, or a channel the host registered in its ChannelRegistry"),
            result.SingleError);
    }

    [Theory]
    [InlineData("nps", "11", "NPS must be between 0 and 10, but was 11.")]
    [InlineData("nps", "-1", "NPS must be between 0 and 10, but was -1.")]
    [InlineData("csat", "0", "CSAT must be between 1 and 5, but was 0.")]
    [InlineData("ces", "8", "CES must be between 1 and 7, but was 8.")]
    [InlineData("waitSeconds", "-5", "waitSeconds must be between 0 and 31622400 seconds (366 days)")]
    [InlineData("handlingSeconds", "31622401", "handlingSeconds must be between 0 and 31622400 seconds (366 days)")]
    public async Task A_signal_out_of_range_is_rejected(string field, string value, string reason)
    {
        var result = await ReadJsonLines(Event($",\"{field}\":{value}"));

        Assert.Equal(new ReadError(1, field, value, reason), result.SingleError);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("customerId")]
    [InlineData("timestamp")]
    [InlineData("channel")]
    [InlineData("kind")]
    public async Task A_missing_required_field_is_rejected(string field)
    {
        var values = new Dictionary<string, string>
        {
            ["id"] = "\"e-1\"",
            ["customerId"] = "\"c-1\"",
            ["timestamp"] = "\"2024-03-01T09:15:00Z\"",
            ["channel"] = "\"web\"",
            ["kind"] = "\"page_view\"",
        };
        values.Remove(field);
        var line = "{" + string.Join(",", values.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}";

        var missing = await ReadJsonLines(line);
        var nulled = await ReadJsonLines(line.Insert(1, $"\"{field}\":null,"));

        Assert.Equal(new ReadError(1, field, null, field + " is required"), missing.SingleError);
        Assert.Equal(new ReadError(1, field, null, field + " is required"), nulled.SingleError);
    }

    [Fact]
    public async Task Empty_and_blank_ids_are_rejected_with_the_domain_message()
    {
        var result = await ReadJsonLines(Event(id: "") + "\n" + Event(id: " e-2"));

        Assert.Equal(
            [
                new ReadError(1, "id", string.Empty, "InteractionId must not be empty or white space, but was ''."),
                new ReadError(2, "id", " e-2", "InteractionId must not start or end with white space, but was ' e-2'."),
            ],
            result.Report.Errors);
    }

    [Fact]
    public async Task A_duplicate_id_rejects_the_second_line_and_keeps_the_first()
    {
        var result = await ReadJsonLines(Event(",\"kind2\":1", "e-1").Replace("page_view", "first", StringComparison.Ordinal) + "\n" + Event(id: "e-2") + "\n" + Event(id: "e-1") + "\n");

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal("first", result.Interactions[0].Kind);
        Assert.Equal(new ReadError(3, "id", "e-1", "duplicate id: it was first read on line 1, which is kept"), result.SingleError);
    }

    [Fact]
    public async Task A_rejected_line_does_not_claim_its_id()
    {
        var result = await ReadJsonLines(Event(",\"nps\":11") + "\n" + Event() + "\n");

        Assert.Equal(["e-1"], result.Ids);
        Assert.Equal(1, result.SingleError.LineNumber);
    }

    [Fact]
    public async Task Duplicate_detection_can_be_turned_off()
    {
        var result = await ReadJsonLines(Event() + "\n" + Event() + "\n", new InteractionReaderOptions { DetectDuplicateIds = false });

        Assert.Equal(["e-1", "e-1"], result.Ids);
        Assert.Empty(result.Report.Errors);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_value_is_reported_with_its_field()
    {
        var before = Utf8(Event(",\"text\":\"bad ").TrimEnd('}'));
        byte[] line = [.. before, 0xC3, 0x28, .. Utf8("\"}\n"), .. Utf8(Event(id: "e-2") + "\n")];

        var result = await Read(line, csv: false);

        Assert.Equal(new ReadError(1, "text", "bad \uFFFD(", "text is not valid UTF-8"), result.SingleError);
        Assert.Equal(["e-2"], result.Ids);
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_attribute_value_is_reported_with_the_attribute()
    {
        byte[] line = [.. Utf8(Event(",\"attributes\":{\"region\":\"S").TrimEnd('}')), 0xFF, .. Utf8("\"}}\n"), .. Utf8(Event(id: "e-2") + "\n")];

        var result = await Read(line, csv: false);

        Assert.Equal(new ReadError(1, "attributes.region", "S\uFFFD", "attributes.region is not valid UTF-8"), result.SingleError);
        Assert.Equal(["e-2"], result.Ids);
    }

    [Fact]
    public async Task Short_attribute_values_that_repeat_are_shared_between_interactions_and_long_ones_are_not()
    {
        var longValue = new string('x', 33);
        var input = Utf8(
            Event($",\"attributes\":{{\"region\":\"SP\",\"order\":\"{longValue}\"}}") + "\n"
            + Event($",\"attributes\":{{\"region\":\"SP\",\"order\":\"{longValue}\"}}", id: "e-2") + "\n");

        var result = await Read(input, csv: false);

        Assert.Empty(result.Report.Errors);
        var (first, second) = (result.Interactions[0].Attributes, result.Interactions[1].Attributes);
        Assert.Equal(["SP", longValue], first.Values);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Same(first["region"], second["region"]);
        Assert.NotSame(first["order"], second["order"]);
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_ignored_field_still_rejects_the_line()
    {
        byte[] line = [.. Utf8(Event(",\"note\":\"").TrimEnd('}')), 0xFF, .. Utf8("\"}")];

        var result = await Read(line, csv: false);

        Assert.Equal(new ReadError(1, null, null, "the line is not valid UTF-8"), result.SingleError);
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_escaped_value_is_reported_with_its_field()
    {
        byte[] line = [.. Utf8(Event(",\"kind2\":0,\"text\":\"a\\n").TrimEnd('}')), 0xE2, 0x82, .. Utf8("\"}")];

        var result = await Read(line, csv: false);

        Assert.Equal(1, result.SingleError.LineNumber);
        Assert.Equal("text", result.SingleError.Field);
        Assert.Equal("text is not valid UTF-8", result.SingleError.Reason);
    }

    [Fact]
    public async Task An_empty_file_reads_nothing_and_reports_nothing()
    {
        var result = await Read([], csv: false);

        Assert.Empty(result.Interactions);
        Assert.Empty(result.Report.Errors);
        Assert.Equal(0, result.Report.LinesRead);
        Assert.Empty(result.DeadLetter);
    }

    [Fact]
    public async Task A_file_of_only_a_BOM_reads_nothing()
    {
        var result = await Read([0xEF, 0xBB, 0xBF], csv: false);

        Assert.Empty(result.Interactions);
        Assert.Empty(result.Report.Errors);
    }

    [Fact]
    public async Task The_last_line_is_read_without_a_trailing_newline()
    {
        var result = await ReadJsonLines(Event(id: "e-1") + "\n" + Event(id: "e-2"));

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal(2, result.Report.LinesRead);
    }

    [Fact]
    public async Task CRLF_line_endings_are_read_and_the_CR_is_not_part_of_any_value()
    {
        var result = await ReadJsonLines(Event(",\"text\":\"hi\"", "e-1") + "\r\n" + Event(id: "e-2") + "\r\n");

        Assert.Equal(["e-1", "e-2"], result.Ids);
        Assert.Equal("hi", result.Interactions[0].Text);
        Assert.Empty(result.Report.Errors);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_without_error_and_line_numbers_still_count_them()
    {
        var result = await ReadJsonLines("\n   \n\t\r\n" + Event(id: "e-1") + "\n\n" + Event(",\"nps\":11", "e-2") + "\n\n");

        Assert.Equal(["e-1"], result.Ids);
        Assert.Equal(6, result.SingleError.LineNumber);
        Assert.Equal(5, result.Report.BlankLines);
        Assert.Equal(7, result.Report.LinesRead);
    }

    [Fact]
    public async Task A_UTF8_BOM_is_skipped()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Utf8(Event() + "\n")];

        var result = await Read(input, csv: false);

        Assert.Equal(["e-1"], result.Ids);
        Assert.Empty(result.Report.Errors);
    }

    [Fact]
    public async Task Unknown_top_level_fields_are_ignored_whatever_their_type()
    {
        var result = await ReadJsonLines(Event(",\"schema\":\"v1.1\",\"extra\":{\"a\":[1,{\"b\":null}]},\"flags\":[true,false],\"score\":4.2,\"Id\":\"x\""));

        var interaction = Assert.Single(result.Interactions);
        Assert.Empty(result.Report.Errors);
        Assert.Empty(interaction.Attributes);
    }

    [Fact]
    public async Task Null_optional_fields_are_absent()
    {
        var result = await ReadJsonLines(Event(",\"touchpoint\":null,\"nps\":null,\"text\":null,\"attributes\":null,\"outcome\":null,\"mode\":null"));

        var interaction = Assert.Single(result.Interactions);
        Assert.Null(interaction.Touchpoint);
        Assert.True(interaction.Signals.IsEmpty);
        Assert.Null(interaction.Text);
        Assert.Equal(InteractionOutcome.Unknown, interaction.Outcome);
    }

    [Fact]
    public async Task A_field_given_twice_is_rejected()
    {
        var result = await ReadJsonLines(Event(",\"nps\":3,\"nps\":4"));

        Assert.Equal(new ReadError(1, "nps", null, "field 'nps' appears more than once"), result.SingleError);
    }

    [Fact]
    public async Task An_attribute_given_twice_is_rejected()
    {
        var result = await ReadJsonLines(Event(",\"attributes\":{\"a\":\"1\",\"a\":\"2\"}"));

        Assert.Equal(new ReadError(1, "attributes.a", null, "attribute 'a' appears more than once"), result.SingleError);
    }

    [Theory]
    [InlineData("[1,2]", "a line must hold one JSON object ({...}), but this one starts with an array")]
    [InlineData("\"text\"", "a line must hold one JSON object ({...}), but this one starts with a string")]
    public async Task A_line_that_is_not_an_object_is_rejected(string line, string reason)
    {
        var result = await ReadJsonLines(line);

        Assert.Equal(new ReadError(1, null, null, reason), result.SingleError);
    }

    [Fact]
    public async Task Two_objects_on_one_line_are_rejected()
    {
        var result = await ReadJsonLines(Event() + " " + Event(id: "e-2"));

        Assert.Equal(1, result.SingleError.LineNumber);
        Assert.Null(result.SingleError.Field);
        Assert.StartsWith("malformed JSON at byte ", result.SingleError.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Interactions);
    }

    [Theory]
    [InlineData("2024-03-01T09:15:00", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous")]
    [InlineData("2024-03-01T09:15:00.123", "timestamp must include a UTC offset such as +00:00 or Z (e.g. 2024-03-01T09:15:00+00:00); a local time without offset is ambiguous")]
    [InlineData("2024-03-01", "timestamp must be an ISO 8601 date and time with a UTC offset, e.g. 2024-03-01T09:15:00+00:00 or 2024-03-01T09:15:00.5Z")]
    [InlineData("01/03/2024 09:15 +00:00", "timestamp must be an ISO 8601 date and time with a UTC offset, e.g. 2024-03-01T09:15:00+00:00 or 2024-03-01T09:15:00.5Z")]
    [InlineData("2024-02-30T09:15:00Z", "timestamp must be an ISO 8601 date and time with a UTC offset, e.g. 2024-03-01T09:15:00+00:00 or 2024-03-01T09:15:00.5Z")]
    [InlineData("2024-03-01T09:15:00+15:00", "timestamp must be an ISO 8601 date and time with a UTC offset, e.g. 2024-03-01T09:15:00+00:00 or 2024-03-01T09:15:00.5Z")]
    [InlineData("0001-01-01T00:00:00+01:00", "timestamp is outside the range a DateTimeOffset can represent")]
    public async Task A_bad_timestamp_is_rejected_with_the_reason(string timestamp, string reason)
    {
        var result = await ReadJsonLines(Event().Replace("2024-03-01T09:15:00+00:00", timestamp, StringComparison.Ordinal));

        Assert.Equal(new ReadError(1, "timestamp", timestamp, reason), result.SingleError);
    }

    [Theory]
    [InlineData("2024-03-01T09:15:00Z", "2024-03-01T09:15:00+00:00")]
    [InlineData("2024-03-01T09:15:00.5-03:00", "2024-03-01T09:15:00.5-03:00")]
    [InlineData("2024-03-01T09:15:00.123456789+05:30", "2024-03-01T09:15:00.1234567+05:30")]
    [InlineData("2024-03-01T09:15:00+0530", "2024-03-01T09:15:00+05:30")]
    public async Task Timestamps_keep_their_offset(string timestamp, string expected)
    {
        var result = await ReadJsonLines(Event().Replace("2024-03-01T09:15:00+00:00", timestamp, StringComparison.Ordinal));

        var actual = Assert.Single(result.Interactions).Timestamp;
        var wanted = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(wanted, actual);
        Assert.Equal(wanted.Offset, actual.Offset);
    }

    [Theory]
    [InlineData("outcome", "\"done\"", "outcome must be one of: succeeded, failed, abandoned, unknown")]
    [InlineData("outcome", "\"Succeeded\"", "outcome must be one of: succeeded, failed, abandoned, unknown")]
    [InlineData("mode", "\"self-service\"", "mode must be one of: selfservice, assisted, automated")]
    public async Task An_unknown_enum_name_is_rejected(string field, string json, string reason)
    {
        var result = await ReadJsonLines(Event($",\"{field}\":{json}"));

        Assert.Equal(new ReadError(1, field, json.Trim('"'), reason), result.SingleError);
    }

    [Theory]
    [InlineData("succeeded", InteractionOutcome.Succeeded)]
    [InlineData("failed", InteractionOutcome.Failed)]
    [InlineData("abandoned", InteractionOutcome.Abandoned)]
    [InlineData("unknown", InteractionOutcome.Unknown)]
    public async Task Outcomes_are_read(string name, InteractionOutcome outcome)
    {
        var result = await ReadJsonLines(Event($",\"outcome\":\"{name}\""));

        Assert.Equal(outcome, Assert.Single(result.Interactions).Outcome);
    }

    [Theory]
    [InlineData("selfservice", ServiceMode.SelfService)]
    [InlineData("assisted", ServiceMode.Assisted)]
    [InlineData("automated", ServiceMode.Automated)]
    public async Task The_optional_mode_is_read(string name, ServiceMode mode)
    {
        var result = await ReadJsonLines(Event($",\"mode\":\"{name}\""));

        Assert.Equal(mode, Assert.Single(result.Interactions).Mode);
    }

    [Fact]
    public async Task Numbers_keep_their_precision()
    {
        var result = await ReadJsonLines(Event(",\"waitSeconds\":1.5,\"handlingSeconds\":0.0000001,\"value\":79228162514264337593543950335,\"nps\":0"));

        var signals = Assert.Single(result.Interactions).Signals;
        Assert.Equal(TimeSpan.FromMilliseconds(1500), signals.Wait);
        Assert.Equal(TimeSpan.FromTicks(1), signals.HandlingTime);
        Assert.Equal(decimal.MaxValue, signals.Value);
        Assert.Equal(0, signals.Nps);
    }

    [Fact]
    public async Task Escaped_names_and_values_are_unescaped()
    {
        var result = await ReadJsonLines("""{"\u0069d":"e-\u0031","customerId":"c-1","timestamp":"2024-03-01T09:15:00\u002B00:00","channel":"\u0063hatbot","kind":"page_view","text":"line\nnext \"quoted\" \u00e9 \ud83d\ude00","outcome":"fail\u0065d"}""");

        var interaction = Assert.Single(result.Interactions);
        Assert.Equal("e-1", interaction.Id.Value);
        Assert.Equal(Channel.Chatbot, interaction.Channel);
        Assert.Equal("line\nnext \"quoted\" é 😀", interaction.Text);
        Assert.Equal(InteractionOutcome.Failed, interaction.Outcome);
    }

    [Fact]
    public async Task A_text_longer_than_the_domain_allows_is_rejected()
    {
        var text = new string('a', Interaction.MaxTextLength + 1);

        var result = await ReadJsonLines(Event($",\"text\":\"{text}\""));

        Assert.Equal(new ReadError(1, "text", text, $"text must be at most {Interaction.MaxTextLength} characters, but was {Interaction.MaxTextLength + 1}."), result.SingleError);
        Assert.Equal(ReadError.MaxValueLength, result.SingleError.Value!.Length);
    }

    [Fact]
    public async Task A_blank_attribute_name_is_rejected()
    {
        var result = await ReadJsonLines(Event(",\"attributes\":{\" \":\"x\"}"));

        Assert.Equal(new ReadError(1, "attributes", " ", "attribute names must be 1-128 characters and not blank"), result.SingleError);
    }

    [Fact]
    public async Task Attributes_keep_empty_strings_and_drop_nulls()
    {
        var result = await ReadJsonLines(Event(",\"attributes\":{\"a\":\"\",\"b\":null,\"c\":\"3\"}"));

        Assert.Equal(
            new Dictionary<string, string> { ["a"] = string.Empty, ["c"] = "3" },
            Assert.Single(result.Interactions).Attributes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(20)]
    public async Task Attributes_keep_their_order_and_are_found_by_name_below_and_from_the_indexed_size(int count)
    {
        // From nine pairs on the map looks names up through an index; the reader builds it from its own checked pairs.
        var names = Enumerable.Range(0, count).Select(k => $"k{(count - k):D2}").ToArray();
        var json = string.Join(",", names.Select(n => $"\"{n}\":\"v-{n}\""));

        var attributes = Assert.Single((await ReadJsonLines(Event($",\"attributes\":{{{json}}}"))).Interactions).Attributes;

        Assert.Equal(names, attributes.Keys);
        Assert.All(names, n => Assert.Equal($"v-{n}", attributes[n]));
        Assert.False(attributes.ContainsKey("k00"));
        Assert.False(attributes.ContainsKey("K01"));
    }

    [Fact]
    public async Task A_kind_that_is_too_long_is_rejected_with_the_domain_message()
    {
        var kind = new string('k', 65);

        var result = await ReadJsonLines(Event().Replace("page_view", kind, StringComparison.Ordinal));

        Assert.Equal(new ReadError(1, "kind", kind, "kind must be at most 64 characters, but was 65 characters long."), result.SingleError);
    }

    [Fact]
    public async Task Reading_a_stream_that_is_not_readable_fails_fast()
    {
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        using var closed = new MemoryStream();
        closed.Dispose();

        Assert.Throws<ArgumentNullException>(() => reader.ReadJsonLinesAsync(null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => reader.ReadJsonLinesAsync(closed, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_every_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => new InteractionReader(
            ChannelRegistry.WellKnown,
            new InteractionReaderOptions { MaxLineBytes = 10, MaxReportedErrors = -1 }));

        Assert.Equal("options", e.ParamName);
        Assert.Contains("MaxLineBytes must be between 256 and 268435456, but was 10.", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxReportedErrors must be 0 or more, but was -1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_lines_with_escapes_and_kinds_reuse_cached_strings_but_keep_values_right()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            lines.Append(Event($",\"touchpoint\":\"tp-{i % 3}\",\"attributes\":{{\"k{i % 2}\":\"v{i}\"}}", $"e-{i}").Replace("page_view", $"kind_{i % 4}", StringComparison.Ordinal)).Append('\n');
        }

        var result = await ReadJsonLines(lines.ToString());

        Assert.Equal(50, result.Interactions.Count);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal($"kind_{i % 4}", result.Interactions[i].Kind);
            Assert.Equal($"tp-{i % 3}", result.Interactions[i].Touchpoint!.Value.Value);
            Assert.Equal($"v{i}", result.Interactions[i].Attributes[$"k{i % 2}"]);
        }

        Assert.Same(result.Interactions[0].Kind, result.Interactions[4].Kind);
    }
}
