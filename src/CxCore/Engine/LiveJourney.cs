using CxCore.Journeys;
using CxCore.Scoring;

namespace CxCore.Engine;

/// <summary>One customer's journey as the engine keeps it between calls; guarded by <see cref="Gate"/>.</summary>
internal sealed class LiveJourney(JourneyScorer scorer)
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public JourneyScorer Scorer { get; set; } = scorer;

    public JourneyCursor? Cursor { get; set; }

    public CxScoreSummary Summary { get; set; }

    public bool Loaded { get; set; }

    /// <summary>Set when the customer was forgotten or merged away; a caller holding a stale reference must look again.</summary>
    public bool Retired { get; set; }
}
