namespace CxCore.Tests.Engine;

/// <summary>
/// Tests that listen to the process-wide "CxCore" meter and activity source, or that count the bytes a thread allocates
/// (which such a listener would change), run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideListeners
{
    public const string Name = "Process-wide listeners";
}
