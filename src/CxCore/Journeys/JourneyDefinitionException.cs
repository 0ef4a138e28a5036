namespace CxCore.Journeys;

/// <summary>
/// Thrown by <see cref="JourneyDefinitionBuilder.Build"/> when a journey definition is invalid. Lists every problem
/// found, not just the first.
/// </summary>
public sealed class JourneyDefinitionException : Exception
{
    /// <summary>Creates the exception for a definition and its problems.</summary>
    /// <param name="definitionName">The definition's name.</param>
    /// <param name="errors">The problems, one sentence each.</param>
    public JourneyDefinitionException(string definitionName, IReadOnlyList<string> errors)
        : base(FormatMessage(definitionName, errors))
    {
        DefinitionName = definitionName;
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only (for serialisers and tooling).</summary>
    public JourneyDefinitionException()
        : this("journey", [])
    {
    }

    /// <summary>Creates the exception with a message only (for serialisers and tooling).</summary>
    /// <param name="message">The message.</param>
    public JourneyDefinitionException(string message)
        : base(message)
    {
        DefinitionName = "journey";
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        DefinitionName = "journey";
        Errors = [message];
    }

    /// <summary>The name of the invalid definition.</summary>
    public string DefinitionName { get; }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string definitionName, IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"The journey definition '{definitionName}' is invalid: {errors[0]}"
            : $"The journey definition '{definitionName}' is invalid ({errors.Count} problems):{Environment.NewLine}" +
              string.Join(Environment.NewLine, errors.Select(e => " - " + e));
}
