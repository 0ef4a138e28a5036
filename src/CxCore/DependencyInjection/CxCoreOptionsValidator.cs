using System.Globalization;
using CxCore.Domain;
using CxCore.Journeys;
using Microsoft.Extensions.Options;

namespace CxCore.DependencyInjection;

/// <summary>Validates <see cref="CxCoreOptions"/> at start: every problem, each naming the setting, its value and what is expected.</summary>
internal sealed class CxCoreOptionsValidator : IValidateOptions<CxCoreOptions>
{
    private static readonly TimeSpan MaxInactivity = TimeSpan.FromDays(3660);

    /// <summary>The most ingest workers an engine may be given.</summary>
    internal const int MaxIngestParallelism = 1024;

    public ValidateOptionsResult Validate(string? name, CxCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckDuration(options.DormantAfter, nameof(CxCoreOptions.DormantAfter), failures);
        CheckDuration(options.ChurnedAfter, nameof(CxCoreOptions.ChurnedAfter), failures);

        foreach (var (channel, mode) in options.Channels)
        {
            if (!Channel.IsValidName(channel))
            {
                failures.Add($"{Path(nameof(CxCoreOptions.Channels))}: '{channel}' is not a valid channel name; expected 1-32 lower-case letters, digits, '-' or '_', starting with a letter.");
            }

            if (!Enum.IsDefined(mode))
            {
                failures.Add($"{Path(nameof(CxCoreOptions.Channels))}:{channel}: service mode {(int)mode} is not defined; expected SelfService, Assisted or Automated.");
            }
        }

        if (options.PseudonymizationKey is { } key && key.Trim().Length < 16)
        {
            failures.Add($"{Path(nameof(CxCoreOptions.PseudonymizationKey))} must be at least 16 non-blank characters when set, but had {key.Trim().Length}; use a long random secret.");
        }

        if (options.IngestProgressInterval < 1)
        {
            failures.Add($"{Path(nameof(CxCoreOptions.IngestProgressInterval))} must be at least 1, but was {options.IngestProgressInterval}.");
        }

        if (options.IngestParallelism is < 1 or > MaxIngestParallelism)
        {
            failures.Add($"{Path(nameof(CxCoreOptions.IngestParallelism))} must be between 1 and {MaxIngestParallelism}, but was {options.IngestParallelism}.");
        }

        var triggersValid = true;
        foreach (var (kind, trigger) in options.KindTriggers)
        {
            if (string.IsNullOrWhiteSpace(kind))
            {
                failures.Add($"{Path(nameof(CxCoreOptions.KindTriggers))}: a kind is blank; expected an interaction kind such as 'add_to_cart'.");
                triggersValid = false;
            }

            if (!JourneyTrigger.TryCreate(trigger, out _))
            {
                failures.Add($"{Path(nameof(CxCoreOptions.KindTriggers))}:{kind}: '{trigger}' is not a valid trigger name; expected 1-64 ASCII letters, digits, '-' or '_', starting with a letter.");
                triggersValid = false;
            }
        }

        if (failures.Count == 0)
        {
            CheckJourneyAndClassifier(options, triggersValid, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckJourneyAndClassifier(CxCoreOptions options, bool triggersValid, List<string> failures)
    {
        JourneyDefinition journey;
        try
        {
            journey = CxCoreComposition.BuildJourney(options);
        }
        catch (JourneyDefinitionException e)
        {
            failures.AddRange(e.Errors.Select(error => $"Journey '{e.DefinitionName}': {error}"));
            return;
        }

        if (!triggersValid)
        {
            return;
        }

        var classifier = CxCoreComposition.BuildClassifier(options);
        foreach (var (kind, trigger) in classifier.FindUnusedTriggers(journey))
        {
            // A journey given to UseJourney may do without some of the built-in triggers: the built-in kinds for them
            // then simply move nobody. Only the mappings the host configured must fit its journey.
            if (!options.KindTriggers.ContainsKey(kind) && InteractionClassifier.Default.Mappings.TryGetValue(kind, out var builtIn) && builtIn == trigger)
            {
                continue;
            }

            failures.Add($"{Path(nameof(CxCoreOptions.KindTriggers))}:{kind}: maps to trigger '{trigger}', which journey '{journey.Name}' does not use; expected one of: {string.Join(", ", journey.Triggers)}.");
        }
    }

    private static void CheckDuration(TimeSpan value, string property, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > MaxInactivity)
        {
            failures.Add($"{Path(property)} must be a positive duration of at most {MaxInactivity.TotalDays:0} days (e.g. '90.00:00:00'), but was '{value.ToString("c", CultureInfo.InvariantCulture)}'.");
        }
    }

    private static string Path(string property) => $"{CxCoreOptions.SectionName}:{property}";
}
