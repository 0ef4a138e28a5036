using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>Something that moves a customer between journey stages; interaction kinds are classified into triggers.</summary>
/// <remarks>
/// Identified by name (ordinal, case-sensitive): 1-64 ASCII letters, digits, <c>-</c> or <c>_</c>, starting with a letter.
/// The well-known values are static properties; any other name is as good, as long as the journey definition declares it.
/// <c>default(JourneyTrigger)</c> is not valid and is rejected by every API.
/// </remarks>
/// <example><code>var trigger = JourneyTrigger.Purchased; var custom = new JourneyTrigger("TrialStarted");</code></example>
public readonly record struct JourneyTrigger
{
    /// <summary>Creates a value from its name.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public JourneyTrigger(string name) => Name = Names.Validate(name, "JourneyTrigger", nameof(name));

    /// <summary>The name; null only for <c>default(JourneyTrigger)</c>.</summary>
    public string Name { get; }

    /// <summary>True for <c>default(JourneyTrigger)</c>.</summary>
    public bool IsEmpty => Name is null;

    /// <summary>The customer saw an ad or campaign message (kinds: ad_view, ad_click, campaign_open, social_post_view).</summary>
    public static JourneyTrigger AdSeen { get; } = new("AdSeen");

    /// <summary>The customer searched (kinds: search, category_view).</summary>
    public static JourneyTrigger Searched { get; } = new("Searched");

    /// <summary>The customer looked at an offer (kinds: page_view, product_view, comparison, price_check).</summary>
    public static JourneyTrigger ProductViewed { get; } = new("ProductViewed");

    /// <summary>The customer committed effort (kinds: add_to_cart, signup, wishlist_add, quote_request, trial_start, checkout_start).</summary>
    public static JourneyTrigger Engaged { get; } = new("Engaged");

    /// <summary>The customer bought (kinds: purchase, order, subscription_start, renewal).</summary>
    public static JourneyTrigger Purchased { get; } = new("Purchased");

    /// <summary>The customer received what they bought (kinds: delivery, delivered, activation, pickup).</summary>
    public static JourneyTrigger Delivered { get; } = new("Delivered");

    /// <summary>The customer asked for help (kinds: support_request, complaint, return_request, warranty_claim, contact).</summary>
    public static JourneyTrigger SupportRequested { get; } = new("SupportRequested");

    /// <summary>The customer was helped (kinds: support_resolved, return_completed, refund).</summary>
    public static JourneyTrigger SupportResolved { get; } = new("SupportResolved");

    /// <summary>The customer gave feedback (kinds: review, survey_response, rating).</summary>
    public static JourneyTrigger Reviewed { get; } = new("Reviewed");

    /// <summary>The customer recommended the business (kinds: referral, share, testimonial).</summary>
    public static JourneyTrigger Referred { get; } = new("Referred");
    /// <summary>Returns true and the value when <paramref name="name"/> is a valid name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <param name="value">The value, when valid.</param>
    /// <returns>Whether the name is valid.</returns>
    public static bool TryCreate([NotNullWhen(true)] string? name, out JourneyTrigger value)
    {
        value = Names.IsValid(name) ? new JourneyTrigger(name) : default;
        return !value.IsEmpty;
    }

    /// <inheritdoc/>
    public override string ToString() => Name ?? string.Empty;

    internal JourneyTrigger EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Name, "JourneyTrigger", paramName);
        return this;
    }
}
