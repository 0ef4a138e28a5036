namespace CxCore.Adapters;

/// <summary>One CSV record: the line it starts on, its fields, or why it could not be split.</summary>
/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="Fields">The fields (empty when <paramref name="Error"/> is set).</param>
/// <param name="Error">Why the record is malformed, or null.</param>
internal sealed record CsvRecord(long Line, string[] Fields, string? Error);
