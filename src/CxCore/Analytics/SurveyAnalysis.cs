using System.Globalization;
using CxCore.Domain;

namespace CxCore.Analytics;

/// <summary>
/// NPS, CSAT and CES over a snapshot of journeys: a pure function of the journeys, a time range, a filter, an optional
/// breakdown and an optional bucket width. Every answered interaction counts once per metric it answers (responses,
/// not customers: a customer who answers twice counts twice).
/// </summary>
public static class SurveyAnalysis
{
    /// <summary>Computes the survey metrics.</summary>
    /// <param name="journeys">The snapshot.</param>
    /// <param name="range">Only interactions inside <c>[From, To)</c> count.</param>
    /// <param name="filter">Which customers and interactions to look at; null keeps everything.</param>
    /// <param name="breakdown">How to group the answers (by the answering interaction), or null.</param>
    /// <param name="bucket">The width of trend buckets, or null for no trend.</param>
    /// <returns>The metrics in total, per group and over time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bucket"/> is undefined.</exception>
    /// <example><code>var m = SurveyAnalysis.Compute(snapshot, range, breakdown: Breakdown.ByChannel, bucket: TimeBucket.IsoWeek);</code></example>
    public static SurveyMetricsResult Compute(IEnumerable<Journey> journeys, TimeRange range, AnalyticsFilter? filter = null, Breakdown? breakdown = null, TimeBucket? bucket = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        if (bucket is { } b && !Enum.IsDefined(b))
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), b, "bucket must be Day, IsoWeek or Month.");
        }

        filter ??= AnalyticsFilter.All;
        var answers = new List<Interaction>();
        foreach (var journey in journeys)
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            if (filter.Keeps(journey))
            {
                answers.AddRange(journey.Interactions.Where(i => range.Contains(i.Timestamp) && HasAnswer(i) && filter.Keeps(i)));
            }
        }

        var total = Summarize(FunnelAnalysis.AllKey, answers);
        IReadOnlyList<SurveySummary> groups = breakdown is null
            ? []
            : [.. answers.GroupBy(breakdown.KeyOf, StringComparer.Ordinal).Select(g => Summarize(g.Key, g)).OrderByDescending(s => s.Responses).ThenBy(s => s.Key, StringComparer.Ordinal)];
        IReadOnlyList<SurveyTrendPoint> trend = bucket is { } width ? Trend(answers, range, width) : [];
        return new SurveyMetricsResult(range, total, groups, trend);
    }

    /// <summary>The start (UTC) of the bucket holding <paramref name="instant"/>.</summary>
    /// <param name="instant">Any instant.</param>
    /// <param name="bucket">The bucket width.</param>
    /// <returns>Midnight UTC of the day, of the ISO week's Monday, or of the month's first day.</returns>
    public static DateTimeOffset BucketStart(DateTimeOffset instant, TimeBucket bucket)
    {
        var day = instant.UtcDateTime.Date;
        var start = bucket switch
        {
            TimeBucket.Day => day,
            TimeBucket.IsoWeek => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            TimeBucket.Month => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "bucket must be Day, IsoWeek or Month."),
        };
        return new DateTimeOffset(start, TimeSpan.Zero);
    }

    private static DateTimeOffset Next(DateTimeOffset start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Day => start.AddDays(1),
        TimeBucket.IsoWeek => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    private static List<SurveyTrendPoint> Trend(List<Interaction> answers, TimeRange range, TimeBucket bucket)
    {
        var byBucket = answers.ToLookup(i => BucketStart(i.Timestamp, bucket));
        var points = new List<SurveyTrendPoint>();
        for (var start = BucketStart(range.From, bucket); start < range.To; start = Next(start, bucket))
        {
            var key = start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            points.Add(new SurveyTrendPoint(start, Next(start, bucket), Summarize(key, byBucket[start])));
        }

        return points;
    }

    private static bool HasAnswer(Interaction i) => i.Signals.Nps is not null || i.Signals.Csat is not null || i.Signals.Ces is not null;

    private static SurveySummary Summarize(string key, IEnumerable<Interaction> answers)
    {
        int promoters = 0, passives = 0, detractors = 0, csatN = 0, csatTop = 0, csatSum = 0, cesN = 0, cesSum = 0, responses = 0;
        var csatCounts = new int[CsatResult.Scale];
        foreach (var i in answers)
        {
            responses++;
            switch (i.Signals.Nps)
            {
                case >= 9: promoters++; break;
                case >= 7: passives++; break;
                case not null: detractors++; break;
            }

            if (i.Signals.Csat is { } csat)
            {
                csatN++;
                csatSum += csat;
                csatTop += csat >= 4 ? 1 : 0;
                csatCounts[csat - 1]++;
            }

            if (i.Signals.Ces is { } ces)
            {
                cesN++;
                cesSum += ces;
            }
        }

        return new SurveySummary(
            key,
            NpsResult.Of(promoters, passives, detractors),
            new CsatResult(csatN, csatN == 0 ? null : (double)csatSum / csatN, Proportion.Of(csatTop, csatN)) { Counts = csatCounts },
            new CesResult(cesN, cesN == 0 ? null : (double)cesSum / cesN))
        { Responses = responses };
    }
}
