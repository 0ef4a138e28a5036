using CsCheck;
using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Analytics;

public sealed class ChannelMixPropertyTests
{
    private static readonly Channel[] Channels = [Channel.Web, Channel.Chatbot, Channel.Phone, Channel.Chat, Channel.MobileApp, Channel.Email];
    private static readonly string[] Kinds = ["page_view", "support_request", "complaint", "purchase", "call"];
    private static readonly string?[] Touchpoints = [null, "home", "checkout", "help"];
    private static readonly JourneyStage[] Stages = [JourneyStage.Use, JourneyStage.Dormant, JourneyStage.Churned, JourneyStage.Purchase, JourneyStage.RepeatPurchase];

    /// <summary>1–8 customers with 0–8 interactions 0–600 minutes apart (ties included), random channel, kind, touchpoint, CSAT, outcome and mode, and 0–3 stage entries.</summary>
    internal static readonly Gen<Journey[]> Snapshot =
        Gen.Select(
                Gen.Select(Gen.Int[0, 600], Gen.Int[0, Channels.Length - 1], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, Touchpoints.Length - 1], Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[-1, 2]).Array[0, 8],
                Gen.Select(Gen.Int[1, 900], Gen.Int[0, Stages.Length - 1]).Array[0, 3])
            .Array[1, 8]
            .Select(cs => cs.Select((c, n) => ToJourney($"c{n}", c.Item1, c.Item2)).ToArray());

    private static Journey ToJourney(string id, (int Gap, int Channel, int Kind, int Tp, int Csat, int Outcome, int Mode)[] xs, (int Gap, int Stage)[] ss)
    {
        var minute = 0.0;
        var interactions = xs.Select(x =>
        {
            minute += x.Gap;
            return new I(minute, Channels[x.Channel], Kinds[x.Kind], Touchpoints[x.Tp], x.Csat == 0 ? null : x.Csat, (InteractionOutcome)x.Outcome, x.Mode < 0 ? null : (ServiceMode)x.Mode);
        }).ToArray();
        var at = 0.0;
        var stages = ss.Select(s => (at += s.Gap, Stages[s.Stage])).ToArray();
        return J(id, TimeSpan.FromMinutes(1), interactions, stages);
    }

    [Fact]
    public void Mode_shares_sum_to_one_and_containment_plus_escalations_add_up()
    {
        Gen.Select(Snapshot, Gen.Int[0, 2000], Gen.Int[1, 3000], Gen.Int[1, 2000]).Sample((journeys, from, length, window) =>
        {
            var range = new TimeRange(T0.AddMinutes(from), T0.AddMinutes(from + length));
            var r = ChannelMixAnalysis.Analyze(journeys, range, ChannelRegistry.WellKnown, new ChannelMixOptions { ContainmentWindow = TimeSpan.FromMinutes(window), Pipeline = CsatOnly });
            Assert.Equal(journeys.Sum(j => j.Interactions.Count(i => range.Contains(i.Timestamp))), r.Interactions);
            Assert.Equal(r.Interactions, r.Modes.Sum(m => m.Interactions));
            if (r.Interactions > 0)
            {
                Assert.Equal(1, r.Modes.Sum(m => m.Share.Estimate), 9);
            }

            Assert.All(r.Modes, m => Assert.InRange(m.Share.Estimate, 0, 1));
            Assert.InRange(r.Containment.Estimate, 0, 1);
            Assert.Equal(r.Containment.Trials, r.ContainmentByChannel.Sum(c => c.Contained.Trials));
            Assert.Equal(r.Containment.Successes, r.ContainmentByChannel.Sum(c => c.Contained.Successes));
            Assert.Equal(r.Containment.Trials - r.Containment.Successes, r.Escalations.Sum(e => e.Count));
            Assert.All(r.Scores, s => Assert.InRange(s.MeanScore, 0, 100));
        });
    }
}
