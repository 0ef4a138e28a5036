namespace CxCore.Serialization;

/// <summary>Names of the canonical fields and their lookup from UTF-8 or UTF-16 text, without allocating.</summary>
internal static class EventFields
{
    /// <summary>Field names indexed by <see cref="EventField"/>; the order is the column order the writers use.</summary>
    private static readonly string[] Names =
    [
        string.Empty, "id", "customerId", "timestamp", "channel", "touchpoint", "kind", "outcome", "csat", "nps", "ces",
        "waitSeconds", "handlingSeconds", "value", "text", "mode", "attributes",
    ];

    /// <summary>The required fields, in the order a missing one is reported.</summary>
    public static ReadOnlySpan<EventField> Required =>
        [EventField.Id, EventField.CustomerId, EventField.Timestamp, EventField.Channel, EventField.Kind];

    /// <summary>The CSV columns of the canonical fields, in writing order (attributes follow as extra columns).</summary>
    public static ReadOnlySpan<EventField> CsvColumns =>
    [
        EventField.Id, EventField.CustomerId, EventField.Timestamp, EventField.Channel, EventField.Touchpoint, EventField.Kind,
        EventField.Outcome, EventField.Csat, EventField.Nps, EventField.Ces, EventField.WaitSeconds, EventField.HandlingSeconds,
        EventField.Value, EventField.Text, EventField.Mode,
    ];

    public static string NameOf(EventField field) => Names[(int)field];

    /// <summary>Whether <paramref name="name"/> is one of the canonical names (which an attribute may not use as a CSV column).</summary>
    public static bool IsCanonical(string name) => Match(name) != EventField.Unknown;

    public static EventField Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => EventField.Id,
        3 when name.SequenceEqual("nps"u8) => EventField.Nps,
        3 when name.SequenceEqual("ces"u8) => EventField.Ces,
        4 when name.SequenceEqual("kind"u8) => EventField.Kind,
        4 when name.SequenceEqual("csat"u8) => EventField.Csat,
        4 when name.SequenceEqual("text"u8) => EventField.Text,
        4 when name.SequenceEqual("mode"u8) => EventField.Mode,
        5 when name.SequenceEqual("value"u8) => EventField.Value,
        7 when name.SequenceEqual("channel"u8) => EventField.Channel,
        7 when name.SequenceEqual("outcome"u8) => EventField.Outcome,
        9 when name.SequenceEqual("timestamp"u8) => EventField.Timestamp,
        10 when name.SequenceEqual("customerId"u8) => EventField.CustomerId,
        10 when name.SequenceEqual("touchpoint"u8) => EventField.Touchpoint,
        10 when name.SequenceEqual("attributes"u8) => EventField.Attributes,
        11 when name.SequenceEqual("waitSeconds"u8) => EventField.WaitSeconds,
        15 when name.SequenceEqual("handlingSeconds"u8) => EventField.HandlingSeconds,
        _ => EventField.Unknown,
    };

    public static EventField Match(string name)
    {
        for (var i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                return (EventField)i;
            }
        }

        return EventField.Unknown;
    }
}
