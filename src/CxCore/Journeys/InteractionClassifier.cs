using System.Collections.Frozen;
using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Maps interaction kinds to triggers with a lookup table (kinds compared case-insensitively). Immutable: derive
/// variants with <see cref="With"/> and <see cref="Without"/>. <see cref="Default"/> covers the kinds listed on
/// each well-known <see cref="JourneyTrigger"/>.
/// </summary>
/// <example>
/// <code>
/// var classifier = InteractionClassifier.Default
///     .With("trial_start", new JourneyTrigger("TrialStarted"))
///     .Without("email_open");
/// </code>
/// </example>
public sealed class InteractionClassifier : IInteractionClassifier
{
    private readonly FrozenDictionary<string, JourneyTrigger> _map;

    /// <summary>Creates a classifier from kind → trigger mappings.</summary>
    /// <param name="mappings">The mappings; kinds are compared case-insensitively and must be distinct that way.</param>
    /// <exception cref="ArgumentException">A kind is blank or appears twice, or a trigger is the default value.</exception>
    public InteractionClassifier(IEnumerable<KeyValuePair<string, JourneyTrigger>> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        var map = new Dictionary<string, JourneyTrigger>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kind, trigger) in mappings)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(kind, nameof(mappings));
            trigger.EnsureNotEmpty(nameof(mappings));
            if (!map.TryAdd(kind, trigger))
            {
                throw new ArgumentException($"Kind '{kind}' is mapped twice (kinds are compared case-insensitively).", nameof(mappings));
            }
        }

        _map = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The default mapping of common interaction kinds to the well-known triggers.</summary>
    public static InteractionClassifier Default { get; } = new(new Dictionary<string, JourneyTrigger>
    {
        ["ad_view"] = JourneyTrigger.AdSeen,
        ["ad_click"] = JourneyTrigger.AdSeen,
        ["campaign_open"] = JourneyTrigger.AdSeen,
        ["social_post_view"] = JourneyTrigger.AdSeen,
        ["search"] = JourneyTrigger.Searched,
        ["category_view"] = JourneyTrigger.Searched,
        ["page_view"] = JourneyTrigger.ProductViewed,
        ["product_view"] = JourneyTrigger.ProductViewed,
        ["comparison"] = JourneyTrigger.ProductViewed,
        ["price_check"] = JourneyTrigger.ProductViewed,
        ["add_to_cart"] = JourneyTrigger.Engaged,
        ["signup"] = JourneyTrigger.Engaged,
        ["wishlist_add"] = JourneyTrigger.Engaged,
        ["quote_request"] = JourneyTrigger.Engaged,
        ["trial_start"] = JourneyTrigger.Engaged,
        ["checkout_start"] = JourneyTrigger.Engaged,
        ["purchase"] = JourneyTrigger.Purchased,
        ["order"] = JourneyTrigger.Purchased,
        ["subscription_start"] = JourneyTrigger.Purchased,
        ["renewal"] = JourneyTrigger.Purchased,
        ["delivery"] = JourneyTrigger.Delivered,
        ["delivered"] = JourneyTrigger.Delivered,
        ["activation"] = JourneyTrigger.Delivered,
        ["pickup"] = JourneyTrigger.Delivered,
        ["support_request"] = JourneyTrigger.SupportRequested,
        ["complaint"] = JourneyTrigger.SupportRequested,
        ["return_request"] = JourneyTrigger.SupportRequested,
        ["warranty_claim"] = JourneyTrigger.SupportRequested,
        ["contact"] = JourneyTrigger.SupportRequested,
        ["support_resolved"] = JourneyTrigger.SupportResolved,
        ["return_completed"] = JourneyTrigger.SupportResolved,
        ["refund"] = JourneyTrigger.SupportResolved,
        ["review"] = JourneyTrigger.Reviewed,
        ["survey_response"] = JourneyTrigger.Reviewed,
        ["rating"] = JourneyTrigger.Reviewed,
        ["referral"] = JourneyTrigger.Referred,
        ["share"] = JourneyTrigger.Referred,
        ["testimonial"] = JourneyTrigger.Referred,
    });

    /// <summary>The mappings, kind → trigger.</summary>
    public IReadOnlyDictionary<string, JourneyTrigger> Mappings => _map;

    /// <inheritdoc/>
    public bool TryClassify(Interaction interaction, out JourneyTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return _map.TryGetValue(interaction.Kind, out trigger);
    }

    /// <summary>The trigger of a kind: this classifier looks at nothing else, so callers may cache the answer per kind.</summary>
    internal bool TryClassifyKind(string kind, out JourneyTrigger trigger) => _map.TryGetValue(kind, out trigger);

    /// <summary>Returns a classifier that also (or instead) maps <paramref name="kind"/> to <paramref name="trigger"/>.</summary>
    /// <param name="kind">The interaction kind.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>A new classifier.</returns>
    public InteractionClassifier With(string kind, JourneyTrigger trigger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        trigger.EnsureNotEmpty(nameof(trigger));
        var map = new Dictionary<string, JourneyTrigger>(_map, StringComparer.OrdinalIgnoreCase) { [kind] = trigger };
        return new InteractionClassifier(map);
    }

    /// <summary>Returns a classifier in which <paramref name="kind"/> fires no trigger.</summary>
    /// <param name="kind">The interaction kind.</param>
    /// <returns>A new classifier.</returns>
    public InteractionClassifier Without(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new InteractionClassifier(_map.Where(p => !string.Equals(p.Key, kind, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The mapped triggers that <paramref name="definition"/> does not use (each such kind would never move anyone).</summary>
    /// <param name="definition">The journey definition the classifier feeds.</param>
    /// <returns>Kind → trigger pairs whose trigger is unknown to the definition, ordered by kind.</returns>
    public IReadOnlyList<KeyValuePair<string, JourneyTrigger>> FindUnusedTriggers(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return [.. _map.Where(p => !definition.TryGetTriggerIndex(p.Value, out _)).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)];
    }
}
