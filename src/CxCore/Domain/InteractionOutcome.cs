namespace CxCore.Domain;

/// <summary>How an interaction ended for the customer.</summary>
public enum InteractionOutcome
{
    /// <summary>Not known (the default when a source does not say).</summary>
    Unknown = 0,

    /// <summary>The customer got what they came for.</summary>
    Succeeded = 1,

    /// <summary>The business failed the customer (error, unresolved, refused).</summary>
    Failed = 2,

    /// <summary>The customer gave up before the end (hung up, left the chat, abandoned the cart).</summary>
    Abandoned = 3,
}
