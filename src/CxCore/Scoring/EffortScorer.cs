using System.Collections.Frozen;
using System.Globalization;
using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores how hard the customer had to work, from up to four signals, each mapped to 0–100:
/// <list type="bullet">
/// <item>the CES answer (1 → 100 … 7 → 0);</item>
/// <item>the wait against the channel's expectation (<see cref="ExpectedWait"/>): up to half of it → 100, at it → 70,
/// twice it → 30, four times it or more → 0, linear in between;</item>
/// <item>for contacts, repeat contacts about the same issue within <see cref="RepeatWindow"/>: one earlier contact → 30,
/// two → 15, three or more → 0;</item>
/// <item>for contacts, a channel switch: an earlier contact about the same issue within the window on another
/// channel (a bot, then the phone) → 35.</item>
/// </list>
/// The component is the average of the mean and the minimum of the signals present (effort is remembered by its
/// worst part), with the reason of the worst signal; weight 1 with a CES answer, 0.75 with operational signals only.
/// No opinion when none of the signals is present.
/// </summary>
/// <remarks>
/// Contacts are interactions whose kind starts with <c>support</c>, <c>contact</c>, <c>complaint</c>,
/// <c>callback</c>, <c>claim</c>, <c>inquiry</c>, <c>ticket</c> or <c>help</c>. Two contacts are about the same
/// issue when their <see cref="IssueAttribute"/> attributes are equal, or when neither has one.
/// </remarks>
/// <example>
/// <code>
/// var effort = new EffortScorer { RepeatWindow = TimeSpan.FromDays(3) }
///     .WithExpectedWait(Channel.Phone, TimeSpan.FromMinutes(5));
/// var pipeline = ScoringPipelineBuilder.CreateDefault().AddScorer(effort).Build(); // replaces the built-in "effort"
/// </code>
/// </example>
public sealed class EffortScorer : IInteractionScorer, ILatestIndependentScorer
{
    /// <summary>The wait expected on a channel not in the table: 5 minutes.</summary>
    public static readonly TimeSpan DefaultExpectedWait = TimeSpan.FromMinutes(5);

    /// <summary>The default repeat window: 7 days.</summary>
    public static readonly TimeSpan DefaultRepeatWindow = TimeSpan.FromDays(7);

    private static readonly FrozenDictionary<string, TimeSpan> DefaultWaits = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        [Channel.Phone.Name] = TimeSpan.FromMinutes(3),
        [Channel.Chat.Name] = TimeSpan.FromMinutes(1),
        [Channel.Chatbot.Name] = TimeSpan.FromSeconds(15),
        [Channel.Email.Name] = TimeSpan.FromHours(24),
        [Channel.Sms.Name] = TimeSpan.FromHours(1),
        [Channel.Social.Name] = TimeSpan.FromHours(1),
        [Channel.Store.Name] = TimeSpan.FromMinutes(5),
        [Channel.Web.Name] = TimeSpan.FromSeconds(10),
        [Channel.MobileApp.Name] = TimeSpan.FromSeconds(10),
        [Channel.Delivery.Name] = TimeSpan.FromDays(7),
        [Channel.Other.Name] = DefaultExpectedWait,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, TimeSpan> _waits;

    /// <summary>Creates the scorer with the default expectations: phone 3 min, chat 1 min, chatbot 15 s, e-mail 24 h, SMS and social 1 h, store 5 min, web and app 10 s, delivery 7 days, anything else 5 min.</summary>
    public EffortScorer()
        : this(DefaultWaits)
    {
    }

    private EffortScorer(FrozenDictionary<string, TimeSpan> waits) => _waits = waits;

    /// <inheritdoc/>
    public string Name => BuiltInScorers.Effort;

    /// <summary>How far back an earlier contact about the same issue makes this one a repeat. Default 7 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public TimeSpan RepeatWindow
    {
        get;
        init => field = ScoringGuards.Positive(value, nameof(RepeatWindow), "7 days");
    } = DefaultRepeatWindow;

    /// <summary>The interaction attribute that identifies the issue a contact is about (an order, a case or ticket id). Default <c>issue</c>.</summary>
    /// <exception cref="ArgumentException">Blank.</exception>
    public string IssueAttribute
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(IssueAttribute));
            field = value;
        }
    } = "issue";

    /// <summary>The wait a customer expects on <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The expected wait.</returns>
    public TimeSpan ExpectedWait(Channel channel) =>
        channel.Name is { } name && _waits.TryGetValue(name, out var wait) ? wait : DefaultExpectedWait;

    /// <summary>Returns a scorer that expects <paramref name="expected"/> on <paramref name="channel"/> and is otherwise the same.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="expected">The expected wait, positive.</param>
    /// <returns>A new scorer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is not positive.</exception>
    public EffortScorer WithExpectedWait(Channel channel, TimeSpan expected)
    {
        if (channel.IsEmpty)
        {
            throw new ArgumentException("channel must not be the default Channel value.", nameof(channel));
        }

        if (expected <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expected), expected, $"The expected wait on '{channel}' must be positive, but was {expected.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        var waits = new Dictionary<string, TimeSpan>(_waits, StringComparer.Ordinal) { [channel.Name] = expected };
        return new EffortScorer(waits.ToFrozenDictionary(StringComparer.Ordinal)) { RepeatWindow = RepeatWindow, IssueAttribute = IssueAttribute };
    }

    /// <inheritdoc/>
    public bool TryScore(InteractionView interaction, in ScoringContext context, out ScoreComponent component)
    {
        var ces = interaction.Ces;
        double sum = 0, min = double.PositiveInfinity;
        var count = 0;
        ScoreReason? worst = null;

        if (ces is { } answer)
        {
            Add((7 - answer) * (100.0 / 6), answer <= 2 ? Reasons.EffortLow : answer <= 4 ? Reasons.EffortModerate : Reasons.EffortHigh);
        }

        if (interaction.Wait is { } wait)
        {
            var ratio = wait.Ticks / (double)ExpectedWait(interaction.Channel).Ticks;
            var (score, reason) = ratio switch
            {
                <= 0.5 => (100.0, Reasons.WaitShort),
                <= 1 => (100 - (60 * (ratio - 0.5)), Reasons.WaitAsExpected),
                <= 2 => (70 - (40 * (ratio - 1)), Reasons.WaitLong),
                <= 4 => (30 - (15 * (ratio - 2)), Reasons.WaitVeryLong),
                _ => (0.0, Reasons.WaitVeryLong),
            };
            Add(score, reason);
        }

        if (InteractionKinds.IsContact(interaction))
        {
            var (repeats, switched) = CountRepeats(interaction, context.Earlier);
            if (repeats > 0)
            {
                Add(repeats switch { 1 => 30, 2 => 15, _ => 0 }, Reasons.RepeatContact);
            }

            if (switched)
            {
                Add(35, Reasons.ChannelSwitch);
            }
        }

        if (count == 0)
        {
            component = default;
            return false;
        }

        var value = ((sum / count) + min) / 2;
        component = new ScoreComponent(value, ces is null ? 0.75 : 1, worst!);
        return true;

        void Add(double score, ScoreReason reason)
        {
            sum += score;
            count++;
            if (score < min)
            {
                min = score;
                worst = reason;
            }
        }
    }

    // From this many earlier contacts about the same issue on, the repeat signal is 0 (so counting further changes nothing).
    private const int RepeatsForZero = 3;

    private (int Repeats, bool Switched) CountRepeats(InteractionView interaction, InteractionHistory earlier)
    {
        interaction.Attributes.TryGetValue(IssueAttribute, out var issue);
        if (earlier.Log is { } log)
        {
            return CountRepeats(interaction, issue, log, earlier.Length);
        }

        var repeats = 0;
        var switched = false;
        for (var i = earlier.Length - 1; i >= 0; i--)
        {
            var previous = earlier[i];
            // A difference, not "Timestamp - RepeatWindow": that overflows for a long window or an early timestamp.
            if (interaction.UtcTicks - previous.UtcTicks > RepeatWindow.Ticks)
            {
                break;
            }

            if (!InteractionKinds.IsContact(previous))
            {
                continue;
            }

            previous.Attributes.TryGetValue(IssueAttribute, out var previousIssue);
            if (string.Equals(issue, previousIssue, StringComparison.Ordinal))
            {
                repeats++;
                switched |= previous.Channel != interaction.Channel;
                if (repeats >= RepeatsForZero && switched)
                {
                    break; // nothing further back can change the component: it scores three repeats and one switch at most
                }
            }
        }

        return (repeats, switched);
    }

    // The same scan over a log's first `length` records, read in place and following the records' links from contact to
    // contact (InteractionRecord.ContactBack), so the records in between are not touched; only a contact about the
    // same issue is looked at further (its side table, its channel).
    private (int Repeats, bool Switched) CountRepeats(InteractionView interaction, string? issue, InteractionLog log, int length)
    {
        var records = log.Records[..length];
        var ticks = interaction.UtcTicks;
        var window = RepeatWindow.Ticks;
        var repeats = 0;
        var switched = false;
        for (var i = records.Length - 1; i >= 0;)
        {
            ref readonly var previous = ref records[i];
            if (ticks - previous.UtcTicks > window)
            {
                break;
            }

            if ((previous.Flags & InteractionLog.Contact) != 0)
            {
                string? previousIssue = null;
                if ((previous.Flags & InteractionLog.HasExtras) != 0)
                {
                    log.GetExtras(i)?.Attributes?.TryGetValue(IssueAttribute, out previousIssue);
                }

                if (string.Equals(issue, previousIssue, StringComparison.Ordinal))
                {
                    repeats++;
                    switched |= log.GetChannel(i) != interaction.Channel;
                    if (repeats >= RepeatsForZero && switched)
                    {
                        break;
                    }
                }
            }

            var back = previous.ContactBack;
            if (back == 0)
            {
                break; // no earlier contact
            }

            i -= back == InteractionLog.FarContact ? 1 : back;
        }

        return (repeats, switched);
    }
}
