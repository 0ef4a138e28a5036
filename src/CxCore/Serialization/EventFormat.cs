using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>The text forms of the enums in the canonical format, shared by the writers.</summary>
internal static class EventFormat
{
    public static string? OutcomeName(InteractionOutcome outcome) => outcome switch
    {
        InteractionOutcome.Succeeded => "succeeded",
        InteractionOutcome.Failed => "failed",
        InteractionOutcome.Abandoned => "abandoned",
        _ => null, // unknown is the default and is left out
    };

    public static string ModeName(ServiceMode mode) => mode switch
    {
        ServiceMode.SelfService => "selfservice",
        ServiceMode.Assisted => "assisted",
        _ => "automated",
    };

    /// <summary>A duration as seconds: exact (100 ns ticks have at most 7 decimals) and without trailing zeros.</summary>
    public static decimal Seconds(TimeSpan duration) => (decimal)duration.Ticks / TimeSpan.TicksPerSecond;
}
