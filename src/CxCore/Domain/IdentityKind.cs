namespace CxCore.Domain;

/// <summary>What kind of identifier a customer alias is: e-mail, phone, device, loyalty number, or a host's own kind.</summary>
public readonly record struct IdentityKind
{
    /// <summary>Creates a kind from its name.</summary>
    /// <param name="name">1-64 ASCII letters, digits, '-' or '_', starting with a letter.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public IdentityKind(string name) => Name = Names.Validate(name, nameof(IdentityKind), nameof(name));

    /// <summary>The kind's name.</summary>
    public string Name { get; }

    /// <summary>An e-mail address; compared case-insensitively (stored lower-case).</summary>
    public static IdentityKind Email { get; } = new("email");

    /// <summary>A phone number; stored as '+' and digits only.</summary>
    public static IdentityKind Phone { get; } = new("phone");

    /// <summary>A device or cookie id.</summary>
    public static IdentityKind DeviceId { get; } = new("device");

    /// <summary>A loyalty-programme or account number.</summary>
    public static IdentityKind LoyaltyNumber { get; } = new("loyalty");

    /// <inheritdoc/>
    public override string ToString() => Name ?? string.Empty;
}
