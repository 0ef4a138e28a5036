using System.Globalization;

namespace CxCore.Domain;

/// <summary>
/// A customer: one person or organisation, known by an id and by any number of aliases (identities) on the
/// channels they use, with free-form attributes and the purposes they consented to.
/// </summary>
/// <example>
/// <code>
/// var ana = new Customer(new CustomerId("c-42"))
/// {
///     Identities = [new CustomerIdentity(IdentityKind.Email, "ana@example.com"), new CustomerIdentity(IdentityKind.Phone, "+55 11 5555-0100")],
///     Attributes = new Dictionary&lt;string, string&gt; { ["segment"] = "gold" },
///     Consent = ConsentPurposes.Analytics | ConsentPurposes.Surveys,
/// };
/// </code>
/// </example>
public sealed class Customer
{
    /// <summary>Creates a customer with no aliases, attributes or consent.</summary>
    /// <param name="id">The customer's id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value.</exception>
    public Customer(CustomerId id) => Id = id.EnsureNotEmpty(nameof(id));

    /// <summary>The customer's id.</summary>
    public CustomerId Id { get; }

    /// <summary>The aliases the customer is known by; distinct. Never null.</summary>
    /// <exception cref="ArgumentException">The same identity appears twice, or one is the default value.</exception>
    public IReadOnlyList<CustomerIdentity> Identities
    {
        get => field ?? [];
        init
        {
            ArgumentNullException.ThrowIfNull(value, "identities");
            var seen = new HashSet<CustomerIdentity>();
            foreach (var identity in value)
            {
                if (identity.Value is null)
                {
                    throw new ArgumentException("identities must not contain a default CustomerIdentity.", "identities");
                }

                if (!seen.Add(identity))
                {
                    throw new ArgumentException($"identities contains '{identity}' twice; each alias may appear once.", "identities");
                }
            }

            field = [.. value];
        }
    }

    /// <summary>Free-form attributes (segment, region, tier …). Never null.</summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => field ?? Domain.Attributes.Empty;
        init => field = Domain.Attributes.Freeze(value, "attributes");
    }

    /// <summary>The purposes the customer consented to.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Contains undefined flags.</exception>
    public ConsentPurposes Consent
    {
        get;
        init => field = (value & ~ConsentPurposes.All) == 0
            ? value
            : throw new ArgumentOutOfRangeException("consent", value, string.Create(CultureInfo.InvariantCulture, $"consent has undefined flags {(int)(value & ~ConsentPurposes.All)}; expected a combination of Analytics, Personalization, Marketing and Surveys."));
    }

    /// <summary>Whether the customer consented to every purpose in <paramref name="purposes"/>.</summary>
    /// <param name="purposes">One purpose or a combination.</param>
    /// <returns>True when all of them are consented.</returns>
    public bool HasConsented(ConsentPurposes purposes) => (Consent & purposes) == purposes;
}
