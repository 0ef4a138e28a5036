namespace CxCore.Engine;

/// <summary>What recording an interaction did.</summary>
public enum RecordStatus
{
    /// <summary>Recorded in time order: the journey moved forward.</summary>
    Recorded = 0,

    /// <summary>Recorded, but earlier than interactions already known: the journey's stages and score were recomputed.</summary>
    RecordedLate = 1,

    /// <summary>Not recorded: the customer already has an interaction with this id (recording is idempotent).</summary>
    Duplicate = 2,
}
