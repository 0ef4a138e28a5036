namespace CxCore.Analytics;

/// <summary>Why <see cref="DriverAnalysis"/> left a touchpoint out of the model.</summary>
public enum DriverExclusion
{
    /// <summary>Fewer customers hit it than <see cref="DriverOptions.MinimumCustomers"/>.</summary>
    TooFewCustomers = 0,

    /// <summary>Every customer who hit it gave it the same score, so it cannot explain anything.</summary>
    Constant = 1,

    /// <summary>It is (almost) a linear combination of touchpoints ranked before it, so its own share cannot be told apart.</summary>
    Collinear = 2,

    /// <summary>No model could be fitted at all: fewer than 3 customers, or every customer has the same journey score.</summary>
    NoModel = 3,
}
