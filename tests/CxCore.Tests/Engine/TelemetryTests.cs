using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CxCore.Domain;
using CxCore.Engine;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>Metrics and traces under the name CxCore, for OpenTelemetry's AddMeter/AddSource.</summary>
[Collection(ProcessWideListeners.Name)]
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async IAsyncEnumerable<Interaction> Stream(IEnumerable<Interaction> interactions)
    {
        foreach (var interaction in interactions)
        {
            await Task.Yield();
            yield return interaction;
        }
    }

    [Fact]
    public async Task A_MeterListener_sees_recorded_interactions_stage_transitions_and_ingest_lag_under_meter_CxCore()
    {
        var seen = new ConcurrentBag<(string Instrument, double Value, string? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CxTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Status(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => seen.Add((instrument.Name, value, Status(tags))));
        listener.Start();
        var engine = Create(now: TestData.T0.AddDays(10));
        var path = HappyPath("c-telemetry");

        await engine.RecordAllAsync([path[0], path[2], path[1]]);
        await engine.RecordAsync(path[0], Ct);

        Assert.Equal("CxCore", CxTelemetry.Name);
        var recorded = seen.Where(s => s.Instrument == "cxcore.interactions.recorded").ToList();
        Assert.True(recorded.Count(s => s.Status == "recorded") >= 2);
        Assert.Contains(recorded, s => s.Status == "late");
        Assert.True(seen.Count(s => s.Instrument == "cxcore.stage.transitions") >= 2);
        Assert.Contains(seen, s => s.Instrument == "cxcore.interactions.duplicates");
        Assert.Contains(seen, s => s.Instrument == "cxcore.ingest.lag" && s.Value == TimeSpan.FromDays(10).TotalSeconds);
    }

    [Fact]
    public async Task An_ActivityListener_sees_the_cxcore_ingest_activity()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CxTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var parent = new Activity("test-ingest").Start();
        var engine = Create();

        await engine.IngestAsync(Stream(HappyPath("c-trace")), cancellationToken: Ct);

        var ingest = Assert.Single(stopped, a => a.OperationName == "cxcore.ingest" && a.TraceId == parent.TraceId);
        Assert.Equal(CxTelemetry.Name, ingest.Source.Name);
        Assert.Equal(5L, ingest.GetTagItem("cxcore.processed"));
        Assert.Equal(5, stopped.Count(a => a.OperationName == "cxcore.record" && a.ParentSpanId == ingest.SpanId));
    }

    private static string? Status(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "status")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
