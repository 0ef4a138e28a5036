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

    /// <summary>
    /// The last instant the data is known to cover. A follow-up window <c>(t, t + FollowUpWindow]</c> ending after it is
    /// censored: the customer is left out of the follow-up shares and counted in <see cref="PainPointFollowUp.Censored"/>.
    /// Null (the default) uses the latest instant in the snapshot: the latest interaction time or stage entry over every
    /// journey passed in, before any filter. Set it to the snapshot's own time when the data is known to be complete up to then.
    /// </summary>
    public DateTimeOffset? Horizon { get; init; }
}
