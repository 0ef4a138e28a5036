namespace CxCore.Scoring;

/// <summary>
/// Thrown by <see cref="ScoringPipelineBuilder.Build"/> when the scoring configuration is invalid. Lists every problem
/// found, not just the first, each naming the setting, its value and what is expected.
/// </summary>
public sealed class ScoringConfigurationException : Exception
{
    /// <summary>Creates the exception for a list of problems.</summary>
    /// <param name="errors">The problems, one sentence each.</param>
    public ScoringConfigurationException(IReadOnlyList<string> errors)
        : base(FormatMessage(errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception without details (for serialisers and tooling).</summary>
    public ScoringConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only (for serialisers and tooling).</summary>
    /// <param name="message">The message.</param>
    public ScoringConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScoringConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(IReadOnlyList<string> errors) => errors.Count switch
    {
        0 => "The scoring configuration is invalid.",
        1 => $"The scoring configuration is invalid: {errors[0]}",
        _ => $"The scoring configuration is invalid ({errors.Count} problems):{Environment.NewLine}" +
             string.Join(Environment.NewLine, errors.Select(e => " - " + e)),
    };
}
