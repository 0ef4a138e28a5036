using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>Formats interactions as canonical JSON lines into a reusable buffer.</summary>
internal sealed class JsonLineFormatter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is a data file, not HTML: keep non-ASCII text (Portuguese reviews …) readable instead of \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public JsonLineFormatter() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public int WrittenCount => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void Write(Interaction interaction)
    {
        EventFormat.EnsureValidUtf16(interaction);
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("id"u8, interaction.Id.Value);
        w.WriteString("customerId"u8, interaction.CustomerId.Value);
        Span<byte> timestamp = stackalloc byte[Iso8601.MaxFormattedLength];
        w.WriteString("timestamp"u8, timestamp[..Iso8601.Format(interaction.Timestamp, timestamp)]);
        w.WriteString("channel"u8, interaction.Channel.Name);
        if (interaction.Touchpoint is { } touchpoint)
        {
            w.WriteString("touchpoint"u8, touchpoint.Value);
        }

        w.WriteString("kind"u8, interaction.Kind);
        if (EventFormat.OutcomeName(interaction.Outcome) is { } outcome)
        {
            w.WriteString("outcome"u8, outcome);
        }

        var signals = interaction.Signals;
        if (signals.Csat is { } csat)
        {
            w.WriteNumber("csat"u8, csat);
        }

        if (signals.Nps is { } nps)
        {
            w.WriteNumber("nps"u8, nps);
        }

        if (signals.Ces is { } ces)
        {
            w.WriteNumber("ces"u8, ces);
        }

        if (signals.Wait is { } wait)
        {
            w.WriteNumber("waitSeconds"u8, EventFormat.Seconds(wait));
        }

        if (signals.HandlingTime is { } handling)
        {
            w.WriteNumber("handlingSeconds"u8, EventFormat.Seconds(handling));
        }

        if (signals.Value is { } value)
        {
            w.WriteNumber("value"u8, value);
        }

        if (interaction.Text is { } text)
        {
            w.WriteString("text"u8, text);
        }

        if (interaction.Mode is { } mode)
        {
            w.WriteString("mode"u8, EventFormat.ModeName(mode));
        }

        if (interaction.Attributes.Count > 0)
        {
            w.WriteStartObject("attributes"u8);
            foreach (var (key, attribute) in interaction.Attributes)
            {
                w.WriteString(key, attribute);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.Flush();
        w.Reset();
        _buffer.Write("\n"u8);
    }

    public void Dispose() => _writer.Dispose();
}
