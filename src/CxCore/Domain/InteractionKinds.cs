namespace CxCore.Domain;

/// <summary>
/// Recognises contacts: interactions in which the customer asks the business for help (the effort scorer's repeat
/// contacts, the outcome scorer's failed contacts). <see cref="InteractionLog"/> marks them when it stores them.
/// </summary>
internal static class InteractionKinds
{
    private static byte[] s_contactByKind = new byte[64];

    /// <summary>
    /// True when the kind starts (case-insensitively) with <c>support</c>, <c>contact</c>, <c>complaint</c>,
    /// <c>callback</c>, <c>claim</c>, <c>inquiry</c>, <c>enquiry</c>, <c>ticket</c> or <c>help</c>. Dispatches on the
    /// first letter, so the common kinds (page views, purchases, deliveries, reviews) are rejected at once.
    /// </summary>
    public static bool IsContact(InteractionView interaction)
    {
        // A stored record says so itself: InteractionLog marks contacts when it stores them.
        var flags = interaction.StoredFlags;
        if (flags >= 0)
        {
            return (flags & InteractionLog.Contact) != 0;
        }

        return IsContact(interaction.Kind);
    }

    /// <summary>
    /// <see cref="IsContact(InteractionView)"/> for a kind by its <see cref="Vocabulary.Kinds"/> index (not 0): the answer
    /// for each interned kind is remembered (0 = not yet known, 1 = no, 2 = yes), so it is one array read.
    /// </summary>
    public static bool IsContactKind(int kindIndex)
    {
        var known = Volatile.Read(ref s_contactByKind);
        if (kindIndex < known.Length && known[kindIndex] != 0)
        {
            return known[kindIndex] == 2;
        }

        var contact = IsContact(Vocabulary.Kinds[kindIndex]);
        if (kindIndex >= known.Length)
        {
            // A race may lose an answer another thread wrote to the old array: it is worked out again, no harm done.
            Array.Resize(ref known, Math.Max(kindIndex + 1, known.Length * 2));
            Volatile.Write(ref s_contactByKind, known);
        }

        known[kindIndex] = contact ? (byte)2 : (byte)1;
        return contact;
    }

    /// <summary><see cref="IsContact(InteractionView)"/> for a kind given by name.</summary>
    public static bool IsContact(string kind)
    {
        var span = kind.AsSpan();
        return (span[0] | 0x20) switch
        {
            's' => Starts(span, "support"),
            'c' => Starts(span, "contact") || Starts(span, "complaint") || Starts(span, "callback") || Starts(span, "claim"),
            'i' => Starts(span, "inquiry"),
            'e' => Starts(span, "enquiry"),
            't' => Starts(span, "ticket"),
            'h' => Starts(span, "help"),
            _ => false,
        };
    }

    private static bool Starts(ReadOnlySpan<char> kind, string prefix) => kind.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
