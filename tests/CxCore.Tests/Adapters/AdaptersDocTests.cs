using System.Text.RegularExpressions;
using CxCore.Adapters;
using CxCore.Analytics;
using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CxCore.Tests.Adapters;

/// <summary>Keeps docs/adapters.md honest: its snippet runs (here on the fixture) and its error example is what the adapter says.</summary>
public sealed partial class AdaptersDocTests
{
    private static string Doc() =>
        File.ReadAllText(TestPaths.FindFileAbove(Path.Combine("docs", "adapters.md")) ?? throw new FileNotFoundException("docs/adapters.md not found above the test binaries."));

    [Fact]
    public async Task The_snippet_of_the_doc_runs_on_the_fixture()
    {
        var ct = TestContext.Current.CancellationToken;
        var errors = new List<OlistReadError>();

        // The snippet of docs/adapters.md, with the fixture folder and the errors collected.
        var services = new ServiceCollection().AddLogging();
        services.AddCxCore();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ICxEngine>();
        var options = new OlistOptions { OnError = errors.Add };
        var ingest = await engine.IngestAsync(OlistAdapter.ReadAsync(OlistAdapterTests.FixtureFolder(), options, ct), cancellationToken: ct);
        var asOf = new DateTimeOffset(2019, 1, 1, 0, 0, 0, OlistOptions.SaoPauloOffset);
        var snapshot = new List<Journey>();
        await foreach (var journey in engine.GetJourneysAsync(asOf, ct))
        {
            snapshot.Add(journey);
        }

        var range = new TimeRange(asOf.AddYears(-3), asOf);
        var byDelivery = SurveyAnalysis.Compute(snapshot, range, breakdown: Breakdown.ByAttribute("delivery"));

        Assert.Equal(14, ingest.Processed);
        Assert.Equal(3, errors.Count);
        Assert.Equal(["late", "not_delivered", "on_time"], byDelivery.Groups.Select(g => g.Key).Order(StringComparer.Ordinal));
        Assert.Equal([1, 0, 1, 2, 1], byDelivery.Total.Csat.Counts);
        Assert.Contains("OlistAdapter.ReadAsync(\"data/olist\", options)", Doc(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_example_of_the_doc_is_what_the_adapter_reports()
    {
        var errors = new List<OlistReadError>();
        await foreach (var _ in OlistAdapter.ReadAsync(OlistAdapterTests.FixtureFolder(), new OlistOptions { OnError = errors.Add }, TestContext.Current.CancellationToken))
        {
        }

        var example = ErrorExample().Match(Doc());
        Assert.True(example.Success);
        Assert.Equal(errors[0].ToString(), example.Groups["line"].Value.Trim());
    }

    [GeneratedRegex(@"```\n\s*(?<line>olist_orders_dataset\.csv: line [^\n]*)\n\s*```")]
    private static partial Regex ErrorExample();
}
