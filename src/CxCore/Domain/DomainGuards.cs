namespace CxCore.Domain;

/// <summary>Guards for the domain's enums.</summary>
internal static class DomainGuards
{
    public static void EnsureDefined(ServiceMode mode, string paramName)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(paramName, mode, $"{paramName} must be SelfService, Assisted or Automated, but was {(int)mode}.");
        }
    }

    public static void EnsureDefined(InteractionOutcome outcome, string paramName)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(paramName, outcome, $"{paramName} must be Unknown, Succeeded, Failed or Abandoned, but was {(int)outcome}.");
        }
    }
}
