using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>
/// The channels a host accepts, each with the service mode it has by default. Immutable: add channels with
/// <see cref="With(Channel, ServiceMode)"/>, which returns a new registry.
/// </summary>
/// <example>
/// <code>
/// var channels = ChannelRegistry.WellKnown.With(new Channel("kiosk"), ServiceMode.SelfService);
/// channels.TryGet("kiosk", out var kiosk); // true
/// </code>
/// </example>
public sealed class ChannelRegistry
{
    private readonly FrozenDictionary<string, ServiceMode> _modes;

    private ChannelRegistry(FrozenDictionary<string, ServiceMode> modes) => _modes = modes;

    /// <summary>The well-known channels: web, app, email, sms, phone, chat, chatbot, store, social, delivery, other.</summary>
    public static ChannelRegistry WellKnown { get; } = new(new Dictionary<string, ServiceMode>(StringComparer.Ordinal)
    {
        [Channel.Web.Name] = ServiceMode.SelfService,
        [Channel.MobileApp.Name] = ServiceMode.SelfService,
        [Channel.Email.Name] = ServiceMode.Assisted,
        [Channel.Sms.Name] = ServiceMode.Automated,
        [Channel.Phone.Name] = ServiceMode.Assisted,
        [Channel.Chat.Name] = ServiceMode.Assisted,
        [Channel.Chatbot.Name] = ServiceMode.Automated,
        [Channel.Store.Name] = ServiceMode.Assisted,
        [Channel.Social.Name] = ServiceMode.SelfService,
        [Channel.Delivery.Name] = ServiceMode.Assisted,
        [Channel.Other.Name] = ServiceMode.SelfService,
    }.ToFrozenDictionary(StringComparer.Ordinal));

    /// <summary>The registered channels, in name order.</summary>
    public IReadOnlyList<Channel> Channels => [.. _modes.Keys.Order(StringComparer.Ordinal).Select(n => new Channel(n))];

    /// <summary>Returns a registry that also accepts <paramref name="channel"/> (or changes its default mode).</summary>
    /// <param name="channel">The channel to add.</param>
    /// <param name="defaultMode">How the channel serves customers unless a touchpoint says otherwise.</param>
    /// <returns>A new registry; this one is unchanged.</returns>
    public ChannelRegistry With(Channel channel, ServiceMode defaultMode)
    {
        channel.EnsureNotEmpty(nameof(channel));
        DomainGuards.EnsureDefined(defaultMode, nameof(defaultMode));
        var modes = new Dictionary<string, ServiceMode>(_modes, StringComparer.Ordinal) { [channel.Name] = defaultMode };
        return new ChannelRegistry(modes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Looks a channel up by its name, as it appears in the canonical event format.</summary>
    /// <param name="name">The lower-case channel name.</param>
    /// <param name="channel">The channel, when registered.</param>
    /// <returns>True when the channel is registered.</returns>
    public bool TryGet([NotNullWhen(true)] string? name, out Channel channel)
    {
        if (name is not null && _modes.ContainsKey(name))
        {
            channel = new Channel(name);
            return true;
        }

        channel = default;
        return false;
    }

    /// <summary>Whether <paramref name="channel"/> is registered.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>True when registered.</returns>
    public bool Contains(Channel channel) => channel.Name is not null && _modes.ContainsKey(channel.Name);

    /// <summary>The service mode of <paramref name="channel"/> when no touchpoint says otherwise.</summary>
    /// <param name="channel">A registered channel.</param>
    /// <returns>The channel's default mode.</returns>
    /// <exception cref="ArgumentException">The channel is not registered.</exception>
    public ServiceMode DefaultModeOf(Channel channel)
    {
        channel.EnsureNotEmpty(nameof(channel));
        return _modes.TryGetValue(channel.Name, out var mode)
            ? mode
            : throw new ArgumentException(
                $"Channel '{channel.Name}' is not registered; expected one of: {string.Join(", ", _modes.Keys.Order(StringComparer.Ordinal))}.",
                nameof(channel));
    }
}
