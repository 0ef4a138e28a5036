using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>Recognises contacts: interactions in which the customer asks the business for help.</summary>
internal static class InteractionKinds
{
    /// <summary>
    /// True when the kind starts (case-insensitively) with <c>support</c>, <c>contact</c>, <c>complaint</c>,
    /// <c>callback</c>, <c>claim</c>, <c>inquiry</c>, <c>enquiry</c>, <c>ticket</c> or <c>help</c>. Dispatches on the
    /// first letter, so the common kinds (page views, purchases, deliveries, reviews) are rejected at once.
    /// </summary>
    public static bool IsContact(InteractionView interaction)
    {
        var kind = interaction.Kind.AsSpan();
        return (kind[0] | 0x20) switch
        {
            's' => Starts(kind, "support"),
            'c' => Starts(kind, "contact") || Starts(kind, "complaint") || Starts(kind, "callback") || Starts(kind, "claim"),
            'i' => Starts(kind, "inquiry"),
            'e' => Starts(kind, "enquiry"),
            't' => Starts(kind, "ticket"),
            'h' => Starts(kind, "help"),
            _ => false,
        };
    }

    private static bool Starts(ReadOnlySpan<char> kind, string prefix) => kind.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
