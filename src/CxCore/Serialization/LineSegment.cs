namespace CxCore.Serialization;

/// <summary>A line (or a part of an over-long one) in the <see cref="LineSplitter"/>'s buffer.</summary>
/// <param name="Start">Offset of the first byte in the buffer.</param>
/// <param name="Length">Bytes of content, without the line break.</param>
/// <param name="TerminatorLength">0 (none), 1 (<c>\n</c>, or a final <c>\r</c>) or 2 (<c>\r\n</c>).</param>
/// <param name="LineNumber">The 1-based physical line the (whole) line starts on.</param>
/// <param name="Lines">How many physical lines this segment completes (line breaks inside quoted CSV fields included).</param>
/// <param name="Kind">Whether it is a whole line or a part of one over the limit.</param>
internal readonly record struct LineSegment(int Start, int Length, int TerminatorLength, long LineNumber, int Lines, LineKind Kind)
{
    /// <summary>The content and its line break: the exact bytes read.</summary>
    public int RawLength => Length + TerminatorLength;

    public bool IsOverlong => Kind != LineKind.Line;

    /// <summary>True for the first (or only) segment of an over-long line: where its error is reported.</summary>
    public bool StartsOverlong => Kind is LineKind.OverlongWhole or LineKind.OverlongFirst;
}
