using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// Which customers and which interactions an analysis looks at. Both predicates are optional; a null predicate
/// keeps everything. Predicates must be pure: analyses may call them in any order and more than once.
/// </summary>
/// <example>
/// <code>
/// var webOnly = new AnalyticsFilter { Interactions = i => i.Channel == Channel.Web };
/// var vip = new AnalyticsFilter { Customers = j => j.Interactions.Any(i => i.Attributes.GetValueOrDefault("tier") == "vip") };
/// </code>
/// </example>
public sealed record AnalyticsFilter
{
    /// <summary>The filter that keeps every customer and every interaction.</summary>
    public static AnalyticsFilter All { get; } = new();

    /// <summary>Keeps a customer's journey when true; null keeps every journey.</summary>
    public Func<Journey, bool>? Customers { get; init; }

    /// <summary>Keeps an interaction when true; null keeps every interaction. Stage visits are not interactions and are not filtered by it.</summary>
    public Func<Interaction, bool>? Interactions { get; init; }

    internal bool Keeps(Journey journey) => Customers is null || Customers(journey);

    internal bool Keeps(Interaction interaction) => Interactions is null || Interactions(interaction);
}
