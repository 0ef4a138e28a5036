using CxCore.Serialization;

namespace CxCore.Adapters;

/// <summary>
/// Thrown by <see cref="OlistAdapter"/> on the first rejected row when <see cref="OlistOptions.Strict"/> is set, and in
/// every mode when a file cannot be read at all (empty, or its header lacks a required column). Carries the same
/// <see cref="OlistReadError"/> that <see cref="OlistOptions.OnError"/> receives.
/// </summary>
public sealed class OlistReadException : FormatException
{
    /// <summary>Creates the exception for a rejected row or file.</summary>
    /// <param name="error">What was wrong, and where.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public OlistReadException(OlistReadError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception with a generic message (for serialisers and tooling).</summary>
    public OlistReadException()
        : this("The Olist data is not valid.")
    {
    }

    /// <summary>Creates the exception with a message (for serialisers and tooling).</summary>
    /// <param name="message">The message.</param>
    public OlistReadException(string message)
        : base(message)
    {
        Error = new OlistReadError("(unknown)", new ReadError(0, null, null, string.IsNullOrWhiteSpace(message) ? "invalid input" : message));
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OlistReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new OlistReadError("(unknown)", new ReadError(0, null, null, string.IsNullOrWhiteSpace(message) ? "invalid input" : message));
    }

    /// <summary>The file, line, column, value and reason.</summary>
    public OlistReadError Error { get; }
}
