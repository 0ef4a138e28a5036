using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Estimates churn risk at the customer's latest interaction, as of the scoring instant, from two signals:
/// <list type="bullet">
/// <item>silence against the customer's own cadence: the cadence is the average time between their visits (bursts
/// less than an hour apart count as one visit; at least 1 day; <see cref="DefaultCadence"/> until there are three
/// visits). Silent for up to 1.5 cadences → no opinion; 1.5 → 45, 3 → 30 (<c>health_quiet</c>); 6 or more → 0
/// (<c>health_lapsed</c>), linear in between;</item>
/// <item>a negative streak: the latest interactions that carry a signal were negative (failed or abandoned, CSAT 1–2,
/// NPS 0–6 or CES 5–7) — two in a row → 30, three → 15, four or more → 0 (<c>health_negative_streak</c>).</item>
/// </list>
/// The component is the lower of the two, weight 1. Being active as usual is not evidence of a good experience, so a
/// healthy customer gets no opinion from this scorer; nor does any interaction but the latest.
/// </summary>
public sealed class HealthScorer : IInteractionScorer
{
    /// <summary>Interactions further apart than this belong to different sessions (visits) when the cadence is measured.</summary>
    internal static readonly TimeSpan SessionGap = TimeSpan.FromHours(1);

    private static readonly long SessionGapTicks = SessionGap.Ticks;
    private static readonly long MinimumCadenceTicks = TimeSpan.FromDays(1).Ticks;

    /// <inheritdoc/>
    public string Name => BuiltInScorers.Health;

    /// <summary>The cadence assumed for a customer with fewer than three visits. Default 30 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan DefaultCadence
    {
        get;
        init => field = ScoringGuards.Positive(value, nameof(DefaultCadence), "30 days");
    } = TimeSpan.FromDays(30);

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        component = default;
        if (!context.IsLatest)
        {
            return false;
        }

        var earlier = context.Earlier;
        var score = double.PositiveInfinity;
        ScoreReason? reason = null;

        var silence = context.AsOf.UtcTicks - interaction.UtcTicks;
        var ratio = silence / (double)Cadence(interaction, earlier, context.Known?.SessionGaps);
        if (ratio > 1.5)
        {
            (score, reason) = ratio switch
            {
                <= 3 => (45 - (10 * (ratio - 1.5)), Reasons.HealthQuiet),
                <= 6 => (30 - (10 * (ratio - 3)), Reasons.HealthLapsed),
                _ => (0.0, Reasons.HealthLapsed),
            };
        }

        var streak = context.Known?.NegativeStreak ?? NegativeStreak(interaction, earlier);
        if (streak >= 2)
        {
            double streakScore = streak switch { 2 => 30, 3 => 15, _ => 0 };
            if (streakScore < score)
            {
                (score, reason) = (streakScore, Reasons.HealthNegativeStreak);
            }
        }

        if (reason is null)
        {
            return false;
        }

        component = new ScoreComponent(score, 1, reason);
        return true;
    }

    private long Cadence(InteractionView latest, InteractionHistory earlier, int? knownGaps)
    {
        var latestTicks = latest.UtcTicks;
        var gaps = knownGaps ?? CountGaps(latestTicks, earlier);
        if (gaps < 2)
        {
            return DefaultCadence.Ticks;
        }

        return Math.Max(MinimumCadenceTicks, (latestTicks - earlier.UtcTicksAt(0)) / gaps);
    }

    /// <summary>Whether two consecutive instants (UTC ticks, in time order) are in different sessions.</summary>
    internal static bool IsSessionGap(long beforeTicks, long afterTicks) => afterTicks - beforeTicks > SessionGapTicks;

    /// <summary>How many consecutive pairs of <paramref name="ordered"/> (in time order) are in different sessions.</summary>
    internal static int CountSessionGaps(InteractionHistory ordered)
    {
        var gaps = 0;
        for (var i = 1; i < ordered.Length; i++)
        {
            gaps += IsSessionGap(ordered.UtcTicksAt(i - 1), ordered.UtcTicksAt(i)) ? 1 : 0;
        }

        return gaps;
    }

    private static int CountGaps(long latestTicks, InteractionHistory earlier) =>
        earlier.IsEmpty ? 0 : CountSessionGaps(earlier) + (IsSessionGap(earlier.UtcTicksAt(earlier.Length - 1), latestTicks) ? 1 : 0);

    /// <summary>How many negative interactions end the journey <paramref name="earlier"/> + <paramref name="latest"/> (neutral ones skipped).</summary>
    internal static int NegativeStreak(InteractionView latest, InteractionHistory earlier)
    {
        var streak = 0;
        for (var i = earlier.Length; i >= 0; i--)
        {
            var interaction = i == earlier.Length ? latest : earlier[i];
            switch (Polarity(interaction))
            {
                case < 0:
                    streak++;
                    break;
                case > 0:
                    return streak;
            }
        }

        return streak;
    }

    /// <summary>-1 for a bad moment, +1 for a good one, 0 for neither (a negative streak skips those).</summary>
    internal static int Polarity(InteractionView interaction)
    {
        var (csat, nps, ces) = (interaction.Csat, interaction.Nps, interaction.Ces);
        if (interaction.Outcome is InteractionOutcome.Failed or InteractionOutcome.Abandoned
            || csat <= 2 || nps <= 6 || ces >= 5)
        {
            return -1;
        }

        return interaction.Outcome == InteractionOutcome.Succeeded || csat >= 4 || nps >= 9 || ces <= 3 ? 1 : 0;
    }
}
