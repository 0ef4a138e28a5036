using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;

namespace CxCore.Tests.Analytics;

public sealed class StagePropertyTests
{
    private static readonly JourneyStage[] Stages = [JourneyStage.Awareness, JourneyStage.Consideration, JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Dormant];

    /// <summary>1–8 customers, each starting at minute 0–100 with 0–8 further entries 0–60 minutes apart (ties included).</summary>
    private static readonly Gen<Journey[]> Snapshot =
        Gen.Select(Gen.Int[0, 100], Gen.Select(Gen.Int[0, 60], Gen.Int[0, Stages.Length - 1], Gen.Bool).Array[0, 8], Gen.Int[0, Stages.Length - 1])
            .Array[1, 8]
            .Select(customers => customers.Select((c, i) => ToJourney($"c{i}", c.Item1, c.Item3, c.Item2)).ToArray());

    private static Journey ToJourney(string id, int start, int firstStage, (int Gap, int Stage, bool Inactivity)[] entries)
    {
        var minute = (double)start;
        var list = new List<(double, JourneyStage, bool)> { (minute, Stages[firstStage], false) };
        foreach (var (gap, stage, inactivity) in entries)
        {
            minute += gap;
            list.Add((minute, Stages[stage], inactivity));
        }

        return StageAnalysisTests.J(id, [.. list]);
    }

    [Fact]
    public void Distribution_counts_sum_to_the_journeys_with_a_visit_at_the_instant()
    {
        Gen.Select(Snapshot, Gen.Int[-10, 600]).Sample((journeys, minute) =>
        {
            var asOf = JourneyBuilder.At(minute);
            var d = StageAnalysis.Distribution(journeys, asOf);
            var started = journeys.Count(j => j.StageHistory[0].EnteredAt <= asOf);
            Assert.Equal(started, d.Customers);
            Assert.Equal(started, d.Stages.Sum(s => s.Customers));
            Assert.Equal(journeys.SelectMany(j => j.StageHistory).Select(v => v.Stage).Distinct().Count(), d.Stages.Count);
            Assert.True(d.Stages.Zip(d.Stages.Skip(1)).All(p => p.First.Customers >= p.Second.Customers));
        });
    }

    [Fact]
    public void Matrix_total_is_the_number_of_entries_in_the_range_and_rows_and_cells_add_up()
    {
        Gen.Select(Snapshot, Gen.Int[0, 400], Gen.Int[1, 400]).Sample((journeys, from, length) =>
        {
            var range = new TimeRange(JourneyBuilder.At(from), JourneyBuilder.At(from + length));
            var m = StageAnalysis.Transitions(journeys, range);
            var entries = journeys.Sum(j => j.StageHistory.Skip(1).Count(v => range.Contains(v.EnteredAt)));
            Assert.Equal(entries, m.Entries);
            Assert.Equal(entries, m.Rows.Sum(r => r.Total));
            foreach (var row in m.Rows)
            {
                Assert.Equal(row.Total, row.To.Sum(c => c.Count));
                Assert.All(row.To, c => Assert.Equal(0, c.Other));
            }

            var t = StageAnalysis.TimeInStage(journeys, range);
            Assert.Equal(journeys.Sum(j => j.StageHistory.Count(v => v.ExitedAt is { } e && range.Contains(e))), t.Stages.Sum(s => s.Visits));
            Assert.All(t.Stages, s => Assert.True(s.Median <= s.P90));
        });
    }

    [Fact]
    public void Stuck_customers_are_in_their_current_stage_longer_than_the_threshold()
    {
        Gen.Select(Snapshot, Gen.Int[0, 600]).Sample((journeys, minute) =>
        {
            var asOf = JourneyBuilder.At(minute);
            var stuck = StageAnalysis.Stuck(journeys, asOf);
            var current = StageAnalysis.Distribution(journeys, asOf);
            foreach (var s in stuck)
            {
                Assert.True(s.TimeInStage > s.Threshold);
                Assert.Equal(asOf - s.Since, s.TimeInStage);
                Assert.Equal(StuckRule.P90OfCompletedVisits, s.Rule);
            }

            Assert.True(stuck.Count <= current.Customers);
            Assert.True(stuck.Zip(stuck.Skip(1)).All(p => p.First.TimeInStage >= p.Second.TimeInStage));
        });
    }
}
