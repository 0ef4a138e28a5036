namespace CxCore.Serialization;

/// <summary>Outcome of parsing a timestamp of the canonical format.</summary>
internal enum TimestampParseStatus
{
    Ok = 0,
    Invalid,
    MissingOffset,
    OutOfRange,
}
