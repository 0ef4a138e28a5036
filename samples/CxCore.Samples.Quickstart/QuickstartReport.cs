using System.Globalization;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;

namespace CxCore.Samples.Quickstart;

/// <summary>Records <see cref="SampleJourney"/> through the engine and writes the journey a CX analyst would want to see.</summary>
internal sealed class QuickstartReport(ICxEngine engine, JourneyDefinition journey)
{
    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var customer = new CustomerId("c-42");
        var asOf = SampleJourney.Start.AddDays(400);
        var recorded = await engine.RecordBatchAsync(SampleJourney.Interactions(customer), cancellationToken);
        var result = await engine.GetJourneyAsync(customer, asOf, cancellationToken)
            ?? throw new InvalidOperationException($"The engine has no journey for {customer} after recording {recorded.Recorded} interactions.");

        output.WriteLine($"Journey of customer {result.CustomerId} ({result.Interactions.Count} interactions, journey '{journey.Name}'), as of {asOf:yyyy-MM-dd}");
        output.WriteLine();
        output.WriteLine("Interactions:");
        foreach (var i in result.Interactions)
        {
            var signals = Describe(i.Signals);
            output.WriteLine($"  {i.Timestamp:yyyy-MM-dd HH:mm}  {i.Channel,-8} {i.Kind,-17} {i.Outcome,-9} {signals}");
        }

        output.WriteLine();
        output.WriteLine("Stage history:");
        foreach (var visit in result.StageHistory)
        {
            var cause = visit.Reason switch
            {
                StageEntryReason.Initial => "journey start",
                StageEntryReason.Inactivity => "inactivity timeout",
                _ => $"{visit.Trigger} ({visit.InteractionId})",
            };
            var days = visit.TimeInStage(asOf).TotalDays.ToString("0.0", CultureInfo.InvariantCulture);
            output.WriteLine($"  {visit.EnteredAt:yyyy-MM-dd HH:mm}  {visit.Stage,-15} {days,7} days   via {cause}");
        }

        output.WriteLine();
        output.WriteLine($"Current stage: {result.CurrentStage} since {result.CurrentStageSince:yyyy-MM-dd}");
        output.WriteLine();
        output.WriteLine("Experience score:");
        output.WriteLine(result.Score?.Explain());
        output.WriteLine();
        output.WriteLine("The journey definition, as Mermaid (paste into any Mermaid viewer):");
        output.WriteLine(journey.ToMermaid());
    }

    private static string Describe(InteractionSignals s) => string.Join(' ', new[]
    {
        s.Csat is { } csat ? $"CSAT {csat}" : null,
        s.Nps is { } nps ? $"NPS {nps}" : null,
        s.Ces is { } ces ? $"CES {ces}" : null,
        s.Wait is { } wait ? $"wait {wait.TotalMinutes:0}min" : null,
        s.Value is { } value ? $"value {value.ToString("0.00", CultureInfo.InvariantCulture)}" : null,
    }.Where(x => x is not null));
}
