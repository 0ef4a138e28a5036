using System.Diagnostics.Tracing;
using System.Globalization;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// Listens to the runtime's allocation sampling (the <c>GCAllocationTick</c> event, raised about every 100 KB allocated)
/// and adds up the sampled bytes per type while <see cref="Enabled"/>: which types a workload allocates, in proportion.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    /// <summary>Whether samples are counted now.</summary>
    public bool Enabled { get; set; }

    /// <summary>The sampled bytes per type, most first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> BytesByType()
    {
        lock (_bytesByType)
        {
            return [.. _bytesByType.OrderByDescending(p => p.Value)];
        }
    }

    /// <inheritdoc/>
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc/>
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Enabled || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var bytes = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
        }
    }
}
