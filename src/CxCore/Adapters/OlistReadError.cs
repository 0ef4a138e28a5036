using CxCore.Serialization;

namespace CxCore.Adapters;

/// <summary>
/// Why <see cref="OlistAdapter"/> rejected one row: the file, and the same line / field / value / reason a
/// <see cref="ReadError"/> of the canonical reader carries.
/// </summary>
/// <param name="File">The file's name without its folder, e.g. <c>olist_orders_dataset.csv</c>.</param>
/// <param name="Error">The line the row starts on (1-based; the header is line 1), the column, the value and the reason.</param>
/// <example>
/// <c>olist_orders_dataset.csv: line 5: field 'order_purchase_timestamp': value '2017-13-01 10:00:00': not a timestamp of the form yyyy-MM-dd HH:mm:ss</c>
/// </example>
public sealed record OlistReadError(string File, ReadError Error)
{
    /// <summary>The file's name without its folder.</summary>
    /// <exception cref="ArgumentException">Null or white space.</exception>
    public string File { get; init => field = CheckFile(value); } = CheckFile(File);

    /// <summary>Where in the file, which column, which value and why.</summary>
    /// <exception cref="ArgumentNullException">Null.</exception>
    public ReadError Error { get; init => field = value ?? throw new ArgumentNullException(nameof(Error)); } = Error ?? throw new ArgumentNullException(nameof(Error));

    /// <summary>Formats the error as <c>file: line N: field 'f': value 'v': reason</c>.</summary>
    /// <returns>The one-line description.</returns>
    public override string ToString() => File + ": " + Error;

    private static string CheckFile(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(File));
        return value;
    }
}
