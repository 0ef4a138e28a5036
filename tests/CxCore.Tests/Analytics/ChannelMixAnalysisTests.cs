using CxCore.Analytics;
using CxCore.Domain;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Analytics;

public sealed class ChannelMixAnalysisTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Times in minutes; the default window is 24 h = 1440 min.</summary>
    private static Journey[] Snapshot() =>
    [
        // a: chatbot support request (CSAT 2), then a phone call 30 min later → escalated chatbot → phone. The phone support request is assisted: not a contact.
        J("a", Minute, [new(0, Channel.Chatbot, "support_request", Csat: 2), new(30, Channel.Phone, "support_request", Csat: 5)]),
        // b: web contact form, chat exactly 24 h later → escalated (window end inclusive).
        J("b", Minute, [new(0, Channel.Web, "contact"), new(1440, Channel.Chat, "chat_message")]),
        // c: app complaint, phone 1 min after the window → contained.
        J("c", Minute, [new(0, Channel.MobileApp, "complaint"), new(1441, Channel.Phone, "call")]),
        // d: chatbot request (CSAT 4), then self-service only (a store kiosk marked self-service) → contained.
        J("d", Minute, [new(0, Channel.Chatbot, "support_request", Csat: 4), new(10, Channel.Web, "page_view"), new(20, Channel.Store, "kiosk", Mode: ServiceMode.SelfService)]),
        // e: an assisted page view (co-browsing): not a support kind.
        J("e", Minute, [new(0, Channel.Web, "page_view", Mode: ServiceMode.Assisted)]),
    ];

    private static readonly TimeRange Range = new(T0, T0.AddMinutes(2000));

    [Fact]
    public void Mode_shares_use_the_interaction_mode_else_the_channel_default()
    {
        var r = ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown);
        Assert.Equal(10, r.Interactions);
        Assert.Equal([ServiceMode.SelfService, ServiceMode.Assisted, ServiceMode.Automated], r.Modes.Select(m => m.Mode));
        Assert.Equal([4, 4, 2], r.Modes.Select(m => m.Interactions));
        Assert.Equal([0.4, 0.4, 0.2], r.Modes.Select(m => m.Share.Estimate));
    }

    [Fact]
    public void Containment_and_escalations_hand_computed()
    {
        var r = ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown);
        Assert.Equal((2, 4), (r.Containment.Successes, r.Containment.Trials));
        Assert.Equal(["chatbot", "app", "web"], r.ContainmentByChannel.Select(c => c.Channel.Name));
        Assert.Equal([(1, 2), (1, 1), (0, 1)], r.ContainmentByChannel.Select(c => (c.Contained.Successes, c.Contained.Trials)));
        Assert.Equal(
            [new EscalationPath(Channel.Chatbot, Channel.Phone, 1), new EscalationPath(Channel.Web, Channel.Chat, 1)],
            r.Escalations);
        Assert.Empty(r.Scores);
    }

    [Fact]
    public void A_shorter_window_contains_more()
    {
        var r = ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown, new ChannelMixOptions { ContainmentWindow = TimeSpan.FromMinutes(30) });
        Assert.Equal((3, 4), (r.Containment.Successes, r.Containment.Trials)); // a's phone call at exactly +30 min still escalates
        Assert.Equal([new EscalationPath(Channel.Chatbot, Channel.Phone, 1)], r.Escalations);
    }

    [Fact]
    public void Range_is_half_open_but_follow_ups_after_it_count()
    {
        var r = ChannelMixAnalysis.Analyze(Snapshot(), new TimeRange(T0, T0.AddMinutes(1440)), ChannelRegistry.WellKnown);
        Assert.Equal(8, r.Interactions); // b's chat at 1440 and c's call at 1441 are out
        Assert.Equal(2, r.Modes[1].Interactions);
        Assert.Equal((2, 4), (r.Containment.Successes, r.Containment.Trials)); // b still escalates to the chat outside the range
    }

    [Fact]
    public void Mean_score_per_channel_when_a_pipeline_is_given()
    {
        var r = ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown, new ChannelMixOptions { Pipeline = CsatOnly });
        Assert.Equal([new ChannelScore(Channel.Chatbot, 2, 50), new ChannelScore(Channel.Phone, 1, 100)], r.Scores);
    }

    [Fact]
    public void Filter_and_custom_classifier_apply()
    {
        var classifier = CxCore.Journeys.InteractionClassifier.Default.With("page_view", JourneyTrigger.SupportRequested);
        var r = ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown, new ChannelMixOptions { Classifier = classifier }, new AnalyticsFilter
        {
            Customers = j => j.CustomerId.Value == "d",
        });
        Assert.Equal(3, r.Interactions);
        Assert.Equal((2, 2), (r.Containment.Successes, r.Containment.Trials)); // chatbot request and the web page view
    }

    [Fact]
    public void Empty_snapshot_and_bad_arguments()
    {
        var r = ChannelMixAnalysis.Analyze([], Range, ChannelRegistry.WellKnown);
        Assert.Equal(0, r.Interactions);
        Assert.All(r.Modes, m => Assert.Equal(0, m.Share.Trials));
        Assert.Equal(0, r.Containment.Trials);
        Assert.Throws<ArgumentNullException>(() => ChannelMixAnalysis.Analyze(Snapshot(), Range, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelMixOptions { ContainmentWindow = TimeSpan.FromTicks(-1) });
        Assert.Throws<ArgumentException>(() => ChannelMixAnalysis.Analyze([J("u", Minute, [new(0, new Channel("fax"))])], Range, ChannelRegistry.WellKnown));
    }
}
