using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Scoring;

public sealed class BuiltInScorerTests
{
    [Theory]
    [InlineData(1, 0, "csat_very_dissatisfied")]
    [InlineData(2, 25, "csat_dissatisfied")]
    [InlineData(3, 50, "csat_neutral")]
    [InlineData(4, 75, "csat_satisfied")]
    [InlineData(5, 100, "csat_very_satisfied")]
    public void Csat_maps_1_to_5_linearly_onto_0_to_100(int csat, double expected, string reason)
    {
        var c = Scenario.ScoreAlone(new CsatScorer(), Scenario.Make(0, signals: new InteractionSignals { Csat = csat }));
        Assert.Equal(expected, c.Score, 9);
        Assert.Equal(1, c.Weight);
        Assert.Equal(reason, c.Reason.Code);
    }

    [Theory]
    [InlineData(0, 0, "nps_detractor")]
    [InlineData(3, 20, "nps_detractor")]
    [InlineData(6, 40, "nps_detractor")]
    [InlineData(7, 60, "nps_passive")]
    [InlineData(8, 70, "nps_passive")]
    [InlineData(9, 90, "nps_promoter")]
    [InlineData(10, 100, "nps_promoter")]
    public void Nps_keeps_promoter_passive_detractor_semantics(int nps, double expected, string reason)
    {
        var c = Scenario.ScoreAlone(new NpsScorer(), Scenario.Make(0, signals: new InteractionSignals { Nps = nps }));
        Assert.Equal(expected, c.Score, 9);
        Assert.Equal(reason, c.Reason.Code);
    }

    [Fact]
    public void Every_detractor_answer_is_negative_and_every_passive_or_promoter_answer_is_not()
    {
        for (var nps = 0; nps <= 10; nps++)
        {
            var c = Scenario.ScoreAlone(new NpsScorer(), Scenario.Make(0, signals: new InteractionSignals { Nps = nps }));
            Assert.Equal(nps <= 6, c.IsNegative);
        }
    }

    [Fact]
    public void Survey_scorers_have_no_opinion_without_their_answer()
    {
        var plain = Scenario.Make(0);
        foreach (var scorer in BuiltInScorers.Create())
        {
            Assert.False(Scenario.HasOpinion(scorer, plain), $"{scorer.Name} should have no opinion on a page view without signals");
        }
    }

    [Theory]
    [InlineData(1, 100, "effort_low")]
    [InlineData(4, 50, "effort_moderate")]
    [InlineData(7, 0, "effort_high")]
    public void Ces_maps_low_effort_high(int ces, double expected, string reason)
    {
        var c = Scenario.ScoreAlone(new EffortScorer(), Scenario.Make(0, "survey", signals: new InteractionSignals { Ces = ces }));
        Assert.Equal(expected, c.Score, 9);
        Assert.Equal(1, c.Weight);
        Assert.Equal(reason, c.Reason.Code);
    }

    [Theory]
    [InlineData(60, 100, "wait_short")]     // half the phone expectation of 3 minutes
    [InlineData(180, 70, "wait_as_expected")]
    [InlineData(360, 30, "wait_long")]      // twice the expectation
    [InlineData(720, 0, "wait_very_long")]  // four times
    [InlineData(3600, 0, "wait_very_long")]
    public void Phone_wait_is_judged_against_the_phone_expectation(int seconds, double expected, string reason)
    {
        var call = Scenario.Make(0, "order_status", Channel.Phone, signals: new InteractionSignals { Wait = TimeSpan.FromSeconds(seconds) });
        var c = Scenario.ScoreAlone(new EffortScorer(), call);
        Assert.Equal(expected, c.Score, 9);
        Assert.Equal(0.75, c.Weight);
        Assert.Equal(reason, c.Reason.Code);
    }

    [Fact]
    public void The_same_wait_is_fine_by_email_and_very_long_on_a_chatbot()
    {
        var wait = new InteractionSignals { Wait = TimeSpan.FromMinutes(2) };
        var email = Scenario.ScoreAlone(new EffortScorer(), Scenario.Make(0, "question", Channel.Email, signals: wait));
        var bot = Scenario.ScoreAlone(new EffortScorer(), Scenario.Make(0, "question", Channel.Chatbot, signals: wait));
        Assert.Equal(100, email.Score, 9);
        Assert.Equal(0, bot.Score, 9);
    }

    [Fact]
    public void A_host_can_set_its_own_channel_expectation()
    {
        var effort = new EffortScorer().WithExpectedWait(Channel.Phone, TimeSpan.FromMinutes(10));
        var c = Scenario.ScoreAlone(effort, Scenario.Make(0, "call", Channel.Phone, signals: new InteractionSignals { Wait = TimeSpan.FromMinutes(10) }));
        Assert.Equal(70, c.Score, 9);
        Assert.Equal(TimeSpan.FromMinutes(10), effort.ExpectedWait(Channel.Phone));
        Assert.Equal(TimeSpan.FromMinutes(3), new EffortScorer().ExpectedWait(Channel.Phone));
        Assert.Equal(EffortScorer.DefaultExpectedWait, new EffortScorer().ExpectedWait(new Channel("kiosk")));
    }

    [Fact]
    public void A_second_contact_within_the_window_is_a_repeat_and_a_switch_of_channel_is_effort_too()
    {
        var s = new Scenario()
            .Add(0, "support_request", Channel.Chatbot, InteractionOutcome.Abandoned)
            .Add(0.01, "support_request", Channel.Phone, InteractionOutcome.Succeeded);
        Assert.True(s.TryScoreLatest(new EffortScorer(), out var c));

        // Repeat (30) and switch (35): mean 32.5, min 30 → (32.5 + 30) / 2.
        Assert.Equal(31.25, c.Score, 9);
        Assert.Equal("repeat_contact", c.Reason.Code);
    }

    [Fact]
    public void Three_earlier_contacts_on_the_same_channel_make_effort_zero_without_a_switch()
    {
        var s = new Scenario();
        for (var i = 0; i < 4; i++)
        {
            s.Add(i, "support_request", Channel.Phone);
        }

        Assert.True(s.TryScoreLatest(new EffortScorer(), out var c));
        Assert.Equal(0, c.Score, 9);
        Assert.Equal("repeat_contact", c.Reason.Code);
    }

    [Theory]
    [InlineData(0)] // the other channel is the oldest contact: found only at the end of the window
    [InlineData(3)] // the other channel is the nearest: the scan can stop after three repeats
    public void A_channel_switch_counts_wherever_it_is_among_many_repeats(int chatAt)
    {
        var s = new Scenario();
        for (var i = 0; i < 5; i++)
        {
            s.Add(i * 0.5, "support_request", i == chatAt ? Channel.Chat : Channel.Phone);
        }

        s.Add(2.5, "support_request", Channel.Phone);
        Assert.True(s.TryScoreLatest(new EffortScorer(), out var c));

        // Five repeats (0) and a switch (35): mean 17.5, min 0 → (17.5 + 0) / 2.
        Assert.Equal(8.75, c.Score, 9);
        Assert.Equal("repeat_contact", c.Reason.Code);
    }

    [Fact]
    public void Contacts_outside_the_window_or_about_another_issue_are_not_repeats()
    {
        var outside = new Scenario().Add(0, "support_request", Channel.Phone).Add(8, "support_request", Channel.Phone);
        Assert.False(outside.TryScoreLatest(new EffortScorer(), out _));

        var otherIssue = new Scenario()
            .Add(0, "support_request", Channel.Phone, issue: "order-1")
            .Add(1, "support_request", Channel.Chat, issue: "order-2");
        Assert.False(otherIssue.TryScoreLatest(new EffortScorer(), out _));

        var sameIssue = new Scenario()
            .Add(0, "support_request", Channel.Phone, issue: "order-1")
            .Add(1, "support_request", Channel.Chat, issue: "order-1");
        Assert.True(sameIssue.TryScoreLatest(new EffortScorer(), out var c));
        Assert.Equal("repeat_contact", c.Reason.Code);

        var shortWindow = new Scenario().Add(0, "support_request").Add(2, "support_request");
        Assert.False(shortWindow.TryScoreLatest(new EffortScorer { RepeatWindow = TimeSpan.FromDays(1) }, out _));
    }

    [Fact]
    public void A_repeat_window_longer_than_the_calendar_counts_every_earlier_contact_instead_of_overflowing()
    {
        var contacts = new Scenario().Add(0, "support_request").Add(400, "support_request");
        var effort = new EffortScorer { RepeatWindow = TimeSpan.MaxValue };

        Assert.True(contacts.TryScoreLatest(effort, out var component));
        Assert.Equal("repeat_contact", component.Reason.Code);
    }

    [Fact]
    public void Effort_options_are_validated_with_clear_messages()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EffortScorer { RepeatWindow = TimeSpan.Zero });
        Assert.Contains("RepeatWindow must be positive", e.Message, StringComparison.Ordinal);
        var w = Assert.Throws<ArgumentOutOfRangeException>(() => new EffortScorer().WithExpectedWait(Channel.Phone, TimeSpan.FromSeconds(-1)));
        Assert.Contains("expected wait on 'phone' must be positive", w.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EffortScorer { IssueAttribute = " " });
    }

    [Theory]
    [InlineData("support_request", InteractionOutcome.Failed, 0, 1, "support_unresolved")]
    [InlineData("complaint", InteractionOutcome.Abandoned, 10, 1, "support_abandoned")]
    [InlineData("support_resolved", InteractionOutcome.Succeeded, 85, 0.75, "support_resolved")]
    [InlineData("checkout", InteractionOutcome.Failed, 15, 1, "outcome_failed")]
    [InlineData("add_to_cart", InteractionOutcome.Abandoned, 30, 0.5, "outcome_abandoned")]
    [InlineData("purchase", InteractionOutcome.Succeeded, 75, 0.25, "outcome_succeeded")]
    public void Outcome_weighs_failures_more_than_successes(string kind, InteractionOutcome outcome, double score, double weight, string reason)
    {
        var c = Scenario.ScoreAlone(new OutcomeScorer(), Scenario.Make(0, kind, outcome: outcome));
        Assert.Equal(score, c.Score, 9);
        Assert.Equal(weight, c.Weight, 9);
        Assert.Equal(reason, c.Reason.Code);
    }

    [Fact]
    public void Outcome_has_no_opinion_when_unknown()
    {
        Assert.False(Scenario.HasOpinion(new OutcomeScorer(), Scenario.Make(0, "support_request")));
    }

    [Fact]
    public void Health_says_nothing_about_an_active_customer_or_an_earlier_interaction()
    {
        var s = new Scenario().Csat(0, 4).Csat(10, 4).Csat(20, 4);
        Assert.False(s.TryScoreLatest(new HealthScorer(), out _, s.Last.AddDays(12)));

        var all = s.ToArray();
        var earlier = new ScoringContext(all.AsSpan(0, 1), s.Last.AddDays(400), isLatest: false);
        Assert.False(new HealthScorer().TryScore(all[1], in earlier, out _));
    }

    [Fact]
    public void Health_measures_silence_against_the_customers_own_cadence()
    {
        // Visits every 10 days: a 30-day silence is 3 cadences, a 60-day one 6.
        var s = new Scenario().Add(0).Add(10).Add(20).Add(30);
        Assert.True(s.TryScoreLatest(new HealthScorer(), out var quiet, s.Last.AddDays(30)));
        Assert.Equal(30, quiet.Score, 9);
        Assert.Equal("health_quiet", quiet.Reason.Code);

        Assert.True(s.TryScoreLatest(new HealthScorer(), out var lapsed, s.Last.AddDays(60)));
        Assert.Equal(0, lapsed.Score, 9);
        Assert.Equal("health_lapsed", lapsed.Reason.Code);

        // The same 30 days are nothing for a customer who comes every 30 days.
        var monthly = new Scenario().Add(0).Add(30).Add(60).Add(90);
        Assert.False(monthly.TryScoreLatest(new HealthScorer(), out _, monthly.Last.AddDays(30)));
    }

    [Fact]
    public void Health_counts_bursts_as_one_visit_and_uses_the_default_cadence_for_new_customers()
    {
        var burst = new Scenario().Add(0).Add(0.001).Add(0.002).Add(0.003);
        Assert.False(burst.TryScoreLatest(new HealthScorer(), out _, burst.Last.AddDays(40)));
        Assert.True(burst.TryScoreLatest(new HealthScorer(), out var c, burst.Last.AddDays(90)));
        Assert.Equal(30, c.Score, 9);
        Assert.True(burst.TryScoreLatest(new HealthScorer { DefaultCadence = TimeSpan.FromDays(7) }, out var weekly, burst.Last.AddDays(40)));
        Assert.Equal("health_lapsed", weekly.Reason.Code);
    }

    [Fact]
    public void Health_flags_a_negative_streak()
    {
        var s = new Scenario()
            .Csat(0, 5)
            .Add(1, "support_request", outcome: InteractionOutcome.Failed)
            .Add(1.5)
            .Csat(2, 1);
        Assert.True(s.TryScoreLatest(new HealthScorer(), out var c));
        Assert.Equal(30, c.Score, 9);
        Assert.Equal("health_negative_streak", c.Reason.Code);

        s.Add(3, "checkout", outcome: InteractionOutcome.Abandoned).Add(4, signals: new InteractionSignals { Nps = 2 });
        Assert.True(s.TryScoreLatest(new HealthScorer(), out var longer));
        Assert.Equal(0, longer.Score, 9);
    }

    [Theory]
    [InlineData("Produto excelente, chegou antes do prazo.", true)]
    [InlineData("PRODUTO EXCELENTE", true)]
    [InlineData("otimo, recomendo", true)]
    [InlineData("Ótimo, recomendo", true)]
    [InlineData("ótimooo!!!", true)]
    [InlineData("Não recebi o produto.", false)]
    [InlineData("nao recomendo", false)]
    [InlineData("Recomendo", true)]
    [InlineData("Sem problemas, chegou certinho", true)]
    [InlineData("Comprei dois e só chegou um.", false)]
    [InlineData("Bonito, mas quebrou no primeiro dia.", false)]
    [InlineData("Demorou, mas o produto é excelente.", true)]
    [InlineData("Great service, thank you!", true)]
    [InlineData("The agent was not helpful at all.", false)]
    [InlineData("I didn't like it", false)]
    [InlineData("No problems, works fine", true)]
    [InlineData("Chegou no prazo e conforme anunciado", true)]
    [InlineData("Bom dia, o produto veio faltando peças", false)]
    [InlineData("Adorei 😍", true)]
    [InlineData("👎", false)]
    public void Sentiment_reads_polarity_in_english_and_portuguese(string text, bool positive)
    {
        var c = Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, "review", text: text));
        Assert.True(positive ? c.Score > 50 : c.Score < 50, $"'{text}' scored {c.Score:0.0} ({c.Reason.Code})");
    }

    [Fact]
    public void Sentiment_is_accent_and_case_insensitive_and_negation_flips_it()
    {
        double Score(string text) => Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, text: text)).Score;
        Assert.Equal(Score("ótimo"), Score("OTIMO"), 9);
        Assert.Equal(Score("péssimo atendimento"), Score("pessimo atendimento"), 9);
        Assert.True(Score("muito bom") > Score("bom"));
        Assert.True(Score("not good") < 50);
        Assert.True(Score("good") > 50);
    }

    [Fact]
    public void Sentiment_weight_grows_with_the_evidence_and_reasons_follow_the_polarity()
    {
        var one = Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, text: "bom"));
        var three = Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, text: "excelente, rápido e perfeito"));
        var bad = Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, text: "péssimo, horrível, um lixo"));
        Assert.Equal(0.5, one.Weight);
        Assert.Equal(1, three.Weight);
        Assert.Equal("text_very_positive", three.Reason.Code);
        Assert.Equal("text_very_negative", bad.Reason.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("pedido 12345 rua das flores")]
    public void Sentiment_has_no_opinion_without_sentiment_words(string text)
    {
        Assert.False(Scenario.HasOpinion(new SentimentScorer(), Scenario.Make(0, text: text)));
    }

    [Fact]
    public void Sentiment_survives_long_and_odd_text()
    {
        var text = string.Concat(Enumerable.Repeat("ótimo ", 4000)) + new string('a', 500) + " 🎉🎉 :-) :( \u0000 \uD800";
        var c = Scenario.ScoreAlone(new SentimentScorer(), Scenario.Make(0, text: text));
        Assert.InRange(c.Score, 50, 100);
    }

    [Fact]
    public void Built_in_names_are_unique_lower_case_tokens()
    {
        var names = BuiltInScorers.Create().Select(s => s.Name).ToList();
        Assert.Equal([BuiltInScorers.Csat, BuiltInScorers.Nps, BuiltInScorers.Effort, BuiltInScorers.Outcome, BuiltInScorers.Sentiment, BuiltInScorers.Health], names);
    }
}
