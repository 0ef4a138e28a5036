namespace CxCore.Analytics;

/// <summary>How the steps of a funnel must follow each other. See docs/analytics.md for worked examples.</summary>
public enum FunnelMode
{
    /// <summary>Steps in the given order; other events may happen between them (ClickHouse <c>windowFunnel</c> default, PostHog "sequential").</summary>
    Ordered = 0,

    /// <summary>Steps in the given order with no other interaction between two consecutive steps (ClickHouse <c>strict_order</c>, PostHog "strict order").</summary>
    Strict = 1,

    /// <summary>Steps in any order; step <c>k</c> means "any <c>k + 1</c> distinct steps done" (PostHog "any order").</summary>
    Unordered = 2,
}
