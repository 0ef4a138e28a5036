using CxCore.Analytics;

namespace CxCore.Tests.Analytics;

public sealed class ProportionTests
{
    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(1, 2, 0.0945, 0.9055)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    public void Wilson_interval_matches_published_values(int successes, int trials, double lower, double upper)
    {
        var p = Proportion.Of(successes, trials);
        Assert.Equal(lower, p.Lower, 4);
        Assert.Equal(upper, p.Upper, 4);
        Assert.InRange(p.Estimate, p.Lower, p.Upper);
    }

    [Fact]
    public void No_trials_gives_zero_with_the_uninformative_interval()
    {
        var p = Proportion.Of(0, 0);
        Assert.Equal((0.0, 0.0, 1.0), (p.Estimate, p.Lower, p.Upper));
    }

    [Fact]
    public void Impossible_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Of(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportion.Of(-1, 2));
    }
}
