namespace CxCore.Benchmarks.Serialization;

/// <summary>The DTO a naive reader deserialises each line into.</summary>
public sealed class EventDto
{
    public string? Id { get; set; }

    public string? CustomerId { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? Channel { get; set; }

    public string? Touchpoint { get; set; }

    public string? Kind { get; set; }

    public string? Outcome { get; set; }

    public int? Csat { get; set; }

    public int? Nps { get; set; }

    public int? Ces { get; set; }

    public double? WaitSeconds { get; set; }

    public double? HandlingSeconds { get; set; }

    public decimal? Value { get; set; }

    public string? Text { get; set; }

    public string? Mode { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }
}
