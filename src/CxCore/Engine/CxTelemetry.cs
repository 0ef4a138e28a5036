using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CxCore.Engine;

/// <summary>
/// The names under which CxCore publishes metrics and traces, for <c>AddMeter(CxTelemetry.Name)</c> and
/// <c>AddSource(CxTelemetry.Name)</c> in OpenTelemetry.
/// </summary>
public static class CxTelemetry
{
    /// <summary>The meter and activity source name: <c>CxCore</c>.</summary>
    public const string Name = "CxCore";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Recorded =
        Meter.CreateCounter<long>("cxcore.interactions.recorded", "{interaction}", "Interactions recorded (tag status: recorded, late).");

    internal static readonly Counter<long> Duplicates =
        Meter.CreateCounter<long>("cxcore.interactions.duplicates", "{interaction}", "Interactions ignored because their id was already recorded.");

    internal static readonly Counter<long> Rejected =
        Meter.CreateCounter<long>("cxcore.interactions.rejected", "{line}", "Input lines rejected by the canonical readers.");

    internal static readonly Counter<long> StageTransitions =
        Meter.CreateCounter<long>("cxcore.stage.transitions", "{transition}", "Customers moved to another journey stage.");

    internal static readonly Histogram<double> IngestLag =
        Meter.CreateHistogram<double>("cxcore.ingest.lag", "s", "Time from an interaction's timestamp to its recording.");
}
