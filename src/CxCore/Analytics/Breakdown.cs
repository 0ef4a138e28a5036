using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Splits results into groups by a property of an interaction: its channel, touchpoint, service mode, an attribute,
/// or anything a function computes. Interactions without a value fall into the group <see cref="NoValue"/>.
/// </summary>
/// <example><code>var byRegion = Breakdown.ByAttribute("region"); var byChannel = Breakdown.ByChannel;</code></example>
public sealed class Breakdown
{
    /// <summary>The group key used when an interaction has no value for the breakdown.</summary>
    public const string NoValue = "(none)";

    private readonly Func<Interaction, string?> _keyOf;

    private Breakdown(string name, Func<Interaction, string?> keyOf)
    {
        Name = name;
        _keyOf = keyOf;
    }

    /// <summary>A name for the breakdown, for reports (e.g. <c>channel</c>, <c>attribute:region</c>).</summary>
    public string Name { get; }

    /// <summary>Groups by <see cref="Interaction.Channel"/>.</summary>
    public static Breakdown ByChannel { get; } = new("channel", i => i.Channel.Name);

    /// <summary>Groups by <see cref="Interaction.Touchpoint"/>.</summary>
    public static Breakdown ByTouchpoint { get; } = new("touchpoint", i => i.Touchpoint?.Value);

    /// <summary>Groups by <see cref="Interaction.Kind"/>.</summary>
    public static Breakdown ByKind { get; } = new("kind", i => i.Kind);

    /// <summary>Groups by the service mode: <see cref="Interaction.Mode"/> when given, otherwise the channel's default in <see cref="ChannelRegistry.WellKnown"/>.</summary>
    public static Breakdown ByMode { get; } = new("mode", i => (i.Mode ?? ChannelRegistry.WellKnown.DefaultModeOf(i.Channel)).ToString());

    /// <summary>Groups by the value of one attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    public static Breakdown ByAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new("attribute:" + name, i => i.Attributes.TryGetValue(name, out var v) ? v : null);
    }

    /// <summary>Groups by any function of the interaction.</summary>
    /// <param name="name">A name for reports.</param>
    /// <param name="keyOf">The group key of an interaction; null or empty means <see cref="NoValue"/>. Must be pure.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keyOf"/> is null.</exception>
    public static Breakdown By(string name, Func<Interaction, string?> keyOf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(keyOf);
        return new(name, keyOf);
    }

    /// <summary>The group key of <paramref name="interaction"/>; <see cref="NoValue"/> when it has none (or when there is no interaction).</summary>
    /// <param name="interaction">The interaction, or null.</param>
    /// <returns>The group key, never null.</returns>
    public string KeyOf(Interaction? interaction) =>
        interaction is null ? NoValue : _keyOf(interaction) is { Length: > 0 } key ? key : NoValue;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
