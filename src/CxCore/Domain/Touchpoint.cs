namespace CxCore.Domain;

/// <summary>
/// A place where the customer meets the business: a web page, a bot, a phone line, a store counter, a parcel at the door.
/// </summary>
/// <example>
/// <code>
/// var bot = new Touchpoint(new TouchpointId("order-status-bot"), "Order status bot", Channel.Chatbot, ServiceMode.Automated)
/// {
///     Stage = JourneyStage.Support,
/// };
/// </code>
/// </example>
public sealed record Touchpoint
{
    /// <summary>Creates a touchpoint.</summary>
    /// <param name="id">Its id, as it appears in interactions.</param>
    /// <param name="name">A human-readable name for reports.</param>
    /// <param name="channel">The channel it belongs to.</param>
    /// <param name="mode">Who serves the customer there.</param>
    /// <exception cref="ArgumentException">A default id or channel, or a blank name.</exception>
    public Touchpoint(TouchpointId id, string name, Channel channel, ServiceMode mode)
    {
        Id = id.EnsureNotEmpty(nameof(id));
        Name = IdText.Validate(name, "Touchpoint name", nameof(name));
        Channel = channel.EnsureNotEmpty(nameof(channel));
        DomainGuards.EnsureDefined(mode, nameof(mode));
        Mode = mode;
    }

    /// <summary>Its id.</summary>
    public TouchpointId Id { get; }

    /// <summary>Its human-readable name.</summary>
    public string Name { get; }

    /// <summary>The channel it belongs to.</summary>
    public Channel Channel { get; }

    /// <summary>Who serves the customer there.</summary>
    public ServiceMode Mode { get; }

    /// <summary>The journey stage it mostly serves, when it belongs to one.</summary>
    public JourneyStage? Stage
    {
        get;
        init => field = value is { } s ? s.EnsureNotEmpty(nameof(Stage)) : null;
    }
}
