using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class SmokeTests
{
    [Fact]
    public void Nps_11_is_rejected_naming_field_value_and_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionSignals { Nps = 11 });
        Assert.Equal("nps", e.ParamName);
        Assert.Contains("between 0 and 10, but was 11", e.Message, StringComparison.Ordinal);
    }
}
