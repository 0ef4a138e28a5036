using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Where a <see cref="StagePosition"/> walk puts the visits it enters: every visit of a journey (<see cref="History"/>,
/// whose last item is the visit in progress), the visits one record entered (<see cref="Entered"/>, for observers),
/// and whether the position keeps the id of the interaction that entered the current visit.
/// </summary>
/// <param name="History">Every visit so far, oldest first, or null.</param>
/// <param name="Entered">Collects each visit entered, with the entering interaction's id, or null.</param>
/// <param name="KeepEntryIds">Whether <see cref="StagePosition.Current"/> keeps the entering interaction's id.</param>
internal readonly record struct VisitSinks(List<StageVisit>? History, List<StageVisit>? Entered, bool KeepEntryIds);
