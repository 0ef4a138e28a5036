namespace CxCore.Domain;

/// <summary>What a customer has agreed their data may be used for. Flags: combine with <c>|</c>.</summary>
[Flags]
public enum ConsentPurposes
{
    /// <summary>No consent recorded.</summary>
    None = 0,

    /// <summary>Measuring and analysing the experience (journey analytics, scoring).</summary>
    Analytics = 1,

    /// <summary>Tailoring the service to the customer.</summary>
    Personalization = 2,

    /// <summary>Marketing messages and campaigns.</summary>
    Marketing = 4,

    /// <summary>Being invited to surveys (CSAT, NPS, CES).</summary>
    Surveys = 8,

    /// <summary>Every purpose above.</summary>
    All = Analytics | Personalization | Marketing | Surveys,
}
