using System.Text.Json.Serialization;
using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for CxCore's public data types — the read report and its errors, and every
/// analytics result — so hosts and tools serialise them without reflection, trim- and AOT-safe, in camelCase.
/// </summary>
/// <remarks>
/// <para>Domain values are written as their text: <see cref="JourneyStage"/>, <see cref="Channel"/>,
/// <see cref="CustomerId"/> and <see cref="TouchpointId"/> as JSON strings; the analytics enums (<see cref="ServiceMode"/>,
/// <see cref="StuckRule"/>, <see cref="DriverExclusion"/>) by name. A <see cref="Proportion"/> is
/// <c>{successes, trials, estimate, lower, upper}</c> and reads back from its counts. Null members are left out; time spans
/// use the invariant <c>[d.]hh:mm:ss[.fffffff]</c> form; derived read-only properties (e.g. <c>dropped</c>,
/// <c>lapsedDifference</c>) are written and ignored when reading.</para>
/// <para>Every result reads back except <see cref="FunnelResult"/>: its <see cref="FunnelDefinition"/> holds predicates, so
/// it is written as a description (step names, window, mode, exclusions, breakdown name) and reading it throws
/// <see cref="NotSupportedException"/>.</para>
/// </remarks>
/// <example>
/// <code>
/// string json = JsonSerializer.Serialize(report, CxJsonContext.Default.ReadReport);
/// string drivers = JsonSerializer.Serialize(DriverAnalysis.Analyze(snapshot, range), CxJsonContext.Default.DriverResult);
/// </code>
/// </example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(JourneyStageJsonConverter),
        typeof(ChannelJsonConverter),
        typeof(CustomerIdJsonConverter),
        typeof(TouchpointIdJsonConverter),
        typeof(ProportionJsonConverter),
        typeof(ProportionDifferenceJsonConverter),
        typeof(TimeRangeJsonConverter),
        typeof(FunnelDefinitionJsonConverter),
        typeof(JsonStringEnumConverter<ServiceMode>),
        typeof(JsonStringEnumConverter<StuckRule>),
        typeof(JsonStringEnumConverter<DriverExclusion>),
    ])]
[JsonSerializable(typeof(ReadError))]
[JsonSerializable(typeof(ReadReport))]
[JsonSerializable(typeof(IReadOnlyList<ReadError>))]
[JsonSerializable(typeof(TimeRange))]
[JsonSerializable(typeof(Proportion))]
[JsonSerializable(typeof(ProportionDifference))]
[JsonSerializable(typeof(FunnelResult))]
[JsonSerializable(typeof(StageDistribution))]
[JsonSerializable(typeof(StageTimeResult))]
[JsonSerializable(typeof(StageTransitionMatrix))]
[JsonSerializable(typeof(IReadOnlyList<StuckCustomer>))]
[JsonSerializable(typeof(PainPointResult))]
[JsonSerializable(typeof(ChannelMixResult))]
[JsonSerializable(typeof(SurveyMetricsResult))]
[JsonSerializable(typeof(SurveySummary))]
[JsonSerializable(typeof(DriverResult))]
public sealed partial class CxJsonContext : JsonSerializerContext;
