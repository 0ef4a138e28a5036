using System.Globalization;
using System.Text.Json;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Serialization;

namespace CxCore.Samples.WebApi;

/// <summary>The sample's endpoints.</summary>
internal static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/interactions", RecordAsync);
        app.MapGet("/customers/{id}/journey", GetJourneyAsync);
        app.MapDelete("/customers/{id}", ForgetAsync);
    }

    /// <summary>
    /// Accepts one canonical event (a JSON object) or a batch (a JSON array of them). All or nothing: when any event is
    /// invalid, nothing is recorded and the 400 lists every rejected field with its position in the batch.
    /// </summary>
    private static async Task<IResult> RecordAsync(HttpRequest request, ICxEngine engine, ChannelRegistry channels, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Problem("The body is not valid JSON.", $"{e.Message} Send one canonical event (a JSON object) or a JSON array of them.", []);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Problem("The body must be a JSON object or array.", $"Got a JSON {root.ValueKind}; send one canonical event (an object) or an array of them.", []);
            }

            var events = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToArray() : [root];
            if (events.Length == 0)
            {
                return Problem("The batch is empty.", "Send at least one canonical event.", []);
            }

            // The canonical reader validates exactly as file ingest does: one event per line, line n = batch item n.
            using var lines = new MemoryStream();
            foreach (var item in events)
            {
                // Re-written compactly, token by token, so a pretty-printed body still makes one line per event.
                using (var writer = new Utf8JsonWriter(lines))
                {
                    item.WriteTo(writer);
                }

                lines.WriteByte((byte)'\n');
            }

            lines.Position = 0;
            var report = new ReadReport();
            var interactions = new List<Interaction>(events.Length);
            await foreach (var interaction in new InteractionReader(channels).ReadJsonLinesAsync(lines, report, cancellationToken))
            {
                interactions.Add(interaction);
            }

            if (report.Rejected > 0)
            {
                var errors = report.Errors.Select(e => new FieldError(e.LineNumber, e.Field, e.Value, e.Reason)).ToArray();
                var first = report.Errors[0];
                var where = events.Length == 1 ? string.Empty : $"item {first.LineNumber}: ";
                return Problem(
                    events.Length == 1 ? "The interaction is invalid." : $"{report.Rejected} of {events.Length} interactions are invalid; none was recorded.",
                    $"{where}{(first.Field is null ? string.Empty : $"field '{first.Field}': ")}{first.Reason}",
                    errors);
            }

            var items = new List<RecordedItem>(interactions.Count);
            foreach (var interaction in interactions)
            {
                var result = await engine.RecordAsync(interaction, cancellationToken);
                items.Add(new RecordedItem(interaction.Id.Value, result.CustomerId.Value, result.Status.ToString(), result.Stage.Name, Math.Round(result.Score.Value, 2), result.Score.Band.ToString()));
            }

            return Results.Ok(new RecordResponse(
                items.Count(i => i.Status == nameof(RecordStatus.Recorded)),
                items.Count(i => i.Status == nameof(RecordStatus.RecordedLate)),
                items.Count(i => i.Status == nameof(RecordStatus.Duplicate)),
                items));
        }
    }

    private static async Task<IResult> GetJourneyAsync(string id, ICxEngine engine, CancellationToken cancellationToken)
    {
        if (!TryCustomerId(id, out var customerId, out var invalid))
        {
            return invalid;
        }

        var journey = await engine.GetJourneyAsync(customerId, null, cancellationToken);
        if (journey is null)
        {
            return NotFound(id);
        }

        var asOf = DateTimeOffset.UtcNow;
        var stages = journey.StageHistory.Select(v => new StageVisitResponse(
            v.Stage.Name,
            v.EnteredAt,
            v.ExitedAt,
            Math.Round(v.TimeInStage(asOf).TotalDays, 2),
            v.Reason.ToString(),
            v.Trigger?.Name,
            v.InteractionId?.Value)).ToArray();
        var score = journey.Score is { } s
            ? new ScoreResponse(Math.Round(s.Value, 2), Math.Round(s.Confidence, 3), s.Band.ToString(), s.Explain())
            : null;
        return Results.Ok(new JourneyResponse(journey.CustomerId.Value, journey.CurrentStage.Name, journey.CurrentStageSince, journey.Interactions.Count, stages, score));
    }

    private static async Task<IResult> ForgetAsync(string id, ICxEngine engine, CancellationToken cancellationToken)
    {
        if (!TryCustomerId(id, out var customerId, out var invalid))
        {
            return invalid;
        }

        return await engine.ForgetCustomerAsync(customerId, cancellationToken) ? Results.NoContent() : NotFound(id);
    }

    private static bool TryCustomerId(string id, out CustomerId customerId, out IResult invalid)
    {
        try
        {
            customerId = new CustomerId(id);
            invalid = Results.Empty;
            return true;
        }
        catch (ArgumentException e)
        {
            customerId = default;
            invalid = Problem("The customer id is invalid.", e.Message, [new FieldError(0, "customerId", id, e.Message)]);
            return false;
        }
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found.", detail: $"No journey is recorded for customer '{id}'.");

    private static IResult Problem(string title, string detail, FieldError[] errors) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
