using System.Text.Json.Serialization;

namespace CxCore.Serialization;

/// <summary>
/// System.Text.Json source-generated metadata for CxCore's public data types (the read report and its errors), so
/// hosts and tools serialise them without reflection, trim- and AOT-safe, in camelCase.
/// </summary>
/// <example>
/// <code>string json = JsonSerializer.Serialize(report, CxJsonContext.Default.ReadReport);</code>
/// </example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReadError))]
[JsonSerializable(typeof(ReadReport))]
[JsonSerializable(typeof(IReadOnlyList<ReadError>))]
public sealed partial class CxJsonContext : JsonSerializerContext;
