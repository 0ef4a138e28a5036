namespace CxCore.Serialization;

/// <summary>Where the CSV record scanner is, so a quoted line break is not taken for the end of a row.</summary>
internal enum CsvScanState
{
    FieldStart = 0,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}
