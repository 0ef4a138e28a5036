using CxCore.Serialization;

namespace CxCore.Tests.Serialization;

public sealed class ReadErrorTests
{
    [Theory]
    [InlineData(7L, "nps", "11", "NPS must be between 0 and 10, but was 11.", "line 7: field 'nps': value '11': NPS must be between 0 and 10, but was 11.")]
    [InlineData(3L, "id", null, "id is required", "line 3: field 'id': id is required")]
    [InlineData(9L, null, null, "line exceeds 1048576 bytes", "line 9: line exceeds 1048576 bytes")]
    [InlineData(0L, null, null, "invalid input", "invalid input")]
    public void ToString_reads_as_one_line_leaving_out_what_is_absent(long line, string? field, string? value, string reason, string expected)
    {
        Assert.Equal(expected, new ReadError(line, field, value, reason).ToString());
    }

    [Fact]
    public void Long_values_are_shortened()
    {
        var error = new ReadError(1, "text", new string('a', 1000), "too long");

        Assert.Equal(ReadError.MaxValueLength, error.Value!.Length);
        Assert.EndsWith("…", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_line_or_empty_reason_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadError(-1, null, null, "x"));
        Assert.Throws<ArgumentException>(() => new ReadError(1, null, null, " "));
    }

    [Fact]
    public void The_exception_carries_the_error_and_its_text()
    {
        var error = new ReadError(2, "csat", "five", "csat must be a number, but is a string");

        var e = new InteractionReadException(error);

        Assert.Same(error, e.Error);
        Assert.Equal(error.ToString(), e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
        Assert.Equal("boom", new InteractionReadException("boom").Error.Reason);
        Assert.Equal("boom", new InteractionReadException("boom", new InvalidOperationException()).Error.Reason);
        Assert.Equal(0, new InteractionReadException().Error.LineNumber);
    }

    [Fact]
    public void A_with_expression_cannot_bypass_the_checks()
    {
        var error = new ReadError(1, "text", "short", "too long");

        Assert.Throws<ArgumentOutOfRangeException>(() => error with { LineNumber = -1 });
        Assert.Throws<ArgumentException>(() => error with { Reason = " " });
        Assert.Equal(ReadError.MaxValueLength, (error with { Value = new string('a', 1000) }).Value!.Length);
    }
}
