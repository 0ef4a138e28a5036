namespace CxCore.Domain;

/// <summary>
/// An alias under which a customer is known on some channel (e-mail, phone, device id, loyalty number).
/// Values are normalised so that the same person's alias compares equal however it was typed:
/// e-mail addresses are trimmed and lower-cased, phone numbers keep only a leading '+' and digits.
/// </summary>
/// <example><code>var email = new CustomerIdentity(IdentityKind.Email, " Ana@Example.com "); // value "ana@example.com"</code></example>
public readonly record struct CustomerIdentity
{
    /// <summary>Creates and normalises an identity.</summary>
    /// <param name="kind">The kind of identifier.</param>
    /// <param name="value">The identifier as written by the source.</param>
    /// <exception cref="ArgumentException">The kind is default, or the value is empty or malformed for its kind.</exception>
    public CustomerIdentity(IdentityKind kind, string value)
    {
        IdText.ThrowIfDefault(kind.Name, nameof(IdentityKind), nameof(kind));
        Kind = kind;
        Value = Normalise(kind, value);
    }

    /// <summary>The kind of identifier.</summary>
    public IdentityKind Kind { get; }

    /// <summary>The normalised identifier.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}:{Value}";

    private static string Normalise(IdentityKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (kind == IdentityKind.Email)
        {
            var at = trimmed.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException($"An email identity must look like name@domain, but was '{value}'.", nameof(value));
            }

            return IdText.Validate(trimmed.ToLowerInvariant(), "Email identity", nameof(value));
        }

        if (kind == IdentityKind.Phone)
        {
            var digits = new System.Text.StringBuilder(trimmed.Length);
            foreach (var c in trimmed)
            {
                if (char.IsAsciiDigit(c) || (c == '+' && digits.Length == 0))
                {
                    digits.Append(c);
                }
                else if (c is not (' ' or '-' or '(' or ')' or '.'))
                {
                    throw new ArgumentException($"A phone identity may contain digits, a leading '+', spaces, '-', '.', and parentheses, but was '{value}'.", nameof(value));
                }
            }

            var phone = digits.ToString();
            return phone.TrimStart('+').Length is >= 3 and <= 20
                ? phone
                : throw new ArgumentException($"A phone identity must have 3-20 digits, but was '{value}'.", nameof(value));
        }

        return IdText.Validate(trimmed, $"{kind.Name} identity", nameof(value));
    }
}
