using System.Collections.Concurrent;
using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Serialization;
using CxCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxCore.Tests.Engine;

/// <summary>Builds engines the way a host would without DI, so each test states only what matters to it.</summary>
internal static class EngineTestKit
{
    /// <summary>An instant well after every interaction of the tests, fixed so inactivity timeouts are deterministic.</summary>
    public static readonly DateTimeOffset Now = TestData.T0.AddDays(30);

    public static CxEngine Create(
        IJourneyStore? store = null,
        IEnumerable<IJourneyObserver>? observers = null,
        Action<CxCoreOptions>? configure = null,
        ILogger<CxEngine>? logger = null,
        DateTimeOffset? now = null)
    {
        var options = new CxCoreOptions();
        configure?.Invoke(options);
        return new CxEngine(
            store ?? new InMemoryJourneyStore(),
            DefaultJourney.Definition,
            InteractionClassifier.Default,
            ScoringPipeline.Default,
            observers ?? [],
            Options.Create(options),
            new FixedTime(now ?? Now),
            logger);
    }

    public static CustomerId Id(string value) => new(value);

    /// <summary><paramref name="interactions"/> as canonical JSONL (what a reader's stream, and so the packed ingest, reads).</summary>
    public static byte[] JsonLines(IEnumerable<Interaction> interactions)
    {
        using var stream = new MemoryStream();
        InteractionWriter.WriteJsonLines(stream, interactions);
        return stream.ToArray();
    }

    /// <summary>An interaction of <paramref name="customer"/> <paramref name="days"/> after <see cref="TestData.T0"/>.</summary>
    public static Interaction Of(
        string customer,
        string id,
        double days,
        string kind,
        InteractionOutcome outcome = InteractionOutcome.Succeeded,
        int? csat = null,
        int? nps = null) =>
        TestData.At(id, days, kind, outcome, new InteractionSignals { Csat = csat, Nps = nps }, new CustomerId(customer));

    /// <summary>Browse, cart, buy, delivery and a happy review: Awareness → Consideration → Engagement → Purchase → Use → Advocacy.</summary>
    public static Interaction[] HappyPath(string customer) =>
    [
        Of(customer, customer + "-1", 0, "product_view"),
        Of(customer, customer + "-2", 1, "add_to_cart"),
        Of(customer, customer + "-3", 2, "purchase"),
        Of(customer, customer + "-4", 5, "delivered"),
        Of(customer, customer + "-5", 6, "review", csat: 5, nps: 10),
    ];

    /// <summary>A customer whose contacts fail or are abandoned and who answers CSAT 1 and NPS 0.</summary>
    public static Interaction[] UnhappyPath(string customer) =>
    [
        Of(customer, customer + "-1", 0, "purchase"),
        Of(customer, customer + "-2", 3, "support_request", InteractionOutcome.Abandoned),
        Of(customer, customer + "-3", 4, "contact", InteractionOutcome.Failed),
        Of(customer, customer + "-4", 5, "contact", InteractionOutcome.Failed, csat: 1, nps: 0),
    ];

    /// <summary>The interactions as an asynchronous stream that yields to the scheduler before each; <paramref name="beforeEach"/> sees each index first.</summary>
    public static async IAsyncEnumerable<Interaction> Stream(IEnumerable<Interaction> interactions, Action<int>? beforeEach = null)
    {
        var index = 0;
        foreach (var interaction in interactions)
        {
            beforeEach?.Invoke(index++);
            await Task.Yield();
            yield return interaction;
        }
    }

    public static async Task RecordAllAsync(this ICxEngine engine, IEnumerable<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            await engine.RecordAsync(interaction, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>The reference: the same interactions replayed by <see cref="JourneyProjector"/> and scored by <see cref="ScoringPipeline"/>.</summary>
    public static (Journey Journey, CxScore Score) Reference(CustomerId customer, IEnumerable<Interaction> interactions, DateTimeOffset asOf)
    {
        var journey = new JourneyProjector(DefaultJourney.Definition, InteractionClassifier.Default).Project(customer, interactions, asOf);
        return (journey, ScoringPipeline.Default.Score(journey.Interactions, asOf));
    }

    public static void AssertSameJourney(Journey expected, Journey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.StageHistory, actual.StageHistory);
        Assert.Equal(expected.Interactions.Select(i => i.Id), actual.Interactions.Select(i => i.Id));
        Assert.Equal(expected.Score?.Value, actual.Score?.Value);
    }

    public static void AssertSameJourney(Journey expected, CxScore expectedScore, Journey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.StageHistory, actual.StageHistory);
        Assert.Equal(expected.Interactions.Select(i => i.Id), actual.Interactions.Select(i => i.Id));
        Assert.Equal(expectedScore.Value, actual.Score?.Value);
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Collects progress reports on the reporting thread (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class SyncProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}

/// <summary>Remembers every event, in order.</summary>
internal sealed class RecordingObserver : IJourneyObserver
{
    private readonly ConcurrentQueue<object> _events = new();

    public IReadOnlyList<object> Events => [.. _events];

    public IReadOnlyList<StageChange> StageChanges => [.. _events.OfType<StageChange>()];

    public IReadOnlyList<BandChange> BandChanges => [.. _events.OfType<BandChange>()];

    public ValueTask OnStageChangedAsync(StageChange change, CancellationToken cancellationToken)
    {
        _events.Enqueue(change);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnScoreBandChangedAsync(BandChange change, CancellationToken cancellationToken)
    {
        _events.Enqueue(change);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails on every event.</summary>
internal sealed class ThrowingObserver : IJourneyObserver
{
    public int Calls { get; private set; }

    public ValueTask OnStageChangedAsync(StageChange change, CancellationToken cancellationToken)
    {
        Calls++;
        throw new InvalidOperationException("observer boom");
    }

    public ValueTask OnScoreBandChangedAsync(BandChange change, CancellationToken cancellationToken)
    {
        Calls++;
        throw new InvalidOperationException("observer boom");
    }
}

/// <summary>One log entry as a provider saw it.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>Captures every log entry of every logger it creates.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

/// <summary>A classifier that throws <see cref="InvalidOperationException"/> for one interaction id, the first time it sees it.</summary>
internal sealed class ThrowOnceForClassifier(string id) : IInteractionClassifier
{
    private int _throws = 1;

    public bool TryClassify(Interaction interaction, out JourneyTrigger trigger) =>
        interaction.Id.Value == id && Interlocked.Decrement(ref _throws) == 0
            ? throw new InvalidOperationException($"classifier failure at {id}")
            : InteractionClassifier.Default.TryClassify(interaction, out trigger);
}
