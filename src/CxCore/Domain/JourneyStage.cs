using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>A stage of the customer journey (Awareness, Purchase, Support …).</summary>
/// <remarks>
/// Identified by name (ordinal, case-sensitive): 1-64 ASCII letters, digits, <c>-</c> or <c>_</c>, starting with a letter.
/// The well-known values are static properties; any other name is as good, as long as the journey definition declares it.
/// <c>default(JourneyStage)</c> is not valid and is rejected by every API.
/// </remarks>
/// <example><code>var stage = JourneyStage.Purchase; var custom = new JourneyStage("Onboarding");</code></example>
public readonly record struct JourneyStage
{
    /// <summary>Creates a value from its name.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public JourneyStage(string name) => Name = Names.Validate(name, "JourneyStage", nameof(name));

    /// <summary>The name; null only for <c>default(JourneyStage)</c>.</summary>
    public string Name { get; }

    /// <summary>True for <c>default(JourneyStage)</c>.</summary>
    public bool IsEmpty => Name is null;

    /// <summary>The customer learns the business exists (ad, social post, word of mouth).</summary>
    public static JourneyStage Awareness { get; } = new("Awareness");

    /// <summary>The customer looks for options (search, browsing categories).</summary>
    public static JourneyStage Discovery { get; } = new("Discovery");

    /// <summary>The customer evaluates a product or service (product pages, comparisons, questions).</summary>
    public static JourneyStage Consideration { get; } = new("Consideration");

    /// <summary>The customer commits effort (sign-up, cart, quote, trial).</summary>
    public static JourneyStage Engagement { get; } = new("Engagement");

    /// <summary>The customer has bought; the order is on its way.</summary>
    public static JourneyStage Purchase { get; } = new("Purchase");

    /// <summary>The customer has the product or service and uses it.</summary>
    public static JourneyStage Use { get; } = new("Use");

    /// <summary>The customer needs help (warranty, complaint, support request) and has not been helped yet.</summary>
    public static JourneyStage Support { get; } = new("Support");

    /// <summary>The customer has bought again.</summary>
    public static JourneyStage RepeatPurchase { get; } = new("RepeatPurchase");

    /// <summary>The customer recommends the business (positive review, referral, word of mouth).</summary>
    public static JourneyStage Advocacy { get; } = new("Advocacy");

    /// <summary>The customer has gone quiet for a while.</summary>
    public static JourneyStage Dormant { get; } = new("Dormant");

    /// <summary>The customer has been quiet so long they are considered lost.</summary>
    public static JourneyStage Churned { get; } = new("Churned");
    /// <summary>Returns true and the value when <paramref name="name"/> is a valid name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <param name="value">The value, when valid.</param>
    /// <returns>Whether the name is valid.</returns>
    public static bool TryCreate([NotNullWhen(true)] string? name, out JourneyStage value)
    {
        value = Names.IsValid(name) ? new JourneyStage(name) : default;
        return !value.IsEmpty;
    }

    /// <inheritdoc/>
    public override string ToString() => Name ?? string.Empty;

    internal JourneyStage EnsureNotEmpty(string paramName)
    {
        IdText.ThrowIfDefault(Name, "JourneyStage", paramName);
        return this;
    }
}
