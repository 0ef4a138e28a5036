namespace CxCore.Serialization;

/// <summary>One field of a CSV record: where its content is (inside the quotes, if quoted).</summary>
/// <param name="Start">Offset of the content in the record.</param>
/// <param name="Length">Length of the content, escaped quotes (<c>""</c>) still doubled.</param>
/// <param name="Quoted">Whether the field was quoted (a quoted empty field is an empty string; an unquoted one is absent).</param>
/// <param name="HasEscapedQuotes">Whether the content holds <c>""</c> pairs to unescape.</param>
internal readonly record struct CsvField(int Start, int Length, bool Quoted, bool HasEscapedQuotes);
