namespace CxCore.Analytics;

/// <summary>
/// An exclusion: an attempt in which the customer does <see cref="Step"/> after funnel step
/// <see cref="AfterStep"/> and before reaching step <see cref="AfterStep"/> + 1 does not count
/// (if they never reach the next step: before the conversion window closes).
/// </summary>
/// <example><code>new FunnelExclusion(FunnelStep.Kind("support_request"), afterStep: 1) // between step 1 and step 2</code></example>
public sealed class FunnelExclusion
{
    /// <summary>Creates an exclusion.</summary>
    /// <param name="step">What the customer must not do.</param>
    /// <param name="afterStep">The zero-based index of the funnel step after which it is forbidden; the window ends at the next step.</param>
    /// <exception cref="ArgumentNullException"><paramref name="step"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterStep"/> is negative.</exception>
    public FunnelExclusion(FunnelStep step, int afterStep)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfNegative(afterStep);
        Step = step;
        AfterStep = afterStep;
    }

    /// <summary>What the customer must not do.</summary>
    public FunnelStep Step { get; }

    /// <summary>The zero-based index of the funnel step after which <see cref="Step"/> is forbidden (until step <c>AfterStep + 1</c>).</summary>
    public int AfterStep { get; }
}
