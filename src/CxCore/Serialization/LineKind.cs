namespace CxCore.Serialization;

/// <summary>What a <see cref="LineSegment"/> holds.</summary>
internal enum LineKind
{
    /// <summary>A whole line within the length limit.</summary>
    Line = 0,

    /// <summary>A whole line over the limit, found complete in the buffer.</summary>
    OverlongWhole,

    /// <summary>The first part of a line over the limit; more parts follow.</summary>
    OverlongFirst,

    /// <summary>A middle part of a line over the limit.</summary>
    OverlongMiddle,

    /// <summary>The last part of a line over the limit, with its line break.</summary>
    OverlongLast,
}
