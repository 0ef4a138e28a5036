using System.Diagnostics.Metrics;
using System.Text;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Serialization;

namespace CxCore.Tests.Engine;

[Collection(ProcessWideListeners.Name)]
public sealed class RejectedMetricTests
{
    [Fact]
    public async Task Each_line_the_reader_rejects_is_counted_on_cxcore_interactions_rejected()
    {
        long rejected = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CxTelemetry.Name && instrument.Name == "cxcore.interactions.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejected, value));
        listener.Start();
        var jsonl = """
            {"id":"e-1","customerId":"c-1","timestamp":"2024-03-01T09:15:00+00:00","channel":"web","kind":"page_view","nps":11}
            {"id":"e-2","customerId":"c-1","timestamp":"2024-03-01T09:16:00+00:00","channel":"web","kind":"page_view"}
            {"id":"e-3","customerId":"c-1","timestamp":"2024-03-01T09:17:00","channel":"web","kind":"page_view"}
            """;

        var report = new ReadReport();
        var read = 0;
        await foreach (var _ in new InteractionReader(ChannelRegistry.WellKnown).ReadJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), report, TestContext.Current.CancellationToken))
        {
            read++;
        }

        Assert.Equal(1, read);
        Assert.Equal(2, report.Rejected);
        // Other tests may reject lines concurrently, so at least this test's two.
        Assert.True(Interlocked.Read(ref rejected) >= 2, $"expected at least 2 rejections counted, saw {rejected}");
    }
}
