using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.DependencyInjection;

/// <summary>
/// Settings of CxCore, bindable from configuration (section <see cref="SectionName"/>) and validated when the host
/// starts. Code-only customisations (journey, classifier) go through <see cref="ICxCoreBuilder"/>.
/// </summary>
/// <example>
/// appsettings.json:
/// <code>
/// {
///   "CxCore": {
///     "DormantAfter": "60.00:00:00",
///     "ChurnedAfter": "120.00:00:00",
///     "KindTriggers": { "app_open": "ProductViewed" },
///     "Channels": { "kiosk": "SelfService" }
///   }
/// }
/// </code>
/// and in the host: <c>services.Configure&lt;CxCoreOptions&gt;(configuration.GetSection(CxCoreOptions.SectionName));</c>
/// </example>
public sealed class CxCoreOptions
{
    /// <summary>The configuration section CxCore's settings conventionally live in: <c>CxCore</c>.</summary>
    public const string SectionName = "CxCore";

    /// <summary>Inactivity after which an active customer becomes Dormant (default journey). Default 90 days.</summary>
    public TimeSpan DormantAfter { get; set; } = DefaultJourney.DefaultDormantAfter;

    /// <summary>Further inactivity after which a Dormant customer is Churned (default journey). Default 180 days.</summary>
    public TimeSpan ChurnedAfter { get; set; } = DefaultJourney.DefaultChurnedAfter;

    /// <summary>
    /// Extra interaction-kind → trigger-name mappings, added to (or overriding) the default classifier's. Kinds are
    /// compared case-insensitively; every trigger must be one the journey uses.
    /// </summary>
    public IDictionary<string, string> KindTriggers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra channels the host accepts, name → default service mode (names are lower-case tokens).</summary>
    public IDictionary<string, ServiceMode> Channels { get; } = new Dictionary<string, ServiceMode>(StringComparer.Ordinal);

    /// <summary>
    /// When set, customer ids and aliases are replaced by a keyed hash (HMAC-SHA256) before anything is stored, so the
    /// store never holds the host's real ids; look customers up with their real id as usual. At least 16 characters;
    /// keep it secret and stable (changing it splits every journey). Default: not set (ids stored as given).
    /// </summary>
    public string? PseudonymizationKey { get; set; }

    /// <summary>How many interactions between two progress reports of an ingest. Default 10,000.</summary>
    public int IngestProgressInterval { get; set; } = 10_000;

    /// <summary>
    /// How many workers an ingest (<c>ICxEngine.IngestAsync</c>) records with. The stream is split by customer id, so
    /// each customer's interactions are still recorded in stream order, by one worker; different customers are
    /// recorded in parallel. 1 records the whole stream in order on the caller's thread. Default: the number of
    /// processors (<see cref="Environment.ProcessorCount"/>).
    /// </summary>
    public int IngestParallelism { get; set; } = Environment.ProcessorCount;

    internal List<Action<JourneyDefinitionBuilder>> JourneyCustomizations { get; } = [];

    internal List<Func<InteractionClassifier, InteractionClassifier>> ClassifierCustomizations { get; } = [];

    internal JourneyDefinition? Journey { get; set; }
}
