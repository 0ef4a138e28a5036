using CxCore.Adapters;
using CxCore.Analytics;
using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Tests.Engine;
using CxCore.Tests.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace CxCore.Tests.Analytics;

/// <summary>
/// The real Olist sample (../shared/data/olist, CC BY-NC-SA 4.0, never copied into the repository) read through
/// <see cref="OlistAdapter"/>, ingested once into an engine built by <c>services.AddCxCore()</c>, and the snapshot of
/// every journey as of <see cref="AsOf"/>. <see cref="Folder"/> is null when the data is not beside the repository.
/// </summary>
public sealed class OlistSnapshot : IAsyncLifetime
{
    /// <summary>After every Olist timestamp (the sample ends in 2018).</summary>
    public static readonly DateTimeOffset AsOf = new(2019, 1, 1, 0, 0, 0, OlistOptions.SaoPauloOffset);

    /// <summary>Every event of the sample: <c>[2016-01-01, 2019-01-01)</c> São Paulo time.</summary>
    public static readonly TimeRange Everything = new(new DateTimeOffset(2016, 1, 1, 0, 0, 0, OlistOptions.SaoPauloOffset), AsOf);

    public string? Folder { get; private set; }

    public IReadOnlyList<Journey> Journeys { get; private set; } = [];

    public IReadOnlyList<OlistReadError> Errors { get; private set; } = [];

    public IngestResult? Ingest { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Folder = OlistReviews.FindFolder();
        if (Folder is null)
        {
            return;
        }

        (Journeys, Errors, Ingest) = await IngestAsync(Folder, AsOf);
    }

    /// <summary>Reads an Olist folder through the adapter into a fresh <c>AddCxCore()</c> engine and returns the snapshot as of <paramref name="asOf"/>.</summary>
    public static async Task<(IReadOnlyList<Journey> Journeys, IReadOnlyList<OlistReadError> Errors, IngestResult Ingest)> IngestAsync(string folder, DateTimeOffset asOf)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCxCore();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<ICxEngine>();
        var errors = new List<OlistReadError>();
        var ingest = await engine.IngestAsync(OlistAdapter.ReadAsync(folder, new OlistOptions { OnError = errors.Add }));
        return (await engine.GetJourneysAsync(asOf).ToListAsync(), errors, ingest);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Skips the calling test when the Olist sample is not there.</summary>
    public string RequireFolder()
    {
        if (Folder is null)
        {
            Assert.Skip("The Olist sample (shared/data/olist, beside the repository) is absent; it is CC BY-NC-SA and never copied in.");
        }

        return Folder;
    }
}
