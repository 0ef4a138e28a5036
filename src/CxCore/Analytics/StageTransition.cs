using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>One cell of the transition matrix: entries into <paramref name="To"/> straight from <paramref name="From"/>.</summary>
/// <param name="From">The stage the customer left.</param>
/// <param name="To">The stage the customer entered.</param>
/// <param name="Count">Entries inside the range.</param>
/// <param name="ByTrigger">Of those, entries caused by a trigger (<see cref="StageEntryReason.Trigger"/>).</param>
/// <param name="ByInactivity">Of those, entries caused by inactivity (<see cref="StageEntryReason.Inactivity"/>).</param>
public sealed record StageTransition(JourneyStage From, JourneyStage To, int Count, int ByTrigger, int ByInactivity)
{
    /// <summary>Entries recorded with any other reason (<see cref="StageEntryReason.Initial"/> after the first visit; the engine never produces them): <c>Count − ByTrigger − ByInactivity</c>.</summary>
    public int Other => Count - ByTrigger - ByInactivity;
}
