namespace CxCore.Serialization;

/// <summary>
/// What a read did: lines read, events accepted and rejected, and the errors. Pass a new report to each
/// <see cref="InteractionReader"/> read and inspect it when the enumeration ends (it is filled as the read goes).
/// Serialisable with <see cref="CxJsonContext"/>.
/// </summary>
/// <example>
/// <code>
/// var report = new ReadReport();
/// await foreach (var interaction in reader.ReadJsonLinesAsync(stream, report)) { /* … */ }
/// Console.WriteLine($"{report.Accepted} accepted, {report.Rejected} rejected");
/// foreach (var error in report.Errors) Console.WriteLine(error);
/// </code>
/// </example>
public sealed class ReadReport
{
    private readonly List<ReadError> _errors = [];

    /// <summary>Physical lines read, including blank lines, the CSV header and the line breaks inside quoted CSV fields.</summary>
    public long LinesRead { get; internal set; }

    /// <summary>Events read and handed out.</summary>
    public long Accepted { get; internal set; }

    /// <summary>Lines or rows rejected (each has one error, counted even when not kept in <see cref="Errors"/>).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Blank lines skipped (not errors).</summary>
    public long BlankLines { get; internal set; }

    /// <summary>The first <see cref="InteractionReaderOptions.MaxReportedErrors"/> errors, in line order.</summary>
    public IReadOnlyList<ReadError> Errors => _errors;

    /// <summary>Errors not kept in <see cref="Errors"/> because the cap was reached (they still went to the error callback).</summary>
    public long OmittedErrors { get; internal set; }

    /// <summary>The largest read buffer the reader held, in bytes: bounded by design to about twice the maximum line length.</summary>
    internal int PeakBufferBytes { get; set; }

    internal void Add(ReadError error, int maxKept)
    {
        if (_errors.Count < maxKept)
        {
            _errors.Add(error);
        }
        else
        {
            OmittedErrors++;
        }
    }
}
