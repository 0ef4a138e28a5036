namespace CxCore.Serialization;

/// <summary>What reading one line came to.</summary>
internal enum LineResult
{
    Blank = 0,
    Header,
    Accepted,
    Rejected,
    Fatal,
}
