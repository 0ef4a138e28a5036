using System.Globalization;
using System.Text;
using CsCheck;
using CxCore.Serialization;

namespace CxCore.Tests.Serialization;

public sealed class Iso8601Tests
{
    [Theory]
    [InlineData("2024-03-01T09:15:00+00:00", "2024-03-01T09:15:00+00:00")]
    [InlineData("2024-03-01t09:15:00z", "2024-03-01T09:15:00+00:00")]
    [InlineData("2024-03-01T09:15:00-00:00", "2024-03-01T09:15:00+00:00")]
    [InlineData("2024-02-29T23:59:59.9999999+14:00", "2024-02-29T23:59:59.9999999+14:00")]
    [InlineData("9999-12-31T23:59:59Z", "9999-12-31T23:59:59+00:00")]
    [InlineData("0001-01-01T00:00:00-01:00", "0001-01-01T00:00:00-01:00")]
    public void Valid_timestamps_parse(string text, string expected)
    {
        Assert.Equal(TimestampParseStatus.Ok, Iso8601.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        var wanted = DateTimeOffset.ParseExact(expected, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        Assert.Equal(wanted, value);
        Assert.Equal(wanted.Offset, value.Offset);
    }

    [Theory]
    [InlineData("", "Invalid")]
    [InlineData("2024-03-01 09:15:00Z", "Invalid")]
    [InlineData("2024-03-01T09:15Z", "Invalid")]
    [InlineData("2024-03-01T24:00:00Z", "Invalid")]
    [InlineData("2024-03-01T09:15:60Z", "Invalid")]
    [InlineData("2023-02-29T09:15:00Z", "Invalid")]
    [InlineData("2024-03-01T09:15:00.Z", "Invalid")]
    [InlineData("2024-03-01T09:15:00+1:00", "Invalid")]
    [InlineData("2024-03-01T09:15:00+01:60", "Invalid")]
    [InlineData("2024-03-01T09:15:00+14:01", "Invalid")]
    [InlineData("2024-03-01T09:15:00Z ", "Invalid")]
    [InlineData("2024-03-01T09:15:00", "MissingOffset")]
    [InlineData("2024-03-01T09:15:00.5", "MissingOffset")]
    [InlineData("9999-12-31T23:59:59-01:00", "OutOfRange")]
    public void Invalid_timestamps_say_why(string text, string status)
    {
        Assert.Equal(status, Iso8601.TryParse(Encoding.ASCII.GetBytes(text), out _).ToString());
    }

    [Fact]
    public void Any_DateTimeOffset_formats_and_parses_back_exactly()
    {
        Gen.Select(Gen.Long[DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay], Gen.Int[-14 * 60, 14 * 60])
            .Select((ticks, minutes) => new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes)))
            .Sample(value =>
            {
                Span<byte> text = stackalloc byte[Iso8601.MaxFormattedLength];
                var length = Iso8601.Format(value, text);

                Assert.Equal(TimestampParseStatus.Ok, Iso8601.TryParse(text[..length], out var parsed));
                Assert.Equal(value, parsed);
                Assert.Equal(value.Offset, parsed.Offset);
                Assert.Equal(
                    value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                    Encoding.ASCII.GetString(text[..length]));
            }, iter: 2000);
    }
}
