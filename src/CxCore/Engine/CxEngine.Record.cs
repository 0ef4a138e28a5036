using System.Diagnostics.CodeAnalysis;
using System.Text;
using CxCore.Domain;
using CxCore.Journeys;
using CxCore.Scoring;
using Microsoft.Extensions.Logging;

namespace CxCore.Engine;

// Recording one interaction: from an object (RecordAsync), or packed by the reader (the bulk ingest's way, without an
// object or an id string when the in-memory store shares its logs). Both end in the same core, Recorded.
public sealed partial class CxEngine
{
    /// <inheritdoc/>
    public async ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = CxTelemetry.Source.StartActivity("cxcore.record");
        List<StageChange>? stageChanges = null;
        BandChange? bandChange = null;
        RecordResult result;
        if (!TryEnterLoaded(interaction.CustomerId, out var customerId, out var live))
        {
            (customerId, live) = await EnterAsync(interaction.CustomerId, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (customerId != interaction.CustomerId)
            {
                interaction = interaction.WithCustomer(customerId);
            }

            var before = new Before(this, live);
            // The store is the authority on ids; the live scorer mirrors it under this customer's lock.
            bool appended;
            try
            {
                // With the in-memory store, a known customer's log is at hand: no second lookup, no async call.
                appended = _sharedLogs is not null && live.Score.Log is { } log
                    ? _sharedLogs.TryAppend(log, interaction)
                    : await _store.TryAppendAsync(interaction, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The store may have kept it anyway: let the next caller reload the journey from the store.
                Unload(live);
                throw;
            }

            if (!appended)
            {
                EngineLog.Duplicate(_logger, interaction.Id, customerId);
                return Duplicate(live, customerId, before);
            }

            result = Recorded(live, customerId, before, interaction, log: null, ref stageChanges, ref bandChange);
        }
        finally
        {
            live.Release();
        }

        // Observers run after the state is committed and outside the customer's lock.
        if (stageChanges is not null || bandChange is not null)
        {
            await NotifyAsync(stageChanges, bandChange, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Records line <paramref name="line"/> of a reader's batch (as <paramref name="lines"/> selected them) as
    /// <see cref="RecordAsync"/> records the same interaction as an object. With a store that shares its logs (the
    /// in-memory store) the packed interaction goes straight into the customer's log: no object, and for a customer
    /// already loaded no string either.
    /// </summary>
    private async ValueTask<RecordResult> RecordPackedAsync(InteractionBatch batch, BatchLines lines, int line, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = lines.Index(line);
        if (_sharedLogs is null)
        {
            return await RecordAsync(batch.Items[index].ToInteraction(batch.Bytes), cancellationToken).ConfigureAwait(false);
        }

        using var activity = CxTelemetry.Source.StartActivity("cxcore.record");
        List<StageChange>? stageChanges = null;
        BandChange? bandChange = null;
        RecordResult result;
        ref readonly var first = ref batch.Items[index];
        // The worker's cache knows plain ASCII ids only (compared byte for byte with the journey's id): never an alias
        // (kind:value), which must be resolved through the store every time, as the identity may be linked meanwhile.
        var cacheable = first.CustomerIsAscii && !first.Customer(batch.Bytes).Contains((byte)':');
        var remember = false;
        if (!(cacheable && TryEnterCached(lines.Journey(line), first.Customer(batch.Bytes), out var customerId, out var live)))
        {
            if (!TryEnterLoaded(first.Customer(batch.Bytes), first.CustomerIsAscii, out customerId, out live))
            {
                // A customer seen for the first time, an alias, or a journey being used: the long way, with the id as a string.
                (customerId, live) = await EnterAsync(first.CustomerValue(batch.Bytes), cancellationToken).ConfigureAwait(false);
            }

            remember = cacheable;
        }

        try
        {
            // Not a pseudonymised id (the journey's id is the line's): the next line of this customer finds the journey in the cache.
            if (remember && Ascii.Equals(batch.Items[index].Customer(batch.Bytes), customerId.Value))
            {
                lines.Cache.Remember(lines.Hash(line), live);
            }

            ref readonly var packed = ref batch.Items[index];
            var before = new Before(this, live);
            bool appended;
            InteractionLog log;
            try
            {
                log = live.Score.Log ?? _sharedLogs.GetOrAddLog(customerId);
                appended = _sharedLogs.TryAppend(log, packed, batch.Bytes);
            }
            catch
            {
                Unload(live);
                throw;
            }

            if (!appended)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    var id = packed.IdValue(batch.Bytes); // built only when it is logged
                    EngineLog.Duplicate(_logger, id, customerId);
                }

                return Duplicate(live, customerId, before);
            }

            result = Recorded(live, customerId, before, interaction: null, log, ref stageChanges, ref bandChange);
        }
        finally
        {
            live.Release();
        }

        if (stageChanges is not null || bandChange is not null)
        {
            await NotifyAsync(stageChanges, bandChange, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Takes the lock of <paramref name="hint"/>, the journey an ingest worker's cache held for the ASCII customer id
    /// <paramref name="id"/>, when it is that customer's and still live and loaded: the ingest's short way to a known
    /// customer.
    /// </summary>
    private static bool TryEnterCached(LiveJourney? hint, ReadOnlySpan<byte> id, out CustomerId customerId, [NotNullWhen(true)] out LiveJourney? live)
    {
        customerId = default;
        live = null;
        if (hint is null || !TryTakeLoaded(hint, out live))
        {
            return false;
        }

        // Checked under the lock (the hint may be a colliding id's journey, or reloaded for another log meanwhile).
        if (!IngestCustomerCache.Matches(live, id))
        {
            live.Release();
            live = null;
            return false;
        }

        customerId = live.Score.Log!.Customer;
        return true;
    }

    private RecordResult Duplicate(LiveJourney live, CustomerId customerId, in Before before)
    {
        CxTelemetry.Duplicates.Add(1);
        return new RecordResult(RecordStatus.Duplicate, customerId, before.Stage, before.Stage, live.Score.EvaluateAtLatest(_scoring));
    }

    /// <summary>
    /// Everything after the store kept an interaction, under the customer's lock: the live score catches up, the stage
    /// moves (one step forward, or a replay for a late arrival), telemetry, and what observers will hear.
    /// </summary>
    /// <param name="live">The customer's live journey (locked).</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="before">The stage and band before.</param>
    /// <param name="interaction">The interaction as an object when the caller has one (the engine's own log needs it); null to read it from the store's log.</param>
    /// <param name="log">The store's log it was appended to, when the caller has it.</param>
    /// <param name="stageChanges">Receives the stage changes for observers.</param>
    /// <param name="bandChange">Receives the band change for observers.</param>
    private RecordResult Recorded(
        LiveJourney live,
        CustomerId customerId,
        in Before before,
        Interaction? interaction,
        InteractionLog? log,
        ref List<StageChange>? stageChanges,
        ref BandChange? bandChange)
    {
        bool late;
        int position;
        CxScoreSummary summary;
        // The visits this record enters, collected only for observers (in a per-thread list: no await in between).
        var entered = _observers.Length > 0 ? (t_entered ??= []) : null;
        entered?.Clear();
        try
        {
            position = Track(live, customerId, interaction, log);
            log = live.Score.Log!;
            late = before.Started && position < live.Score.Count - 1;
            if (late || (!before.Started && live.Score.Count > 1))
            {
                // A late arrival reports the move to the current visit, so that replay keeps its entering id.
                live.Position = Replay(live, late ? null : entered, keepEntryId: late && _observers.Length > 0);
            }
            else
            {
                // In order (or the journey's first interaction): one step forward, in place. Classifiers and guards get
                // the caller's object when there is one, else the record read in place.
                InteractionView view = interaction is null ? new InteractionView(log, position) : interaction;
                if (!before.Started)
                {
                    live.Position = StagePosition.Start(_journey, view.Timestamp);
                }

                live.Position.Apply(_triggers, view, new VisitSinks(null, entered, KeepEntryIds: false), log.KindIndexAt(position));
            }

            summary = live.Score.EvaluateAtLatest(_scoring);
        }
        catch
        {
            // A classifier, guard or scorer threw after the store kept the interaction: the live state is behind
            // the store, so drop it and let the next caller rebuild it from the store.
            Unload(live);
            throw;
        }

        var stage = _journey.GetStage(live.Position.Stage);
        if (late && _logger.IsEnabled(LogLevel.Debug))
        {
            var id = interaction?.Id ?? log.GetId(position); // built only when it is logged
            EngineLog.Late(_logger, id, customerId);
        }

        CxTelemetry.Recorded.Add(1, new KeyValuePair<string, object?>("status", late ? "late" : "recorded"));
        if (CxTelemetry.IngestLag.Enabled)
        {
            // Reading the clock costs as much as a stage transition: only when someone listens.
            CxTelemetry.IngestLag.Record((_time.GetUtcNow() - (interaction?.Timestamp ?? log.GetTimestamp(position))).TotalSeconds);
        }

        if (stage != before.Stage)
        {
            CxTelemetry.StageTransitions.Add(1);
        }

        if (_observers.Length > 0)
        {
            stageChanges = StageChanges(customerId, before.Stage, late ? null : entered, live.Position.Current(_journey));
            if (summary.Band != before.Band)
            {
                bandChange = new BandChange(customerId, before.Band, summary.Band, summary, interaction?.Id ?? log.GetId(position));
            }
        }

        return new RecordResult(late ? RecordStatus.RecordedLate : RecordStatus.Recorded, customerId, before.Stage, stage, summary);
    }

    /// <summary>A journey's stage and band before a record.</summary>
    private readonly struct Before
    {
        public Before(CxEngine engine, LiveJourney live)
        {
            Started = live.Position.IsStarted;
            Stage = Started ? engine._journey.GetStage(live.Position.Stage) : engine._journey.InitialStage;
            Band = live.Score.EvaluateAtLatest(engine._scoring).Band;
        }

        public bool Started { get; }

        public JourneyStage Stage { get; }

        public CxBand Band { get; }
    }
}
