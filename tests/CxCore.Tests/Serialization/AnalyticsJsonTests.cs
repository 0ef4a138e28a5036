using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CxCore.Analytics;
using CxCore.Domain;
using CxCore.Serialization;
using CxCore.Tests.Analytics;
using static CxCore.Tests.Analytics.PainPointAnalysisTests;

namespace CxCore.Tests.Serialization;

/// <summary>Every analytics result serialises through <see cref="CxJsonContext"/>'s generated metadata (no reflection) and reads back.</summary>
public sealed class AnalyticsJsonTests
{
    private static readonly TimeRange Range = new(T0, T0.AddDays(30));

    /// <summary>Three customers with touchpoints, channels, surveys, support contacts and stage entries.</summary>
    private static Journey[] Snapshot() =>
    [
        new JourneyBuilder("a").Do(0, "page_view").Do(10, "add_to_cart").Enter(10, JourneyStage.Consideration, byLastInteraction: true)
            .Do(20, "support_request", Channel.Chatbot).Do(30, "call", Channel.Phone).Survey(40, nps: 9, csat: 5, ces: 2)
            .Enter(50, JourneyStage.Purchase).Build(),
        new JourneyBuilder("b").Do(0, "page_view").Enter(5, JourneyStage.Support).Survey(60, nps: 3, csat: 2).Build(),
        J("c", TimeSpan.FromDays(1), [new(1, Channel.Web, Tp: "checkout", Csat: 2), new(2, Channel.Web, Tp: "home", Csat: 5)], (3, JourneyStage.Dormant)),
    ];

    /// <summary>Serialises with the context's type info, checks it is an object, and — when readable — that it reads back to the same JSON.</summary>
    private static JsonNode RoundTrip<T>(T value, JsonTypeInfo<T> info, bool readable = true)
    {
        var json = JsonSerializer.Serialize(value, info);
        if (readable)
        {
            var back = JsonSerializer.Deserialize(json, info);
            Assert.Equal(json, JsonSerializer.Serialize(back!, info));
        }

        return JsonNode.Parse(json)!;
    }

    [Fact]
    public void Context_uses_generated_metadata_only()
    {
        Assert.False(CxJsonContext.Default.Options.TypeInfoResolver is DefaultJsonTypeInfoResolver);
        Assert.NotNull(CxJsonContext.Default.GetTypeInfo(typeof(DriverResult)));
    }

    [Fact]
    public void Proportion_difference_and_range()
    {
        var p = RoundTrip(Proportion.Of(8, 10), CxJsonContext.Default.Proportion);
        Assert.Equal((8, 10, 0.8), ((int)p["successes"]!, (int)p["trials"]!, (double)p["estimate"]!));
        Assert.Equal(0.4902, (double)p["lower"]!, 4);
        Assert.Equal(Proportion.Of(8, 10), JsonSerializer.Deserialize("""{"trials":10,"successes":8}""", CxJsonContext.Default.Proportion));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"successes":11,"trials":10}""", CxJsonContext.Default.Proportion));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"successes":1.5,"trials":10}""", CxJsonContext.Default.Proportion));

        var d = RoundTrip(ProportionDifference.Of(Proportion.Of(56, 70), Proportion.Of(48, 80)), CxJsonContext.Default.ProportionDifference);
        Assert.Equal(0.0524, (double)d["lower"]!, 4);
        Assert.Equal(0.3339, (double)d["upper"]!, 4);

        var r = RoundTrip(Range, CxJsonContext.Default.TimeRange);
        Assert.Equal("2024-03-04T00:00:00+00:00", (string)r["from"]!);
        Assert.Equal(Range, JsonSerializer.Deserialize(r.ToJsonString(), CxJsonContext.Default.TimeRange));
    }

    [Fact]
    public void Funnel_result_is_written_with_a_description_of_its_definition()
    {
        var funnel = new FunnelDefinition([FunnelStep.Kind("page_view"), FunnelStep.Kind("add_to_cart")], TimeSpan.FromHours(1))
        {
            Exclusions = [new FunnelExclusion(FunnelStep.Channel(Channel.Phone), afterStep: 0)],
            Breakdown = Breakdown.ByChannel,
        };
        var result = FunnelAnalysis.Analyze(Snapshot(), funnel, Range);
        var json = RoundTrip(result, CxJsonContext.Default.FunnelResult, readable: false);
        Assert.Equal(["kind:page_view", "kind:add_to_cart"], json["definition"]!["steps"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("01:00:00", (string)json["definition"]!["window"]!);
        Assert.Equal("Ordered", (string)json["definition"]!["mode"]!);
        Assert.Equal(0, (int)json["definition"]!["exclusions"]![0]!["afterStep"]!);
        Assert.Equal("channel", (string)json["definition"]!["breakdown"]!);
        var step = json["total"]!["steps"]![1]!;
        Assert.Equal((2, 1, 1), ((int)step["entered"]!, (int)step["converted"]!, (int)step["dropped"]!));
        Assert.Equal("00:10:00", (string)step["medianTimeToConvert"]!);
        Assert.Equal(1, (int)step["conversion"]!["successes"]!);
        Assert.Equal(2, (int)json["total"]!["customers"]!);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize(json.ToJsonString(), CxJsonContext.Default.FunnelResult));
    }

    [Fact]
    public void Stage_results()
    {
        var distribution = RoundTrip(StageAnalysis.Distribution(Snapshot(), JourneyBuilder.At(45)), CxJsonContext.Default.StageDistribution);
        Assert.Equal(3, (int)distribution["customers"]!);
        Assert.Contains(distribution["stages"]!.AsArray(), s => (string)s!["stage"]! == "Consideration" && (int)s["customers"]! == 1);

        var times = RoundTrip(StageAnalysis.TimeInStage(Snapshot(), Range), CxJsonContext.Default.StageTimeResult);
        Assert.Contains(times["stages"]!.AsArray(), s => (string)s!["stage"]! == "Consideration" && (string)s["median"]! == "00:40:00");

        var matrix = RoundTrip(StageAnalysis.Transitions(Snapshot(), Range), CxJsonContext.Default.StageTransitionMatrix);
        var cell = matrix["rows"]!.AsArray().SelectMany(r => r!["to"]!.AsArray()).First(c => (string)c!["to"]! == "Purchase")!;
        Assert.Equal(("Consideration", 1, 1, 0), ((string)cell["from"]!, (int)cell["count"]!, (int)cell["byTrigger"]!, (int)cell["other"]!));

        var stuck = StageAnalysis.Stuck(Snapshot(), JourneyBuilder.At(600), new Dictionary<JourneyStage, TimeSpan> { [JourneyStage.Support] = TimeSpan.FromHours(1) });
        var list = RoundTrip(stuck, CxJsonContext.Default.IReadOnlyListStuckCustomer).AsArray();
        var b = Assert.Single(list)!;
        Assert.Equal(("b", "Support", "ConfiguredLimit", "01:00:00"), ((string)b["customerId"]!, (string)b["stage"]!, (string)b["rule"]!, (string)b["threshold"]!));
    }

    [Fact]
    public void Pain_points_channel_mix_and_surveys()
    {
        var pain = RoundTrip(PainPointAnalysis.Analyze(Snapshot(), Range, CsatOnly), CxJsonContext.Default.PainPointResult);
        var checkout = pain["touchpoints"]!.AsArray().First(t => (string)t!["touchpoint"]! == "checkout")!;
        Assert.Null(checkout["channel"]); // null members are left out
        Assert.Equal((1, 25.0), ((int)checkout["volume"]!, (double)checkout["meanScore"]!));
        Assert.Equal(1, (int)checkout["hit"]!["censored"]!); // c's window (day 1 to 31) ends after the data (day 3)
        Assert.Equal(0, (int)checkout["hit"]!["lapsed"]!["trials"]!);
        Assert.Equal(0, (int)checkout["hit"]!["observed"]!);
        Assert.Equal("30.00:00:00", (string)pain["followUpWindow"]!);
        Assert.Contains(pain["channels"]!.AsArray(), c => (string)c!["channel"]! == "chatbot");

        var mix = RoundTrip(ChannelMixAnalysis.Analyze(Snapshot(), Range, ChannelRegistry.WellKnown), CxJsonContext.Default.ChannelMixResult);
        Assert.Equal(["SelfService", "Assisted", "Automated"], mix["modes"]!.AsArray().Select(m => (string)m!["mode"]!));
        Assert.Equal(("chatbot", "phone", 1), ((string)mix["escalations"]![0]!["from"]!, (string)mix["escalations"]![0]!["to"]!, (int)mix["escalations"]![0]!["count"]!));

        var survey = RoundTrip(SurveyAnalysis.Compute(Snapshot(), Range, bucket: TimeBucket.Day), CxJsonContext.Default.SurveyMetricsResult);
        Assert.Equal((2, 1, 1, 0.0), ((int)survey["total"]!["nps"]!["responses"]!, (int)survey["total"]!["nps"]!["promoters"]!, (int)survey["total"]!["nps"]!["detractors"]!, (double)survey["total"]!["nps"]!["score"]!));
        Assert.Equal((4, 2), ((int)survey["total"]!["csat"]!["topTwoBox"]!["trials"]!, (int)survey["total"]!["csat"]!["topTwoBox"]!["successes"]!)); // 5, 2, 2, 5
        Assert.Equal([0, 2, 0, 0, 2], survey["total"]!["csat"]!["counts"]!.AsArray().Select(c => (int)c!));
    }

    [Theory]
    [InlineData("[0,0,0,0]", "5 entries")]
    [InlineData("[0,0,0,0,0,0]", "5 entries")]
    [InlineData("[0,0,-1,0,0]", "entry 2")]
    [InlineData("[0,0,1.5,0,0]", "entry 2")]
    [InlineData("\"5\"", "JSON array")]
    public void Bad_csat_counts_fail_as_a_JsonException_naming_the_problem(string counts, string expected)
    {
        var json = $$"""{"responses":1,"mean":3,"topTwoBox":{"successes":0,"trials":1},"counts":{{counts}}}""";

        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, CxJsonContext.Default.CsatResult));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Driver_result()
    {
        var journeys = Enumerable.Range(0, 12).Select(c => J($"d{c}", TimeSpan.FromDays(1), [new(1, Channel.Web, Tp: "app", Csat: 1 + (c % 5)), new(2, Channel.Web, Tp: "web", Csat: 1 + ((c * 3) % 5)), new(3, Channel.Web, Tp: "rare", Csat: c < 2 ? 3 : null)])).ToList();
        var result = DriverAnalysis.Analyze(journeys, Range, options: new DriverOptions { MinimumCustomers = 5, Pipeline = CsatOnly });
        var json = RoundTrip(result, CxJsonContext.Default.DriverResult);
        Assert.Equal(12, (int)json["customers"]!);
        Assert.Equal(result.RSquared!.Value, (double)json["rSquared"]!, 15);
        var top = json["drivers"]![0]!;
        Assert.Equal((result.Drivers[0].Touchpoint.Value, 1), ((string)top["touchpoint"]!, (int)top["rank"]!));
        Assert.Equal(result.Drivers[0].RelativeWeight, (double)top["relativeWeight"]!, 15);
        Assert.Equal(12, (int)top["coverage"]!["trials"]!);
        var rare = json["excluded"]![0]!;
        Assert.Equal(("rare", 2, "TooFewCustomers"), ((string)rare["touchpoint"]!, (int)rare["customers"]!, (string)rare["reason"]!));
        var back = JsonSerializer.Deserialize(json.ToJsonString(), CxJsonContext.Default.DriverResult)!;
        Assert.Equal(result.Drivers, back.Drivers);
        Assert.Equal(result.Excluded, back.Excluded);
    }
}
