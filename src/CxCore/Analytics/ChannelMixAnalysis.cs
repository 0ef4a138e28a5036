using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.Analytics;

/// <summary>
/// How customers are served: the split of interactions by service mode, how well self-service and automation contain
/// support contacts, where the rest escalate, and (optionally) the mean interaction score per channel.
/// </summary>
/// <remarks>
/// <para>An interaction's mode is its <see cref="Interaction.Mode"/>, else <see cref="ChannelRegistry.DefaultModeOf"/> of its channel.
/// A <em>support contact</em> is an interaction the classifier maps to <see cref="JourneyTrigger.SupportRequested"/>
/// (with the default classifier: support_request, complaint, return_request, warranty_claim, contact).</para>
/// <para>A self-service or automated support contact at index <c>i</c>, time <c>t</c>, in range and kept by the filter,
/// is <em>escalated</em> when an assisted interaction of the same customer comes after it in journey order with a
/// timestamp in <c>[t, t + window]</c> (the whole journey is searched, unfiltered); the first such interaction gives the
/// escalation's target channel. Otherwise it is <em>contained</em>. Outcomes are not looked at.</para>
/// <para>Scores: each journey is scored once as of its last interaction, as in <see cref="PainPointAnalysis"/>.</para>
/// </remarks>
public static class ChannelMixAnalysis
{
    /// <summary>Analyses the channel mix of the interactions in <paramref name="range"/>.</summary>
    /// <param name="journeys">The snapshot; each journey is one customer.</param>
    /// <param name="range">Interactions whose time is in <c>[From, To)</c> count.</param>
    /// <param name="channels">Gives each channel's default mode; every channel met without an explicit mode must be registered.</param>
    /// <param name="options">Window, classifier and optional pipeline; null uses <see cref="ChannelMixOptions.Default"/>.</param>
    /// <param name="filter">Which customers and interactions to look at; null keeps everything.</param>
    /// <returns>The mix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/>, one of its elements or <paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">An interaction without a mode is on a channel <paramref name="channels"/> does not know.</exception>
    /// <example><code>var mix = ChannelMixAnalysis.Analyze(snapshot, range, ChannelRegistry.WellKnown); Console.WriteLine(mix.Containment);</code></example>
    public static ChannelMixResult Analyze(
        IEnumerable<Journey> journeys,
        TimeRange range,
        ChannelRegistry channels,
        ChannelMixOptions? options = null,
        AnalyticsFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(channels);
        options ??= ChannelMixOptions.Default;
        filter ??= AnalyticsFilter.All;
        var classifier = options.Classifier ?? InteractionClassifier.Default;
        var window = options.ContainmentWindow;

        var modes = new int[3];
        var total = 0;
        var contacts = new Dictionary<Channel, (int Contacts, int Contained)>();
        var escalations = new Dictionary<(Channel From, Channel To), int>();
        var scores = new Dictionary<Channel, (int Count, double Sum)>();
        foreach (var journey in journeys)
        {
            ArgumentNullException.ThrowIfNull(journey, nameof(journeys));
            if (!filter.Keeps(journey))
            {
                continue;
            }

            var list = journey.Interactions;
            Dictionary<int, double>? own = null;
            for (var i = 0; i < list.Count; i++)
            {
                var interaction = list[i];
                if (!range.Contains(interaction.Timestamp) || !filter.Keeps(interaction))
                {
                    continue;
                }

                total++;
                var mode = ModeOf(interaction, channels);
                modes[(int)mode]++;
                if (options.Pipeline is { } pipeline)
                {
                    own ??= InteractionScores.Of(InteractionScores.ScoreAsOfLast(list, pipeline));
                    if (own.TryGetValue(i, out var s))
                    {
                        var (count, sum) = scores.GetValueOrDefault(interaction.Channel);
                        scores[interaction.Channel] = (count + 1, sum + s);
                    }
                }

                if (mode == ServiceMode.Assisted
                    || !classifier.TryClassify(interaction, out var trigger)
                    || trigger != JourneyTrigger.SupportRequested)
                {
                    continue;
                }

                var end = interaction.Timestamp + window;
                Channel? escalatedTo = null;
                for (var k = i + 1; k < list.Count && list[k].Timestamp <= end; k++)
                {
                    if (ModeOf(list[k], channels) == ServiceMode.Assisted)
                    {
                        escalatedTo = list[k].Channel;
                        break;
                    }
                }

                var (n, contained) = contacts.GetValueOrDefault(interaction.Channel);
                contacts[interaction.Channel] = (n + 1, contained + (escalatedTo is null ? 1 : 0));
                if (escalatedTo is { } to)
                {
                    escalations[(interaction.Channel, to)] = escalations.GetValueOrDefault((interaction.Channel, to)) + 1;
                }
            }
        }

        return new ChannelMixResult(
            range,
            total,
            [.. Enum.GetValues<ServiceMode>().Order().Select(m => new ServiceModeShare(m, modes[(int)m], Proportion.Of(modes[(int)m], total)))],
            Proportion.Of(contacts.Values.Sum(c => c.Contained), contacts.Values.Sum(c => c.Contacts)),
            [.. contacts
                .Select(c => new ChannelContainment(c.Key, Proportion.Of(c.Value.Contained, c.Value.Contacts)))
                .OrderByDescending(c => c.Contained.Trials)
                .ThenBy(c => c.Channel.Name, StringComparer.Ordinal)],
            [.. escalations
                .Select(e => new EscalationPath(e.Key.From, e.Key.To, e.Value))
                .OrderByDescending(e => e.Count)
                .ThenBy(e => e.From.Name, StringComparer.Ordinal)
                .ThenBy(e => e.To.Name, StringComparer.Ordinal)],
            [.. scores
                .Select(s => new ChannelScore(s.Key, s.Value.Count, s.Value.Sum / s.Value.Count))
                .OrderBy(s => s.Channel.Name, StringComparer.Ordinal)]);
    }

    private static ServiceMode ModeOf(Interaction interaction, ChannelRegistry channels) =>
        interaction.Mode ?? channels.DefaultModeOf(interaction.Channel);
}
