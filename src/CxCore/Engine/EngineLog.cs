using CxCore.Domain;
using Microsoft.Extensions.Logging;

namespace CxCore.Engine;

/// <summary>The engine's log messages, source-generated so the hot path does not format or box when a level is off.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Interaction {InteractionId} of customer {CustomerId} is a duplicate and was ignored")]
    public static partial void Duplicate(ILogger logger, InteractionId interactionId, CustomerId customerId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Interaction {InteractionId} of customer {CustomerId} arrived late; the journey was recomputed")]
    public static partial void Late(ILogger logger, InteractionId interactionId, CustomerId customerId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Journey observer {Observer} failed on {Event} for customer {CustomerId}; recording continues")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string @event, CustomerId customerId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Customer {CustomerId} was forgotten ({Removed} records erased)")]
    public static partial void Forgotten(ILogger logger, CustomerId customerId, int removed);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Customer {Source} was merged into {Target} ({Moved} interactions moved)")]
    public static partial void Merged(ILogger logger, CustomerId source, CustomerId target, int moved);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Ingest finished: {Processed} processed, {Recorded} recorded, {Late} late, {Duplicates} duplicates in {ElapsedMs} ms")]
    public static partial void IngestFinished(ILogger logger, long processed, long recorded, long late, long duplicates, long elapsedMs);
}
