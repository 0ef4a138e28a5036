using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CxCore.DependencyInjection;
using CxCore.Domain;
using CxCore.Journeys;
using CxCore.Scoring;
using CxCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxCore.Engine;

/// <summary>
/// The default <see cref="ICxEngine"/>: keeps a live journey per customer (stage position and incremental score) in
/// front of an <see cref="IJourneyStore"/>. Writes for one customer are serialised; different customers proceed in
/// parallel. Resolve it from DI (<c>services.AddCxCore()</c>) or construct it directly.
/// </summary>
public sealed partial class CxEngine : ICxEngine
{
    /// <summary>The identity kind under which a merged-away customer id keeps pointing at the customer it was merged into.</summary>
    private static readonly IdentityKind MergedKind = new("merged");

    private readonly ConcurrentDictionary<CustomerId, LiveJourney> _live = new(CustomerIdComparer.Instance);
    private readonly ConcurrentDictionary<CustomerId, LiveJourney>.AlternateLookup<ReadOnlySpan<char>> _liveByChars;
    private readonly IJourneyStore _store;
    private readonly ISharedInteractionLogs? _sharedLogs;

    [ThreadStatic]
    private static List<StageVisit>? t_entered;
    private readonly JourneyDefinition _journey;
    private readonly TriggerTable _triggers;
    private readonly ScoringPipeline _scoring;
    private readonly IJourneyObserver[] _observers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CustomerPseudonymizer? _pseudonymizer;
    private readonly int _progressInterval;
    private readonly int _ingestParallelism;
    private volatile bool _hasMerges;
    private int _merges; // merges this engine completed: a caller that saw the same count before resolving needs no re-check

    /// <summary>Creates an engine.</summary>
    /// <param name="store">Where interactions and aliases are kept.</param>
    /// <param name="journey">The journey-stage machine.</param>
    /// <param name="classifier">Maps interactions to triggers.</param>
    /// <param name="scoring">The scoring pipeline.</param>
    /// <param name="observers">Receive stage and score-band changes.</param>
    /// <param name="options">Pseudonymisation and ingest settings.</param>
    /// <param name="timeProvider">The clock for "now" in queries and ingest lag; null for the system clock.</param>
    /// <param name="logger">Where to log; null for none.</param>
    public CxEngine(
        IJourneyStore store,
        JourneyDefinition journey,
        IInteractionClassifier classifier,
        ScoringPipeline scoring,
        IEnumerable<IJourneyObserver> observers,
        IOptions<CxCoreOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<CxEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(scoring);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _liveByChars = _live.GetAlternateLookup<ReadOnlySpan<char>>();
        _sharedLogs = store as ISharedInteractionLogs;
        // Merged-away ids are looked up on every call once a merge may exist: after this engine's first merge, or from
        // the start over a store that already holds data (an earlier engine may have merged; a restart must follow it).
        _hasMerges = store is not InMemoryJourneyStore { CustomerCount: 0 };
        _journey = journey;
        _triggers = new TriggerTable(journey, classifier);
        _scoring = scoring;
        _observers = [.. observers];
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var settings = options.Value;
        _pseudonymizer = settings.PseudonymizationKey is { } key ? new CustomerPseudonymizer(key) : null;
        _progressInterval = settings.IngestProgressInterval >= 1
            ? settings.IngestProgressInterval
            : throw new ArgumentOutOfRangeException(nameof(options), settings.IngestProgressInterval, "CxCoreOptions.IngestProgressInterval must be at least 1.");
        _ingestParallelism = settings.IngestParallelism is >= 1 and <= CxCoreOptionsValidator.MaxIngestParallelism
            ? settings.IngestParallelism
            : throw new ArgumentOutOfRangeException(nameof(options), settings.IngestParallelism, $"CxCoreOptions.IngestParallelism must be between 1 and {CxCoreOptionsValidator.MaxIngestParallelism}.");
    }

    /// <inheritdoc/>
    public async ValueTask<IngestResult> RecordBatchAsync(IEnumerable<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        using var activity = CxTelemetry.Source.StartActivity("cxcore.record_batch");
        var totals = new Totals(Stopwatch.GetTimestamp());
        foreach (var interaction in interactions)
        {
            totals.Add(await RecordAsync(interaction, cancellationToken).ConfigureAwait(false));
        }

        return totals.ToResult();
    }

    /// <inheritdoc/>
    public async ValueTask<Journey?> GetJourneyAsync(CustomerId customerId, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        var (id, live) = await EnterAsync(customerId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!live.Position.IsStarted)
            {
                // Nothing is known about this id: drop the empty entry, so looking up unknown ids costs no memory.
                Retire(id, live);
                return null;
            }

            return Snapshot(id, live, asOf ?? _time.GetUtcNow());
        }
        finally
        {
            live.Release();
        }
    }

    /// <summary>How many customers the engine holds a live journey for (for tests and diagnostics).</summary>
    internal int LiveCount => _live.Count;

    /// <inheritdoc/>
    public IAsyncEnumerable<Journey> GetJourneysAsync(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var at = asOf ?? _time.GetUtcNow();
        return ReadEachAsync((id, live) => Snapshot(id, live, at), cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<CustomerStatus> GetCustomersInStageAsync(
        JourneyStage stage,
        DateTimeOffset? asOf = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = _journey.GetStageIndex(stage);
        var at = asOf ?? _time.GetUtcNow();
        await foreach (var (status, stageIndex) in StatusesAsync(at, cancellationToken).ConfigureAwait(false))
        {
            if (stageIndex == index)
            {
                yield return status;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CustomerStatus>> GetCustomersAtRiskAsync(DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        var at = asOf ?? _time.GetUtcNow();
        var result = new List<CustomerStatus>();
        await foreach (var (status, _) in StatusesAsync(at, cancellationToken).ConfigureAwait(false))
        {
            if (status.Score.Band is CxBand.AtRisk or CxBand.Detractor)
            {
                result.Add(status);
            }
        }

        result.Sort(static (a, b) => a.Score.Value != b.Score.Value
            ? a.Score.Value.CompareTo(b.Score.Value)
            : string.CompareOrdinal(a.CustomerId.Value, b.CustomerId.Value));
        return result;
    }

    /// <inheritdoc/>
    public async ValueTask RegisterCustomerAsync(Customer customer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var id = Protect(customer.Id);
        foreach (var identity in customer.Identities)
        {
            var key = Protect(identity);
            var owner = await _store.FindCustomerAsync(key, cancellationToken).ConfigureAwait(false);
            if (owner is { } other && other != id)
            {
                throw new InvalidOperationException(
                    $"Identity '{identity.Kind}' of customer '{customer.Id}' already belongs to customer '{other}'; merge the two customers with MergeCustomersAsync instead.");
            }
        }

        foreach (var identity in customer.Identities)
        {
            await _store.LinkIdentityAsync(Protect(identity), id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Journey> MergeCustomersAsync(CustomerId source, CustomerId target, CancellationToken cancellationToken = default)
    {
        source.EnsureNotEmpty(nameof(source));
        target.EnsureNotEmpty(nameof(target));
        Journey merged;
        List<StageChange>? stageChanges = null;
        BandChange? bandChange = null;
        CustomerId from, to;
        LiveJourney firstLive, secondLive;
        bool fromFirst;
        while (true)
        {
            var mergesBefore = Volatile.Read(ref _merges);
            from = await ResolveAsync(source, cancellationToken).ConfigureAwait(false);
            to = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
            if (from == to)
            {
                throw new ArgumentException($"Cannot merge customer '{source}' into '{target}': they are the same customer.", nameof(target));
            }

            // Lock both journeys in a fixed order so two opposite merges cannot deadlock; when either was merged away
            // or forgotten while waiting, let go and resolve both again.
            fromFirst = string.CompareOrdinal(from.Value, to.Value) < 0;
            var (first, second) = fromFirst ? (from, to) : (to, from);
            if (await TryEnterAsync(first, mergesBefore, cancellationToken).ConfigureAwait(false) is not { } firstTaken)
            {
                continue;
            }

            LiveJourney? secondTaken;
            try
            {
                secondTaken = await TryEnterAsync(second, mergesBefore, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                firstTaken.Release();
                throw;
            }

            if (secondTaken is null)
            {
                firstTaken.Release();
                continue;
            }

            (firstLive, secondLive) = (firstTaken, secondTaken);
            break;
        }

        try
        {
            try
            {
                var (sourceLive, targetLive) = fromFirst ? (firstLive, secondLive) : (secondLive, firstLive);
                var sourceInteractions = await _store.GetInteractionsAsync(from, cancellationToken).ConfigureAwait(false);
                if (sourceInteractions.Count == 0 && targetLive.Score.Count == 0)
                {
                    // Checked before anything changes, so a refused merge leaves both customers as they were.
                    throw new InvalidOperationException($"Neither customer '{source}' nor '{target}' has any interaction to merge.");
                }

                var stageBefore = targetLive.Position.IsStarted ? _journey.GetStage(targetLive.Position.Stage) : _journey.InitialStage;
                var bandBefore = targetLive.Score.EvaluateAtLatest(_scoring).Band;
                var moved = 0;
                InteractionId? lastMoved = null;
                foreach (var interaction in sourceInteractions)
                {
                    var copy = interaction.WithCustomer(to);
                    if (await _store.TryAppendAsync(copy, cancellationToken).ConfigureAwait(false))
                    {
                        Track(targetLive, to, copy);
                        moved++;
                        lastMoved = copy.Id;
                    }
                }

                foreach (var identity in await _store.GetIdentitiesAsync(from, cancellationToken).ConfigureAwait(false))
                {
                    await _store.LinkIdentityAsync(identity, to, cancellationToken).ConfigureAwait(false);
                }

                await _store.DeleteCustomerAsync(from, cancellationToken).ConfigureAwait(false);
                await _store.LinkIdentityAsync(new CustomerIdentity(MergedKind, from.Value), to, cancellationToken).ConfigureAwait(false);
                _hasMerges = true;
                Interlocked.Increment(ref _merges);
                Retire(from, sourceLive);

                var summary = Rebuild(targetLive, keepEntryId: _observers.Length > 0);
                EngineLog.Merged(_logger, from, to, moved);
                merged = Snapshot(to, targetLive, _time.GetUtcNow());
                if (_observers.Length > 0)
                {
                    var now = targetLive.Position.Current(_journey);
                    if (now.Stage != stageBefore)
                    {
                        stageChanges = [new StageChange(to, stageBefore, now.Stage, now.EnteredAt, now.Reason, now.InteractionId)];
                    }

                    if (summary.Band != bandBefore && lastMoved is { } cause)
                    {
                        bandChange = new BandChange(to, bandBefore, summary.Band, summary, cause);
                    }
                }
            }
            catch
            {
                // Whatever the merge got to, the store is the truth: both live journeys are rebuilt from it on next use.
                Unload(firstLive);
                Unload(secondLive);
                throw;
            }
            finally
            {
                secondLive.Release();
            }
        }
        finally
        {
            firstLive.Release();
        }

        if (stageChanges is not null || bandChange is not null)
        {
            await NotifyAsync(stageChanges, bandChange, cancellationToken).ConfigureAwait(false);
        }

        return merged;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ForgetCustomerAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        customerId.EnsureNotEmpty(nameof(customerId));
        var (id, live) = await EnterAsync(customerId, cancellationToken).ConfigureAwait(false);
        try
        {
            var removed = await _store.DeleteCustomerAsync(id, cancellationToken).ConfigureAwait(false);
            var hadJourney = live.Position.IsStarted;
            Retire(id, live);
            if (removed > 0 || hadJourney)
            {
                EngineLog.Forgotten(_logger, id, removed);
            }

            return removed > 0 || hadJourney;
        }
        finally
        {
            live.Release();
        }
    }

    // The log keeps interactions in replay order (time, then id), so its last one is the journey's latest.
    private static DateTimeOffset Latest(LiveJourney live) => live.Score.Log!.GetTimestamp(live.Score.Count - 1);

    // The stage changes of one record: the visits it entered in order, or (`entered` null: a late arrival replayed the
    // journey) the move from the stage before to the current one, if any.
    private static List<StageChange>? StageChanges(CustomerId customerId, JourneyStage stageBefore, List<StageVisit>? entered, StageVisit current)
    {
        if (entered is null)
        {
            return current.Stage == stageBefore ? null : [new StageChange(customerId, stageBefore, current.Stage, current.EnteredAt, current.Reason, current.InteractionId)];
        }

        if (entered.Count == 0)
        {
            return null;
        }

        var changes = new List<StageChange>(entered.Count);
        var from = stageBefore;
        foreach (var visit in entered)
        {
            changes.Add(new StageChange(customerId, from, visit.Stage, visit.EnteredAt, visit.Reason, visit.InteractionId));
            from = visit.Stage;
        }

        return changes;
    }

    private async ValueTask NotifyAsync(List<StageChange>? stageChanges, BandChange? bandChange, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            foreach (var change in stageChanges ?? [])
            {
                try
                {
                    await observer.OnStageChangedAsync(change, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    EngineLog.ObserverFailed(_logger, e, observer.GetType().Name, nameof(IJourneyObserver.OnStageChangedAsync), change.CustomerId);
                }
            }

            if (bandChange is not null)
            {
                try
                {
                    await observer.OnScoreBandChangedAsync(bandChange, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    EngineLog.ObserverFailed(_logger, e, observer.GetType().Name, nameof(IJourneyObserver.OnScoreBandChangedAsync), bandChange.CustomerId);
                }
            }
        }
    }

    private IAsyncEnumerable<(CustomerStatus Status, StageIndex Stage)> StatusesAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ReadEachAsync(
            (id, live) =>
            {
                var position = live.Position; // a copy, advanced to asOf without changing the live journey
                position.AdvanceTo(_journey, asOf);
                var last = Latest(live);
                return (new CustomerStatus(id, _journey.GetStage(position.Stage), live.Score.Evaluate(_scoring, asOf), last), position.Stage);
            },
            cancellationToken);

    /// <summary>
    /// Reads every stored customer's live journey, one at a time under that customer's lock (so ingestion of the others
    /// goes on), skipping customers without a journey.
    /// </summary>
    private async IAsyncEnumerable<T> ReadEachAsync<T>(Func<CustomerId, LiveJourney, T> read, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mergesBefore = Volatile.Read(ref _merges);
        await foreach (var id in _store.GetCustomerIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            // Store ids are already resolved (and pseudonymised); a customer merged away or forgotten meanwhile is skipped.
            if (await TryEnterAsync(id, mergesBefore, cancellationToken).ConfigureAwait(false) is not { } live)
            {
                continue;
            }

            bool found;
            T value;
            try
            {
                found = live.Position.IsStarted;
                if (!found)
                {
                    // Deleted between the listing and the lock: drop the empty entry this look created.
                    Retire(id, live);
                }

                value = found ? read(id, live) : default!;
            }
            finally
            {
                live.Release();
            }

            if (found)
            {
                yield return value;
            }
        }
    }

    private Journey Snapshot(CustomerId id, LiveJourney live, DateTimeOffset asOf)
    {
        var count = live.Score.CountUntil(asOf);
        var interactions = count == 0 ? [] : live.Score.Log!.MaterializeAll(count);
        var cursor = JourneyCursor.Replay(_triggers, interactions, asOf);
        cursor.AdvanceTo(asOf);
        return new Journey(id, interactions, cursor.History) { Score = _scoring.Score(interactions, asOf) };
    }

    // The stage position of a journey whose score was just (re)built, a load or a merge; returns the score.
    private CxScoreSummary Rebuild(LiveJourney live, bool keepEntryId = false)
    {
        live.Position = Replay(live, keepEntryId: keepEntryId);
        return live.Score.EvaluateAtLatest(_scoring);
    }

    // Rebuilds the live stage position from the compact interactions: a load, a late arrival, a merge, a first record
    // into a log that already held others (allocates).
    // Visits entered are also added to `entered` when given. The current visit keeps the id of the interaction that
    // entered it only when asked (to report it); the live position otherwise does without.
    private StagePosition Replay(LiveJourney live, List<StageVisit>? entered = null, bool keepEntryId = false)
    {
        var interactions = live.Score.Log!.MaterializeAll(live.Score.Count);
        var keeps = keepEntryId ? CursorKeeps.CurrentVisit : CursorKeeps.CurrentStage;
        return JourneyCursor.Replay(_triggers, interactions, interactions[0].Timestamp, keeps, entered).Position;
    }

    /// <summary>
    /// The common case of <see cref="EnterAsync"/> without its three asynchronous steps: an id that cannot be an alias
    /// (no colon), and with pseudonymisation on, is already a pseudonym, of a customer whose journey is loaded and whose
    /// lock is free. False sends the caller the long way, which handles everything else (and, having taken nothing,
    /// this leaves nothing to undo). Merged-away and forgotten ids need no check here: their live journeys are retired
    /// and removed under the lock, and the long way never leaves a loaded journey behind for a merged-away id (see
    /// <see cref="TryEnterAsync"/>).
    /// </summary>
    private bool TryEnterLoaded(CustomerId requested, out CustomerId id, [NotNullWhen(true)] out LiveJourney? live)
    {
        id = requested;
        live = null;
        if (requested.Value.Contains(':', StringComparison.Ordinal)
            || (_pseudonymizer is not null && !CustomerPseudonymizer.IsPseudonym(requested))
            || !_live.TryGetValue(requested, out var found))
        {
            return false;
        }

        return TryTakeLoaded(found, out live);
    }

    /// <summary><see cref="TryEnterLoaded(CustomerId, out CustomerId, out LiveJourney?)"/> for an id given as its UTF-8 bytes (a packed interaction's): no string is built.</summary>
    private bool TryEnterLoaded(ReadOnlySpan<byte> requested, bool ascii, out CustomerId id, [NotNullWhen(true)] out LiveJourney? live)
    {
        id = default;
        live = null;
        if (requested.Contains((byte)':'))
        {
            return false;
        }

        Span<char> chars = stackalloc char[requested.Length];
        chars = chars[..InteractionLog.ToChars(requested, ascii, chars)];
        if ((_pseudonymizer is not null && !CustomerPseudonymizer.IsPseudonym(chars)) || !_liveByChars.TryGetValue(chars, out var key, out var found))
        {
            return false;
        }

        id = key;
        return TryTakeLoaded(found, out live);
    }

    private static bool TryTakeLoaded(LiveJourney found, [NotNullWhen(true)] out LiveJourney? live)
    {
        live = null;
        if (!found.TryTake())
        {
            return false;
        }

        if (found.Retired || !found.Loaded)
        {
            found.Release();
            return false;
        }

        live = found;
        return true;
    }

    /// <summary>
    /// Takes the lock of the customer <paramref name="requested"/> stands for (alias, merged-away id, pseudonym), loading
    /// their journey from the store the first time. Resolves again when the journey was merged away or forgotten while
    /// this caller waited, so a writer that waited out a merge lands on the customer it was merged into.
    /// </summary>
    private async ValueTask<(CustomerId Id, LiveJourney Live)> EnterAsync(CustomerId requested, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mergesBefore = Volatile.Read(ref _merges);
            var id = await ResolveAsync(requested, cancellationToken).ConfigureAwait(false);
            if (await TryEnterAsync(id, mergesBefore, cancellationToken).ConfigureAwait(false) is { } live)
            {
                return (id, live);
            }
        }
    }

    /// <summary>
    /// Takes the lock of the stored customer <paramref name="id"/>, loading their journey from the store the first time;
    /// null when the journey was retired (merged away or forgotten) while waiting, or was merged away after
    /// <paramref name="mergesBefore"/> (this engine's merge count, read before the caller resolved the id).
    /// </summary>
    private async ValueTask<LiveJourney?> TryEnterAsync(CustomerId id, int mergesBefore, CancellationToken cancellationToken)
    {
        var live = _live.GetOrAdd(id, static _ => new LiveJourney());
        await live.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (live.Retired)
        {
            live.Release();
            return null;
        }

        if (!live.Loaded)
        {
            try
            {
                // A merge may have moved this id away after the caller resolved it and before this journey was
                // created: then it must not live on (later records of the id would land here instead of the target).
                // Only a merge completed since the caller read the count can have done that.
                if (Volatile.Read(ref _merges) != mergesBefore && await IsMergedAwayAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    Retire(id, live);
                    live.Release();
                    return null;
                }

                await LoadAsync(id, live, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Whatever the load got to is dropped, so the next caller loads from scratch.
                Unload(live);
                live.Release();
                throw;
            }
        }

        return live;
    }

    /// <summary>Builds the live journey of an unloaded (so empty) <paramref name="live"/> from the store; the caller unloads it again if this throws.</summary>
    private async ValueTask LoadAsync(CustomerId id, LiveJourney live, CancellationToken cancellationToken)
    {
        if (_sharedLogs is not null)
        {
            // The in-memory store's log is the journey: score over it rather than copying it.
            if (_sharedLogs.FindLog(id) is { Count: > 0 } log)
            {
                live.Score.Attach(_scoring, log);
                Rebuild(live);
            }

            live.Loaded = true;
            return;
        }

        var stored = await _store.GetInteractionsAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            // Into the engine's own log in time order (every insert appends), then one fold over all of them: every
            // opinion is computed once, and the score is finished once rather than after every interaction.
            var ordered = stored.ToArray();
            Array.Sort(ordered, JourneyProjector.CompareForReplay);
            var log = new InteractionLog(id, indexIds: false);
            foreach (var interaction in ordered)
            {
                log.Insert(interaction);
            }

            live.Score.Attach(_scoring, log);

            Rebuild(live);
        }

        live.Loaded = true;
    }

    /// <summary>
    /// Brings the live scorer up to date with an interaction the store just accepted: inserts it into the engine's own
    /// log, or, when the store shares its log, catches up with the store's insert (into <paramref name="log"/> when the
    /// caller has it). Returns its position in time order.
    /// </summary>
    private int Track(LiveJourney live, CustomerId id, Interaction? interaction, InteractionLog? log = null)
    {
        if (_sharedLogs is null)
        {
            return live.Score.Insert(_scoring, interaction!);
        }

        if (live.Score.Log is { } known)
        {
            live.Score.Inserted(_scoring, known.LastInserted);
            return known.LastInserted;
        }

        var stored = log ?? _sharedLogs.FindLog(id)
            ?? throw new InvalidOperationException($"The store accepted interaction '{interaction?.Id}' but has no interactions for customer '{id}'.");
        live.Score.Attach(_scoring, stored);
        return stored.LastInserted;
    }

    /// <summary>Forgets the live state (not the stored journey), so the next caller reloads it from the store.</summary>
    private static void Unload(LiveJourney live)
    {
        (live.Score, live.Position, live.Loaded) = (JourneyScoreState.Empty, default, false);
    }

    private void Retire(CustomerId id, LiveJourney live)
    {
        // Its state too: a reference that outlives the entry (an ingest worker's cache) then holds no journey data.
        Unload(live);
        live.Retired = true;
        _live.TryRemove(KeyValuePair.Create(id, live));
    }

    private async ValueTask<CustomerId> ResolveAsync(CustomerId id, CancellationToken cancellationToken)
    {
        id.EnsureNotEmpty("customerId");
        var value = id.Value;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Names.IsValid(value[..colon]) && TryIdentity(new IdentityKind(value[..colon]), value[(colon + 1)..], out var identity)
            && await _store.FindCustomerAsync(Protect(identity), cancellationToken).ConfigureAwait(false) is { } owner)
        {
            return owner;
        }

        var protectedId = Protect(id);
        if (_hasMerges && await FindMergedIntoAsync(protectedId, cancellationToken).ConfigureAwait(false) is { } merged)
        {
            return merged;
        }

        return protectedId;
    }

    // The customer a merge moved `id` into, if any (merges are remembered as a "merged" alias of the target).
    private ValueTask<CustomerId?> FindMergedIntoAsync(CustomerId id, CancellationToken cancellationToken) =>
        _store.FindCustomerAsync(new CustomerIdentity(MergedKind, id.Value), cancellationToken);

    private async ValueTask<bool> IsMergedAwayAsync(CustomerId id, CancellationToken cancellationToken) =>
        await FindMergedIntoAsync(id, cancellationToken).ConfigureAwait(false) is not null;

    private static bool TryIdentity(IdentityKind kind, string value, out CustomerIdentity identity)
    {
        try
        {
            identity = new CustomerIdentity(kind, value);
            return true;
        }
        catch (ArgumentException)
        {
            identity = default;
            return false;
        }
    }

    private CustomerId Protect(CustomerId id) => _pseudonymizer?.Protect(id) ?? id;

    private CustomerIdentity Protect(CustomerIdentity identity) => _pseudonymizer?.Protect(identity) ?? identity;
}
