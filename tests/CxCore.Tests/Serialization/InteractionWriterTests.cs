using System.Text;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

public sealed class InteractionWriterTests
{
    private static readonly Interaction Chatbot =
        new(new InteractionId("e-1001"), new CustomerId("c-42"), new DateTimeOffset(2024, 3, 1, 9, 15, 0, TimeSpan.Zero), Channel.Chatbot, "support_request")
        {
            Touchpoint = new TouchpointId("order-status-bot"),
            Outcome = InteractionOutcome.Abandoned,
            Signals = new InteractionSignals { Wait = TimeSpan.FromSeconds(95) },
            Text = "bot could not find my order",
            Attributes = new Dictionary<string, string> { ["region"] = "SP" },
        };

    private static readonly Interaction Phone =
        new(new InteractionId("e-1002"), new CustomerId("c-42"), new DateTimeOffset(2024, 3, 1, 9, 21, 0, TimeSpan.Zero), Channel.Phone, "support_resolved")
        {
            Touchpoint = new TouchpointId("support-line"),
            Outcome = InteractionOutcome.Succeeded,
            Signals = new InteractionSignals { Csat = 3, Ces = 5, Wait = TimeSpan.FromSeconds(420), HandlingTime = TimeSpan.FromSeconds(300) },
        };

    private static string JsonLines(params Interaction[] interactions)
    {
        using var stream = new MemoryStream();
        InteractionWriter.WriteJsonLines(stream, interactions);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Csv(IReadOnlyList<string>? columns, params Interaction[] interactions)
    {
        using var stream = new MemoryStream();
        InteractionWriter.WriteCsv(stream, interactions, columns);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void JSONL_output_is_the_canonical_form_of_the_contract_examples()
    {
        var output = JsonLines(Chatbot, Phone);

        Assert.Equal(
            File.ReadAllLines(Fixture("examples.jsonl"))[0] + "\n"
            + """{"id":"e-1002","customerId":"c-42","timestamp":"2024-03-01T09:21:00+00:00","channel":"phone","touchpoint":"support-line","kind":"support_resolved","outcome":"succeeded","csat":3,"ces":5,"waitSeconds":420,"handlingSeconds":300}""" + "\n",
            output);
    }

    [Fact]
    public void CSV_output_is_the_canonical_form_of_the_contract_examples()
    {
        var output = Csv(null, Chatbot, Phone);

        Assert.Equal(
            "id,customerId,timestamp,channel,touchpoint,kind,outcome,csat,nps,ces,waitSeconds,handlingSeconds,value,text,mode,region\n"
            + "e-1001,c-42,2024-03-01T09:15:00+00:00,chatbot,order-status-bot,support_request,abandoned,,,,95,,,bot could not find my order,,SP\n"
            + "e-1002,c-42,2024-03-01T09:21:00+00:00,phone,support-line,support_resolved,succeeded,3,,5,420,300,,,,\n",
            output);
    }

    [Fact]
    public void Fractions_offsets_mode_and_value_are_written_exactly()
    {
        var interaction = new Interaction(new InteractionId("e-1"), new CustomerId("c-1"), new DateTimeOffset(2024, 3, 1, 9, 15, 0, TimeSpan.FromHours(-3)).AddTicks(1_234_500), Channel.Store, "purchase")
        {
            Mode = ServiceMode.SelfService,
            Signals = new InteractionSignals { Wait = TimeSpan.FromTicks(15_000_001), Value = 129.90m, Nps = 0 },
        };

        Assert.Equal(
            """{"id":"e-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00.12345-03:00","channel":"store","kind":"purchase","nps":0,"waitSeconds":1.5000001,"value":129.90,"mode":"selfservice"}""" + "\n",
            JsonLines(interaction));
        Assert.EndsWith("\ne-1,c-1,2024-03-01T09:15:00.12345-03:00,store,,purchase,,,0,,1.5000001,,129.90,,selfservice\n", Csv(null, interaction), StringComparison.Ordinal);
    }

    [Fact]
    public void CSV_fields_are_quoted_only_when_needed_and_empty_strings_are_kept_apart_from_absent_ones()
    {
        var interaction = new Interaction(new InteractionId("e,1"), new CustomerId("c\"1"), new DateTimeOffset(2024, 3, 1, 9, 15, 0, TimeSpan.Zero), Channel.Web, "review")
        {
            Text = "line one\r\nline \"two\"",
            Attributes = new Dictionary<string, string> { ["empty"] = string.Empty, ["plain"] = "x y" },
        };

        var output = Csv(["empty", "plain", "absent"], interaction);

        Assert.Equal(
            "id,customerId,timestamp,channel,touchpoint,kind,outcome,csat,nps,ces,waitSeconds,handlingSeconds,value,text,mode,empty,plain,absent\n"
            + "\"e,1\",\"c\"\"1\",2024-03-01T09:15:00+00:00,web,,review,,,,,,,,\"line one\r\nline \"\"two\"\"\",,\"\",x y,\n",
            output);
    }

    [Fact]
    public void Attribute_columns_that_are_canonical_names_repeated_or_blank_are_refused()
    {
        Assert.Contains("'nps' is a canonical field name", Assert.Throws<ArgumentException>(() => Csv(["nps"], Phone)).Message, StringComparison.Ordinal);
        Assert.Contains("listed more than once", Assert.Throws<ArgumentException>(() => Csv(["a", "a"], Phone)).Message, StringComparison.Ordinal);
        Assert.Contains("not blank", Assert.Throws<ArgumentException>(() => Csv([" "], Phone)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_without_a_column_fails_rather_than_being_dropped()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Csv(["other"], Chatbot));

        Assert.Equal("Interaction 'e-1001' has attribute 'region', which has no CSV column: pass it in attributeColumns.", e.Message);
    }

    [Fact]
    public void An_attribute_named_like_a_canonical_field_cannot_be_written_as_CSV_but_can_as_JSONL()
    {
        var interaction = new Interaction(new InteractionId("e-1"), new CustomerId("c-1"), DateTimeOffset.UnixEpoch, Channel.Web, "x")
        {
            Attributes = new Dictionary<string, string> { ["nps"] = "10" },
        };

        Assert.Throws<ArgumentException>(() => Csv(null, interaction));
        Assert.Contains("\"attributes\":{\"nps\":\"10\"}", JsonLines(interaction), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_fails_the_write_instead_of_being_replaced()
    {
        var interaction = new Interaction(new InteractionId("e-1"), new CustomerId("c-1"), DateTimeOffset.UnixEpoch, Channel.Web, "x") { Text = "bad \uD83D end" };

        var json = Assert.Throws<ArgumentException>(() => JsonLines(interaction));
        Assert.Throws<ArgumentException>(() => Csv(null, interaction));
        Assert.Equal("Interaction 'e-1' cannot be written: text holds a lone surrogate (\\uD83D at index 4), which is not valid Unicode text. (Parameter 'interaction')", json.Message);
    }

    [Fact]
    public void Accented_text_is_written_as_UTF8_without_escapes_and_without_BOM()
    {
        var interaction = new Interaction(new InteractionId("e-1"), new CustomerId("c-1"), DateTimeOffset.UnixEpoch, Channel.Web, "review") { Text = "Ótimo produto, não chegou 😀" };

        var output = JsonLines(interaction);

        // Characters outside the Basic Multilingual Plane (emoji) are \u-escaped by System.Text.Json; readers accept both.
        Assert.Contains("\"text\":\"Ótimo produto, não chegou \\uD83D\\uDE00\"", output, StringComparison.Ordinal);
        Assert.Equal((byte)'{', Encoding.UTF8.GetBytes(output)[0]);
    }

    [Fact]
    public async Task The_async_writers_stream_what_the_reader_yields()
    {
        var ct = TestContext.Current.CancellationToken;
        var reader = new InteractionReader(ChannelRegistry.WellKnown);
        await using var csvIn = File.OpenRead(Fixture("examples.csv"));
        using var jsonOut = new MemoryStream();

        await InteractionWriter.WriteJsonLinesAsync(jsonOut, reader.ReadCsvAsync(csvIn, cancellationToken: ct), ct);
        jsonOut.Position = 0;
        using var csvOut = new MemoryStream();
        await InteractionWriter.WriteCsvAsync(csvOut, reader.ReadJsonLinesAsync(jsonOut, cancellationToken: ct), ["region"], ct);

        Assert.Equal(Csv(["region"], Chatbot, Phone), Encoding.UTF8.GetString(csvOut.ToArray()));
    }

    [Fact]
    public async Task Writing_many_interactions_flushes_in_chunks_and_keeps_every_line()
    {
        var many = Enumerable.Range(0, 5000)
            .Select(i => new Interaction(new InteractionId($"e-{i}"), new CustomerId("c-1"), DateTimeOffset.UnixEpoch.AddMinutes(i), Channel.Web, "page_view"))
            .ToArray();
        using var json = new MemoryStream();
        using var csv = new MemoryStream();

        InteractionWriter.WriteJsonLines(json, many);
        await InteractionWriter.WriteCsvAsync(csv, many.ToAsyncEnumerable(), [], TestContext.Current.CancellationToken);

        Assert.Equal(5000, Encoding.UTF8.GetString(json.ToArray()).Count(c => c == '\n'));
        Assert.Equal(5001, Encoding.UTF8.GetString(csv.ToArray()).Count(c => c == '\n'));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        using var readOnly = new MemoryStream([], writable: false);

        Assert.Throws<ArgumentNullException>(() => InteractionWriter.WriteJsonLines(null!, []));
        Assert.Throws<ArgumentNullException>(() => InteractionWriter.WriteJsonLines(new MemoryStream(), null!));
        Assert.Throws<ArgumentException>(() => InteractionWriter.WriteCsv(readOnly, []));
        Assert.Throws<ArgumentNullException>(() => InteractionWriter.WriteJsonLines(new MemoryStream(), [null!]));
    }
}
