using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>
/// A channel through which a customer interacts with the business. Extensible: the well-known channels
/// are static properties, and a host can add its own (for example <c>kiosk</c>) through
/// <see cref="ChannelRegistry"/>.
/// </summary>
/// <remarks>
/// A channel name is a lower-case token of letters, digits, <c>-</c> and <c>_</c>, starting with a letter,
/// at most 32 characters: the form used in the canonical event format.
/// </remarks>
public readonly record struct Channel
{
    private const int MaxNameLength = 32;

    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Creates a channel from its lower-case name.</summary>
    /// <param name="name">The name, e.g. <c>web</c> or <c>kiosk</c>.</param>
    /// <exception cref="ArgumentException">The name is not a lower-case token.</exception>
    public Channel(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"Channel name must be 1-{MaxNameLength} characters of lower-case letters, digits, '-' or '_', starting with a letter, but was '{name}'.",
                nameof(name));
        }

        Name = name;
    }

    /// <summary>The channel's lower-case name; null only for <c>default(Channel)</c>.</summary>
    public string Name { get; }

    /// <summary>True for <c>default(Channel)</c>, which no API accepts.</summary>
    public bool IsEmpty => Name is null;

    internal Channel EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Name, nameof(Channel), paramName);
        return this;
    }

    /// <summary>A web site (<c>web</c>).</summary>
    public static Channel Web { get; } = new("web");

    /// <summary>A mobile app (<c>app</c>).</summary>
    public static Channel MobileApp { get; } = new("app");

    /// <summary>E-mail (<c>email</c>).</summary>
    public static Channel Email { get; } = new("email");

    /// <summary>Text messages (<c>sms</c>).</summary>
    public static Channel Sms { get; } = new("sms");

    /// <summary>Voice calls, with or without an IVR (<c>phone</c>).</summary>
    public static Channel Phone { get; } = new("phone");

    /// <summary>Live chat with a person (<c>chat</c>).</summary>
    public static Channel Chat { get; } = new("chat");

    /// <summary>A chatbot or intelligent virtual assistant (<c>chatbot</c>).</summary>
    public static Channel Chatbot { get; } = new("chatbot");

    /// <summary>A physical store or branch (<c>store</c>).</summary>
    public static Channel Store { get; } = new("store");

    /// <summary>Social media (<c>social</c>).</summary>
    public static Channel Social { get; } = new("social");

    /// <summary>Delivery and logistics (<c>delivery</c>).</summary>
    public static Channel Delivery { get; } = new("delivery");

    /// <summary>Anything else (<c>other</c>).</summary>
    public static Channel Other { get; } = new("other");

    /// <summary>Returns true when <paramref name="name"/> is a valid channel name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>Whether the name is a lower-case token as described in the type remarks.</returns>
    public static bool IsValidName([NotNullWhen(true)] string? name) => Names.IsToken(name, MaxNameLength, NameChars);

    // For values read back from storage, which were validated when first created.
    private Channel(string value, bool _) => Name = value;

    /// <summary>Wraps a value that was validated before (read back from compact storage) without validating it again.</summary>
    internal static Channel Trusted(string value) => new(value, true);

    /// <inheritdoc/>
    public override string ToString() => Name ?? string.Empty;
}
