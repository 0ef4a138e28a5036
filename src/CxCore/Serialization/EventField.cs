namespace CxCore.Serialization;

/// <summary>The fields of the canonical event format (v1). <see cref="Unknown"/> is any other name.</summary>
internal enum EventField
{
    Unknown = 0,
    Id,
    CustomerId,
    Timestamp,
    Channel,
    Touchpoint,
    Kind,
    Outcome,
    Csat,
    Nps,
    Ces,
    WaitSeconds,
    HandlingSeconds,
    Value,
    Text,
    Mode,
    Attributes,
}
