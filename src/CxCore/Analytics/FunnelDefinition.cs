using System.Globalization;

namespace CxCore.Analytics;

/// <summary>
/// A funnel: ordered steps, a conversion window measured from the first step, a <see cref="FunnelMode"/>,
/// optional exclusions and an optional breakdown. Validated on construction.
/// </summary>
/// <example>
/// <code>
/// var funnel = new FunnelDefinition(
///     [FunnelStep.Kind("page_view"), FunnelStep.Kind("add_to_cart"), FunnelStep.Kind("purchase")],
///     TimeSpan.FromDays(7))
/// {
///     Exclusions = [new FunnelExclusion(FunnelStep.Kind("support_request"), afterStep: 1)],
///     Breakdown = Breakdown.ByChannel,
/// };
/// </code>
/// </example>
public sealed class FunnelDefinition
{
    /// <summary>The most steps a funnel may have.</summary>
    public const int MaxSteps = 32;

    /// <summary>Creates a funnel.</summary>
    /// <param name="steps">The steps, 1 to <see cref="MaxSteps"/>.</param>
    /// <param name="window">The conversion window: every step must happen no later than <c>firstStep + window</c> (inclusive). Positive.</param>
    /// <param name="mode">How the steps must follow each other.</param>
    /// <exception cref="ArgumentException">No steps, too many, or a null step.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive, or <paramref name="mode"/> is undefined.</exception>
    public FunnelDefinition(IReadOnlyList<FunnelStep> steps, TimeSpan window, FunnelMode mode = FunnelMode.Ordered)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count is 0 or > MaxSteps)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A funnel needs 1 to {MaxSteps} steps, but got {steps.Count}."), nameof(steps));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"steps[{i}] is null."), nameof(steps));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be Ordered, Strict or Unordered.");
        }

        Steps = [.. steps];
        Window = window;
        Mode = mode;
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<FunnelStep> Steps { get; }

    /// <summary>The conversion window, measured from the first step's time; a step exactly at the end still counts.</summary>
    public TimeSpan Window { get; }

    /// <summary>How the steps must follow each other.</summary>
    public FunnelMode Mode { get; }

    /// <summary>Exclusions; not allowed in <see cref="FunnelMode.Unordered"/> funnels, where "between step i and i + 1" has no meaning.</summary>
    /// <exception cref="ArgumentException">An exclusion is null, or its <see cref="FunnelExclusion.AfterStep"/> is not followed by a step.</exception>
    /// <exception cref="InvalidOperationException">The funnel is unordered.</exception>
    public IReadOnlyList<FunnelExclusion> Exclusions
    {
        get => field ?? [];
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count > 0 && Mode == FunnelMode.Unordered)
            {
                throw new InvalidOperationException("Exclusions need an ordered or strict funnel: in an unordered funnel there is no 'between step i and i + 1'.");
            }

            for (var i = 0; i < value.Count; i++)
            {
                if (value[i] is not { } e)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Exclusions[{i}] is null."), nameof(Exclusions));
                }

                if (e.AfterStep >= Steps.Count - 1)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Exclusions[{i}] ('{e.Step}') applies after step {e.AfterStep}, but the funnel's last step is {Steps.Count - 1}; an exclusion must lie between two steps."), nameof(Exclusions));
                }
            }

            field = [.. value];
        }
    }

    /// <summary>How to split customers into groups (by the interaction of their first step), or null for no breakdown.</summary>
    public Breakdown? Breakdown { get; init; }
}
