using System.Globalization;
using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class InteractionSignalsTests
{
    [Theory]
    [InlineData("csat", 0, "CSAT must be between 1 and 5, but was 0.")]
    [InlineData("csat", 6, "CSAT must be between 1 and 5, but was 6.")]
    [InlineData("nps", -1, "NPS must be between 0 and 10, but was -1.")]
    [InlineData("nps", 11, "NPS must be between 0 and 10, but was 11.")]
    [InlineData("ces", 0, "CES must be between 1 and 7, but was 0.")]
    [InlineData("ces", 8, "CES must be between 1 and 7, but was 8.")]
    public void Survey_answers_out_of_range_are_rejected_naming_field_value_and_range(string field, int value, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => field switch
        {
            "csat" => new InteractionSignals { Csat = value },
            "nps" => new InteractionSignals { Nps = value },
            _ => new InteractionSignals { Ces = value },
        });

        Assert.Equal(field, e.ParamName);
        Assert.Equal(value, e.ActualValue);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(5, 10, 7)]
    public void Survey_answers_at_the_bounds_are_accepted(int csat, int nps, int ces)
    {
        var signals = new InteractionSignals { Csat = csat, Nps = nps, Ces = ces };

        Assert.Equal(csat, signals.Csat);
        Assert.Equal(nps, signals.Nps);
        Assert.Equal(ces, signals.Ces);
    }

    [Theory]
    [InlineData("waitSeconds", "Wait", -1)]
    [InlineData("handlingSeconds", "Handling time", -1)]
    [InlineData("waitSeconds", "Wait", 366 * 86_400 + 1)]
    [InlineData("handlingSeconds", "Handling time", 366 * 86_400 + 1)]
    public void Durations_that_are_negative_or_longer_than_366_days_are_rejected(string field, string label, int seconds)
    {
        var value = TimeSpan.FromSeconds(seconds);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => field == "waitSeconds"
            ? new InteractionSignals { Wait = value }
            : new InteractionSignals { HandlingTime = value });

        Assert.Equal(field, e.ParamName);
        Assert.StartsWith($"{label} must be between 0 and 366 days, but was {value}.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_of_zero_and_exactly_366_days_are_accepted()
    {
        var signals = new InteractionSignals { Wait = TimeSpan.Zero, HandlingTime = InteractionSignals.MaxDuration };

        Assert.Equal(TimeSpan.Zero, signals.Wait);
        Assert.Equal(TimeSpan.FromDays(366), signals.HandlingTime);
    }

    [Fact]
    public void Signals_are_empty_until_one_is_set()
    {
        Assert.True(default(InteractionSignals).IsEmpty);
        Assert.False(new InteractionSignals { Value = -12.5m }.IsEmpty);
        Assert.False(new InteractionSignals { Nps = 0 }.IsEmpty);
        Assert.False(new InteractionSignals { Wait = TimeSpan.Zero }.IsEmpty);
    }

    [Fact]
    public void Signals_compare_by_value()
    {
        Assert.Equal(new InteractionSignals { Csat = 4, Value = 10m }, new InteractionSignals { Csat = 4, Value = 10m });
        Assert.NotEqual(new InteractionSignals { Csat = 4 }, new InteractionSignals { Csat = 5 });
    }

    [Fact]
    public void Messages_are_formatted_with_the_invariant_culture_whatever_the_current_one()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // Swedish writes negative numbers with U+2212; the message ends up in read reports, which are data.
            CultureInfo.CurrentCulture = new CultureInfo("sv-SE");
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionSignals { Nps = -1 });
            Assert.StartsWith("NPS must be between 0 and 10, but was -1.", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
