using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>The text forms of the enums in the canonical format, shared by the writers.</summary>
internal static class EventFormat
{
    public static string? OutcomeName(InteractionOutcome outcome) => outcome switch
    {
        InteractionOutcome.Succeeded => "succeeded",
        InteractionOutcome.Failed => "failed",
        InteractionOutcome.Abandoned => "abandoned",
        _ => null, // unknown is the default and is left out
    };

    public static string ModeName(ServiceMode mode) => mode switch
    {
        ServiceMode.SelfService => "selfservice",
        ServiceMode.Assisted => "assisted",
        _ => "automated",
    };

    /// <summary>
    /// Throws when <paramref name="value"/> holds a lone surrogate, which UTF-8 cannot represent: writing it would
    /// silently change the text, and the writers are lossless or fail.
    /// </summary>
    public static void EnsureValidUtf16(string value, string field, Interaction interaction)
    {
        var span = value.AsSpan();
        if (!span.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return;
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                throw new ArgumentException(
                    $"Interaction '{interaction.Id}' cannot be written: {field} holds a lone surrogate (\\u{(int)span[i]:X4} at index {i}), which is not valid Unicode text.",
                    nameof(interaction));
            }
        }
    }

    /// <summary>Checks every string of <paramref name="interaction"/> with <see cref="EnsureValidUtf16(string, string, Interaction)"/>.</summary>
    public static void EnsureValidUtf16(Interaction interaction)
    {
        EnsureValidUtf16(interaction.Id.Value, "id", interaction);
        EnsureValidUtf16(interaction.CustomerId.Value, "customerId", interaction);
        EnsureValidUtf16(interaction.Kind, "kind", interaction);
        if (interaction.Touchpoint is { } touchpoint)
        {
            EnsureValidUtf16(touchpoint.Value, "touchpoint", interaction);
        }

        if (interaction.Text is { } text)
        {
            EnsureValidUtf16(text, "text", interaction);
        }

        foreach (var (key, value) in interaction.Attributes)
        {
            EnsureValidUtf16(key, "an attribute name", interaction);
            EnsureValidUtf16(value, $"attribute '{key}'", interaction);
        }
    }

    /// <summary>A duration as seconds: exact (100 ns ticks have at most 7 decimals) and without trailing zeros.</summary>
    public static decimal Seconds(TimeSpan duration) => (decimal)duration.Ticks / TimeSpan.TicksPerSecond;
}
