namespace CxCore.Serialization;

/// <summary>
/// Thrown by <see cref="InteractionReader"/> in strict mode on the first rejected line, and in every mode when the input
/// cannot be read at all (a CSV header without a required column). Carries the same <see cref="ReadError"/> that the
/// report holds.
/// </summary>
public sealed class InteractionReadException : FormatException
{
    /// <summary>Creates the exception for a read error.</summary>
    /// <param name="error">What was wrong, and where.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public InteractionReadException(ReadError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception with a generic message (for serialisers and tooling).</summary>
    public InteractionReadException()
        : this("The input is not valid canonical event data.")
    {
    }

    /// <summary>Creates the exception with a message (for serialisers and tooling).</summary>
    /// <param name="message">The message.</param>
    public InteractionReadException(string message)
        : base(message)
    {
        Error = new ReadError(0, null, null, string.IsNullOrWhiteSpace(message) ? "invalid input" : message);
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InteractionReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ReadError(0, null, null, string.IsNullOrWhiteSpace(message) ? "invalid input" : message);
    }

    /// <summary>The error: line number, field, value and reason.</summary>
    public ReadError Error { get; }
}
