using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// One step of a funnel (or an exclusion): what an event must be to match it. A step matches either interactions
/// (by kind, touchpoint, channel or any predicate) or entries into a journey stage, never both.
/// </summary>
/// <example><code>FunnelStep.Kind("add_to_cart"); FunnelStep.StageEntry(JourneyStage.Purchase); FunnelStep.Channel(Channel.Phone);</code></example>
public sealed class FunnelStep
{
    private readonly Func<Interaction, bool>? _interaction;

    private FunnelStep(string name, Func<Interaction, bool>? interaction, JourneyStage? stage, string? kind = null)
    {
        Name = name;
        _interaction = interaction;
        Stage = stage;
        KindValue = kind;
    }

    /// <summary>The step's name in results (e.g. <c>kind:purchase</c>).</summary>
    public string Name { get; }

    /// <summary>The stage whose entry matches this step, or null when the step matches interactions.</summary>
    public JourneyStage? Stage { get; }

    /// <summary>A step matched by interactions of one kind.</summary>
    /// <param name="kind">The interaction kind (ordinal comparison).</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or white space.</exception>
    public static FunnelStep Kind(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new("kind:" + kind, i => string.Equals(i.Kind, kind, StringComparison.Ordinal), null, kind);
    }

    /// <summary>A step matched by interactions at one touchpoint.</summary>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException"><paramref name="touchpoint"/> is the default value.</exception>
    public static FunnelStep Touchpoint(TouchpointId touchpoint)
    {
        if (touchpoint.IsEmpty)
        {
            throw new ArgumentException("touchpoint must not be the default TouchpointId.", nameof(touchpoint));
        }

        return new("touchpoint:" + touchpoint.Value, i => i.Touchpoint == touchpoint, null);
    }

    /// <summary>A step matched by interactions on one channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value.</exception>
    public static FunnelStep Channel(Channel channel)
    {
        if (channel.IsEmpty)
        {
            throw new ArgumentException("channel must not be the default Channel.", nameof(channel));
        }

        return new("channel:" + channel.Name, i => i.Channel == channel, null);
    }

    /// <summary>A step matched when the customer enters <paramref name="stage"/> (a <see cref="StageVisit"/> begins).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException"><paramref name="stage"/> is the default value.</exception>
    public static FunnelStep StageEntry(JourneyStage stage)
    {
        if (stage.IsEmpty)
        {
            throw new ArgumentException("stage must not be the default JourneyStage.", nameof(stage));
        }

        return new("stage:" + stage.Name, null, stage);
    }

    /// <summary>A step matched by interactions for which <paramref name="predicate"/> is true.</summary>
    /// <param name="name">The step's name in results.</param>
    /// <param name="predicate">The match; must be pure.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public static FunnelStep Where(string name, Func<Interaction, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        return new(name, predicate, null);
    }

    /// <summary>The kind of a <see cref="Kind"/> step (matched by ordinal equality of <see cref="Interaction.Kind"/>), else null.</summary>
    internal string? KindValue { get; }

    internal bool Matches(in FunnelEvent e) =>
        e.Stage is { } entered ? Stage == entered : MatchesInteraction(e.Interaction!);

    internal bool MatchesInteraction(Interaction interaction) => _interaction is not null && _interaction(interaction);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
