namespace CxCore.Analytics;

/// <summary>Settings of <see cref="PainPointAnalysis"/>.</summary>
public sealed record PainPointOptions
{
    /// <summary>The defaults: a 30-day follow-up window.</summary>
    public static PainPointOptions Default { get; } = new();

    /// <summary>
    /// How long after a customer's first hit (or, for the comparison group, first interaction in range) their
    /// follow-up is observed: events in <c>(t, t + FollowUpWindow]</c> count. Must be positive.
    /// </summary>
    public TimeSpan FollowUpWindow
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(FollowUpWindow));
            field = value;
        }
    } = TimeSpan.FromDays(30);
}
