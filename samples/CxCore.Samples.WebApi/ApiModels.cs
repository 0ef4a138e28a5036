using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxCore.Samples.WebApi;

/// <summary>What <c>POST /interactions</c> answers.</summary>
internal sealed record RecordResponse(int Recorded, int RecordedLate, int Duplicates, IReadOnlyList<RecordedItem> Items);

/// <summary>One recorded interaction and where it left the customer.</summary>
internal sealed record RecordedItem(string Id, string CustomerId, string Status, string Stage, double Score, string Band);

/// <summary>A rejected field, as listed in the problem details of a 400.</summary>
internal sealed record FieldError(long Line, string? Field, string? Value, string Reason);

/// <summary>A customer's journey as <c>GET /customers/{id}/journey</c> returns it.</summary>
internal sealed record JourneyResponse(
    string CustomerId,
    string CurrentStage,
    DateTimeOffset CurrentStageSince,
    int InteractionCount,
    IReadOnlyList<StageVisitResponse> Stages,
    ScoreResponse? Score);

/// <summary>One stay in a stage.</summary>
internal sealed record StageVisitResponse(string Stage, DateTimeOffset EnteredAt, DateTimeOffset? ExitedAt, double DaysInStage, string Reason, string? Trigger, string? InteractionId);

/// <summary>The experience score and its one-sentence explanation.</summary>
internal sealed record ScoreResponse(double Value, double Confidence, string Band, string Explanation);

/// <summary>Source-generated JSON for the sample's responses (trim- and AOT-friendly).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecordResponse))]
[JsonSerializable(typeof(JourneyResponse))]
[JsonSerializable(typeof(FieldError[]))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
