namespace CxCore.Journeys;

/// <summary>What a <see cref="JourneyCursor"/> remembers of the visits it walks through.</summary>
internal enum CursorKeeps
{
    /// <summary>Every visit, oldest first (a replay that answers with the whole stage history).</summary>
    History,

    /// <summary>The current visit only, with the id of the interaction that entered it (a replay that reports it).</summary>
    CurrentVisit,

    /// <summary>
    /// The current visit without the id of the interaction that entered it: what the engine's live journeys keep (its
    /// <see cref="StagePosition"/>), which would otherwise hold each customer's latest entering id (a reader's string)
    /// alive until their next stage change, past a garbage collection or two. Visits added to
    /// <see cref="VisitSinks.Entered"/> keep their ids.
    /// </summary>
    CurrentStage,
}
