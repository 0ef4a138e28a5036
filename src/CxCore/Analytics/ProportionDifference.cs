using System.Globalization;

namespace CxCore.Analytics;

/// <summary>
/// The difference of two independent shares, <c>First − Second</c>, with Newcombe's hybrid score 95% interval
/// (Newcombe 1998, method 10), built from the two Wilson score intervals: with <c>p₁, p₂</c> the estimates and
/// <c>[l₁, u₁]</c>, <c>[l₂, u₂]</c> their Wilson intervals, <c>Lower = δ − √((p₁ − l₁)² + (u₂ − p₂)²)</c> and
/// <c>Upper = δ + √((u₁ − p₁)² + (p₂ − l₂)²)</c>, <c>δ = p₁ − p₂</c>. Unlike the Wald interval it stays inside
/// <c>[−1, 1]</c> and behaves at 0 and 1.
/// </summary>
/// <example><code>var d = ProportionDifference.Of(Proportion.Of(56, 70), Proportion.Of(48, 80)); // 0.2000 [0.0524, 0.3339]</code></example>
public sealed record ProportionDifference
{
    private ProportionDifference(double estimate, double lower, double upper)
    {
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
    }

    /// <summary><c>First.Estimate − Second.Estimate</c>.</summary>
    public double Estimate { get; }

    /// <summary>The lower end of the Newcombe hybrid score 95% interval.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the Newcombe hybrid score 95% interval.</summary>
    public double Upper { get; }

    /// <summary>The difference <c><paramref name="first"/> − <paramref name="second"/></c> with its Newcombe hybrid score 95% interval.</summary>
    /// <param name="first">The first share; must have at least one trial.</param>
    /// <param name="second">The share subtracted; must have at least one trial.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentNullException">A share is null.</exception>
    /// <exception cref="ArgumentException">A share has no trials, so there is nothing to compare.</exception>
    public static ProportionDifference Of(Proportion first, Proportion second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Trials == 0)
        {
            throw new ArgumentException("The first share has no trials; a difference needs at least one in each share.", nameof(first));
        }

        if (second.Trials == 0)
        {
            throw new ArgumentException("The second share has no trials; a difference needs at least one in each share.", nameof(second));
        }

        var (lower, upper) = Statistics.Newcombe(first, second);
        return new(first.Estimate - second.Estimate, lower, upper);
    }

    /// <summary>Rebuilds a difference from its stored parts (JSON); the caller checks <c>lower &lt;= estimate &lt;= upper</c>.</summary>
    internal static ProportionDifference FromParts(double estimate, double lower, double upper) => new(estimate, lower, upper);

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Estimate:0.###} [{Lower:0.###}, {Upper:0.###}]");
}
