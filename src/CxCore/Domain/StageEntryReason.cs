namespace CxCore.Domain;

/// <summary>Why a customer entered a journey stage.</summary>
public enum StageEntryReason
{
    /// <summary>The journey started here (the definition's initial stage).</summary>
    Initial = 0,

    /// <summary>An interaction fired a trigger.</summary>
    Trigger = 1,

    /// <summary>The customer was inactive for longer than the stage's timeout.</summary>
    Inactivity = 2,
}
