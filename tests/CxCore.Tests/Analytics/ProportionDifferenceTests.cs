using CxCore.Analytics;

namespace CxCore.Tests.Analytics;

public sealed class ProportionDifferenceTests
{
    /// <summary>Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10 (hybrid score, no continuity correction).</summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.2000, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.6000, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.5714, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, 0.0893, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, 0.0000, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, 0.0000, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 1.0000, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 1.0000, 0.6075, 1.0000)]
    public void Newcombe_hybrid_score_interval_matches_the_published_table(int a, int m, int b, int n, double estimate, double lower, double upper)
    {
        var d = ProportionDifference.Of(Proportion.Of(a, m), Proportion.Of(b, n));
        Assert.Equal(estimate, d.Estimate, 4);
        Assert.Equal(lower, d.Lower, 4);
        Assert.Equal(upper, d.Upper, 4);
    }

    [Fact]
    public void Swapping_the_shares_mirrors_the_interval()
    {
        var d = ProportionDifference.Of(Proportion.Of(56, 70), Proportion.Of(48, 80));
        var e = ProportionDifference.Of(Proportion.Of(48, 80), Proportion.Of(56, 70));
        Assert.Equal(-d.Estimate, e.Estimate, 12);
        Assert.Equal(-d.Upper, e.Lower, 12);
        Assert.Equal(-d.Lower, e.Upper, 12);
        Assert.Equal("0.2 [0.052, 0.334]", d.ToString());
    }

    [Fact]
    public void A_share_without_trials_is_rejected_by_name()
    {
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => ProportionDifference.Of(Proportion.Of(0, 0), Proportion.Of(1, 2))).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentException>(() => ProportionDifference.Of(Proportion.Of(1, 2), Proportion.Of(0, 0))).ParamName);
        Assert.Throws<ArgumentNullException>(() => ProportionDifference.Of(null!, Proportion.Of(1, 2)));
    }
}
