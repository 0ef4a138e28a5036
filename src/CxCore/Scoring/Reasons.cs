namespace CxCore.Scoring;

/// <summary>The reasons the built-in scorers give, created once so that scoring does not allocate. Listed in docs/scoring.md.</summary>
internal static class Reasons
{
    public static readonly ScoreReason CsatVerySatisfied = new("csat_very_satisfied", "Very satisfied (CSAT 5)");
    public static readonly ScoreReason CsatSatisfied = new("csat_satisfied", "Satisfied (CSAT 4)");
    public static readonly ScoreReason CsatNeutral = new("csat_neutral", "Neither satisfied nor dissatisfied (CSAT 3)");
    public static readonly ScoreReason CsatDissatisfied = new("csat_dissatisfied", "Dissatisfied (CSAT 2)");
    public static readonly ScoreReason CsatVeryDissatisfied = new("csat_very_dissatisfied", "Very dissatisfied (CSAT 1)");

    public static readonly ScoreReason NpsPromoter = new("nps_promoter", "Promoter (NPS 9-10)");
    public static readonly ScoreReason NpsPassive = new("nps_passive", "Passive (NPS 7-8)");
    public static readonly ScoreReason NpsDetractor = new("nps_detractor", "Detractor (NPS 0-6)");

    public static readonly ScoreReason EffortLow = new("effort_low", "Low effort (CES 1-2)");
    public static readonly ScoreReason EffortModerate = new("effort_moderate", "Moderate effort (CES 3-4)");
    public static readonly ScoreReason EffortHigh = new("effort_high", "High effort (CES 5-7)");
    public static readonly ScoreReason WaitShort = new("wait_short", "Served quickly (wait under half the channel's expectation)");
    public static readonly ScoreReason WaitAsExpected = new("wait_as_expected", "Wait within the channel's expectation");
    public static readonly ScoreReason WaitLong = new("wait_long", "Long wait (up to twice the channel's expectation)");
    public static readonly ScoreReason WaitVeryLong = new("wait_very_long", "Very long wait (more than twice the channel's expectation)");
    public static readonly ScoreReason RepeatContact = new("repeat_contact", "Contacted again about the same issue within the repeat window");
    public static readonly ScoreReason ChannelSwitch = new("channel_switch", "Had to switch channel for the same issue");

    public static readonly ScoreReason OutcomeSucceeded = new("outcome_succeeded", "Got what they came for");
    public static readonly ScoreReason OutcomeFailed = new("outcome_failed", "The interaction failed");
    public static readonly ScoreReason OutcomeAbandoned = new("outcome_abandoned", "Gave up before the end");
    public static readonly ScoreReason SupportResolved = new("support_resolved", "Support request resolved");
    public static readonly ScoreReason SupportUnresolved = new("support_unresolved", "Support request left unresolved");
    public static readonly ScoreReason SupportAbandoned = new("support_abandoned", "Gave up on a support request");

    public static readonly ScoreReason TextVeryPositive = new("text_very_positive", "Very positive words");
    public static readonly ScoreReason TextPositive = new("text_positive", "Positive words");
    public static readonly ScoreReason TextMixed = new("text_mixed", "Mixed words");
    public static readonly ScoreReason TextNegative = new("text_negative", "Negative words");
    public static readonly ScoreReason TextVeryNegative = new("text_very_negative", "Very negative words");

    public static readonly ScoreReason HealthQuiet = new("health_quiet", "Quieter than the customer's usual cadence");
    public static readonly ScoreReason HealthLapsed = new("health_lapsed", "Silent for far longer than the customer's usual cadence");
    public static readonly ScoreReason HealthNegativeStreak = new("health_negative_streak", "Several bad experiences in a row");
}
