using System.Security.Cryptography;
using System.Text;
using CxCore.Domain;

namespace CxCore.Engine;

/// <summary>
/// Replaces customer ids and aliases with a keyed hash (HMAC-SHA256, 128 bits kept), so the store never holds the
/// host's real ids. The same input and key always give the same pseudonym; without the key it cannot be reversed.
/// </summary>
internal sealed class CustomerPseudonymizer
{
    private const string Prefix = "px-";
    private readonly byte[] _key;

    public CustomerPseudonymizer(string key) => _key = Encoding.UTF8.GetBytes(key);

    public static bool IsPseudonym(CustomerId id) => IsPseudonym(id.Value);

    public static bool IsPseudonym(ReadOnlySpan<char> id) => id.StartsWith(Prefix, StringComparison.Ordinal) && id.Length == Prefix.Length + 32;

    public CustomerId Protect(CustomerId id) => IsPseudonym(id) ? id : new CustomerId(Prefix + Hash(id.Value));

    public CustomerIdentity Protect(CustomerIdentity identity) =>
        new(new IdentityKind(identity.Kind.Name + "-px"), Hash(identity.Kind.Name + ":" + identity.Value));

    private string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
