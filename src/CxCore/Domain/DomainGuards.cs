using System.Globalization;

namespace CxCore.Domain;

/// <summary>Guards for the domain's enums.</summary>
internal static class DomainGuards
{
    public static void EnsureDefined(ServiceMode mode, string paramName)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(paramName, mode, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be SelfService, Assisted or Automated, but was {(int)mode}."));
        }
    }

    public static void EnsureDefined(InteractionOutcome outcome, string paramName)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(paramName, outcome, string.Create(CultureInfo.InvariantCulture, $"{paramName} must be Unknown, Succeeded, Failed or Abandoned, but was {(int)outcome}."));
        }
    }
}
