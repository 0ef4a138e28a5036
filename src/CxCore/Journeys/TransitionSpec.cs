using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>A transition as declared on the builder; <see cref="From"/> null means "from any non-terminal stage".</summary>
internal sealed record TransitionSpec(int Number, JourneyStage? From, JourneyTrigger Trigger)
{
    public JourneyStage? To { get; set; }

    public TransitionGuard? Guard { get; set; }

    public string? GuardDescription { get; set; }

    public string Describe() =>
        $"transition #{Number} (From {(From is { } f ? $"'{f}'" : "any stage")} On '{Trigger}'{(GuardDescription is null ? string.Empty : $" When '{GuardDescription}'")}{(To is { } t ? $" To '{t}'" : string.Empty)})";
}

/// <summary>An inactivity timeout as declared on the builder; <see cref="From"/> null means "from any stage without its own".</summary>
internal sealed record TimeoutSpec(int Number, JourneyStage? From, TimeSpan After)
{
    public JourneyStage? To { get; set; }

    public string Describe() =>
        $"timeout #{Number} (From {(From is { } f ? $"'{f}'" : "any stage")} After {Format.Duration(After)}{(To is { } t ? $" To '{t}'" : string.Empty)})";
}
