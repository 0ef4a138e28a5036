using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxCore.Samples.WebApi;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxCore.Tests.Samples;

/// <summary>The minimal Web API sample, driven over HTTP the way a client would.</summary>
public sealed class WebApiTests : IDisposable
{
    private const string Support = """{"id":"e-1001","customerId":"c-42","timestamp":"2024-03-01T09:15:00+00:00","channel":"chatbot","touchpoint":"order-status-bot","kind":"support_request","outcome":"abandoned","waitSeconds":95,"text":"bot could not find my order"}""";
    private const string Purchase = """{"id":"e-1000","customerId":"c-42","timestamp":"2024-02-20T10:00:00+00:00","channel":"web","kind":"purchase","outcome":"succeeded","value":120.5}""";
    private const string Resolved = """{"id":"e-1002","customerId":"c-42","timestamp":"2024-03-01T09:21:00+00:00","channel":"phone","touchpoint":"support-line","kind":"support_resolved","outcome":"succeeded","waitSeconds":420,"handlingSeconds":300,"csat":3,"ces":5}""";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly WebApplicationFactory<ApiJsonContext> _factory = new();
    private readonly HttpClient _client;

    public WebApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> Post(string json) =>
        _client.PostAsync(new Uri("/interactions", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    [Fact]
    public async Task Posting_one_event_records_it_and_returns_the_customers_stage_and_score()
    {
        var response = await Post(Purchase);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(1, body.GetProperty("recorded").GetInt32());
        var item = body.GetProperty("items")[0];
        Assert.Equal("e-1000", item.GetProperty("id").GetString());
        Assert.Equal("Purchase", item.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Posting_a_batch_records_every_event_and_reports_duplicates_on_a_repeat()
    {
        var batch = $"[{Purchase},{Support},{Resolved}]";

        var first = await Json(await Post(batch));
        var second = await Json(await Post(batch));

        Assert.Equal(3, first.GetProperty("recorded").GetInt32());
        Assert.Equal(0, second.GetProperty("recorded").GetInt32());
        Assert.Equal(3, second.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task A_pretty_printed_batch_is_accepted()
    {
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse($"[{Purchase},{Support}]").RootElement, Indented);

        var response = await Post(pretty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await Json(response)).GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task An_invalid_event_is_a_400_problem_naming_the_field_value_and_reason()
    {
        var response = await Post(Resolved.Replace("\"csat\":3", "\"nps\":11", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("field 'nps'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("nps", error.GetProperty("field").GetString());
        Assert.Equal("11", error.GetProperty("value").GetString());
        Assert.Contains("between 0 and 10", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_event_records_nothing_and_names_its_position()
    {
        var response = await Post($"[{Purchase},{Support.Replace("\"chatbot\"", "\"pigeon\"", StringComparison.Ordinal)}]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.StartsWith("item 2: field 'channel'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, problem.GetProperty("errors")[0].GetProperty("line").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/customers/c-42/journey", UriKind.Relative), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("{not json", "The body is not valid JSON.")]
    [InlineData("42", "The body must be a JSON object or array.")]
    [InlineData("[]", "The batch is empty.")]
    public async Task Malformed_bodies_are_400_problems(string body, string title)
    {
        var response = await Post(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await Json(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_journey_endpoint_returns_the_stage_history_and_the_explained_score()
    {
        await Post($"[{Support},{Purchase},{Resolved}]");

        var response = await _client.GetAsync(new Uri("/customers/c-42/journey", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journey = await Json(response);
        Assert.Equal(3, journey.GetProperty("interactionCount").GetInt32());
        Assert.Equal(
            ["Awareness", "Purchase", "Support", "Use"],
            journey.GetProperty("stages").EnumerateArray().Take(4).Select(s => s.GetProperty("stage").GetString()));
        var score = journey.GetProperty("score");
        Assert.InRange(score.GetProperty("value").GetDouble(), 0, 100);
        Assert.StartsWith("Score ", score.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_customer_erases_the_journey_and_a_second_delete_is_404()
    {
        await Post(Purchase);

        var deleted = await _client.DeleteAsync(new Uri("/customers/c-42", UriKind.Relative), Ct);
        var journey = await _client.GetAsync(new Uri("/customers/c-42/journey", UriKind.Relative), Ct);
        var again = await _client.DeleteAsync(new Uri("/customers/c-42", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, journey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_health_endpoint_reports_healthy()
    {
        var response = await _client.GetAsync(new Uri("/health", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }
}
