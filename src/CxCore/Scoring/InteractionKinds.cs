using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>Recognises contacts: interactions in which the customer asks the business for help.</summary>
internal static class InteractionKinds
{
    // Kind prefixes of a contact, compared case-insensitively: support_request, support_resolved, contact_us,
    // complaint, callback, claim, inquiry, ticket_opened …
    private static readonly string[] ContactPrefixes = ["support", "contact", "complaint", "callback", "claim", "inquiry", "enquiry", "ticket", "help"];

    public static bool IsContact(Interaction interaction)
    {
        var kind = interaction.Kind;
        foreach (var prefix in ContactPrefixes)
        {
            if (kind.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
