using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// Reads one JSONL line with <see cref="Utf8JsonReader"/> straight into an <see cref="EventDraft"/>: no DOM, no DTO,
/// and no strings but the values kept.
/// </summary>
internal sealed class JsonLineParser(EventDraft draft)
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>
    /// Parses one line into <paramref name="target"/>'s next slot (not committed: the caller keeps it), or returns the
    /// first problem (and leaves the batch's bytes as they were).
    /// </summary>
    public ReadError? Parse(ReadOnlySpan<byte> line, InteractionBatch target)
    {
        draft.CheckUtf8 = !Utf8.IsValid(line);
        var reader = new Utf8JsonReader(line, ReaderOptions);
        var current = EventField.Unknown;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return draft.Error(null, null, $"a line must hold one JSON object ({{...}}), but this one starts with {Describe(reader.TokenType)}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                current = EventFields.Match(Utf8Value(ref reader));
                reader.Read();
                var error = current == EventField.Unknown
                    ? SkipUnknown(ref reader)
                    : draft.MarkSeen(current) ?? ReadValue(ref reader, current);
                if (error is not null)
                {
                    return error;
                }

                current = EventField.Unknown;
            }

            // Whatever follows the object must be white space; the reader throws on anything else.
            reader.Read();
        }
        catch (JsonException e)
        {
            return draft.Error(current == EventField.Unknown ? null : EventFields.NameOf(current), null, Malformed(e, line.Length));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader only transcodes (and so validates) a string when asked for it.
            var name = current == EventField.Unknown ? null : EventFields.NameOf(current);
            return draft.Error(name, null, $"{name ?? "the line"} is not valid UTF-8");
        }

        if (draft.CheckUtf8)
        {
            // The invalid bytes were in a field that is ignored or in a name: the line is still not valid UTF-8 text
            // (once every field the line does give is valid, as when the check came after building the interaction).
            return draft.Build(target, probeOnly: true) ?? draft.Error(null, null, "the line is not valid UTF-8");
        }

        if (draft.Build(target, probeOnly: false) is { } buildError)
        {
            return buildError;
        }

        return null;
    }

    private static string Malformed(JsonException e, int lineLength)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        var position = e.BytePositionInLine ?? 0;
        var truncated = position >= lineLength - 1 ? " (the line looks truncated)" : string.Empty;
        return $"malformed JSON at byte {position}{truncated}: {message}";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static ReadError? SkipUnknown(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private ReadError? ReadValue(ref Utf8JsonReader reader, EventField field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null; // null is the same as absent
        }

        switch (field)
        {
            case EventField.Attributes:
                return ReadAttributes(ref reader);

            case EventField.Csat or EventField.Nps or EventField.Ces:
                if (reader.TokenType != JsonTokenType.Number)
                {
                    return WrongType(ref reader, field, "a number");
                }

                return reader.TryGetInt32(out var whole)
                    ? draft.SetInt(field, whole)
                    : draft.Error(EventFields.NameOf(field), Encoding.UTF8.GetString(reader.ValueSpan), EventDraft.WholeNumberReason(field));

            case EventField.WaitSeconds or EventField.HandlingSeconds or EventField.Value:
                if (reader.TokenType != JsonTokenType.Number)
                {
                    return WrongType(ref reader, field, "a number");
                }

                if (field != EventField.Value && reader.TryGetInt64(out var seconds))
                {
                    return draft.SetWholeSeconds(field, seconds);
                }

                return reader.TryGetDecimal(out var number)
                    ? draft.SetDecimal(field, number)
                    : draft.Error(EventFields.NameOf(field), Encoding.UTF8.GetString(reader.ValueSpan), $"{EventFields.NameOf(field)} is too large or too precise for a decimal number");

            default:
                return reader.TokenType == JsonTokenType.String
                    ? draft.SetText(field, Utf8Value(ref reader))
                    : WrongType(ref reader, field, "a string");
        }
    }

    private ReadError? ReadAttributes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(ref reader, EventField.Attributes, "an object of string values");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (draft.Decode(Utf8Value(ref reader), "attributes", cache: true, out var key) is { } keyError)
            {
                return keyError;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return draft.Error(
                    "attributes." + key,
                    TokenText(ref reader),
                    $"attribute values must be strings, but '{key}' is {Describe(reader.TokenType)}");
            }

            var error = draft.DecodeAttributeValue(Utf8Value(ref reader), "attributes.", key, out var value)
                ?? draft.SetAttribute(key, value);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private ReadError WrongType(ref Utf8JsonReader reader, EventField field, string expected)
    {
        var name = EventFields.NameOf(field);
        return draft.Error(name, TokenText(ref reader), $"{name} must be {expected}, but is {Describe(reader.TokenType)}");
    }

    private static string? TokenText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
            EventDraft.Lossy(reader.ValueSpan),
        _ => null,
    };

    /// <summary>The string token's unescaped UTF-8 bytes: the input itself unless it holds escapes.</summary>
    private ReadOnlySpan<byte> Utf8Value(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var scratch = draft.Scratch(reader.ValueSpan.Length);
        var length = reader.CopyString(scratch);
        return scratch.AsSpan(0, length);
    }
}
