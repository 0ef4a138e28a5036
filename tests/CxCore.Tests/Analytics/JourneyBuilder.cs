using CxCore.Domain;

namespace CxCore.Tests.Analytics;

/// <summary>Builds one customer's journey tersely: times are minutes after <see cref="T0"/>.</summary>
internal sealed class JourneyBuilder(string customer)
{
    public static readonly DateTimeOffset T0 = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero); // a Monday

    private readonly CustomerId _customer = new(customer);
    private readonly List<Interaction> _interactions = [];
    private readonly List<(double Minutes, JourneyStage Stage, string? InteractionId)> _stages = [];

    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    public JourneyBuilder Do(double minutes, string kind, Channel? channel = null, InteractionSignals signals = default, params (string Key, string Value)[] attributes)
    {
        _interactions.Add(new Interaction(new InteractionId($"{_customer}-{_interactions.Count + 1}"), _customer, At(minutes), channel ?? Channel.Web, kind)
        {
            Signals = signals,
            Attributes = attributes.Length == 0 ? null! : attributes.ToDictionary(a => a.Key, a => a.Value),
        });
        return this;
    }

    public JourneyBuilder Survey(double minutes, int? nps = null, int? csat = null, int? ces = null, Channel? channel = null) =>
        Do(minutes, "survey", channel ?? Channel.Email, new InteractionSignals { Nps = nps, Csat = csat, Ces = ces });

    /// <summary>Enters a stage at the time; caused by the latest interaction when <paramref name="byLastInteraction"/>.</summary>
    public JourneyBuilder Enter(double minutes, JourneyStage stage, bool byLastInteraction = false)
    {
        _stages.Add((minutes, stage, byLastInteraction ? _interactions[^1].Id.Value : null));
        return this;
    }

    public Journey Build()
    {
        var stages = _stages.Count == 0 ? [(-1_000_000, JourneyStage.Awareness, null)] : _stages;
        var visits = new List<StageVisit>();
        for (var i = 0; i < stages.Count; i++)
        {
            var (minutes, stage, id) = stages[i];
            DateTimeOffset? exit = i + 1 < stages.Count ? At(stages[i + 1].Minutes) : null;
            visits.Add(i == 0
                ? new StageVisit(stage, At(minutes), exit, StageEntryReason.Initial, null, id is null ? null : new InteractionId(id))
                : new StageVisit(stage, At(minutes), exit, StageEntryReason.Trigger, new JourneyTrigger("T" + i), id is null ? null : new InteractionId(id)));
        }

        return new Journey(_customer, [.. _interactions.OrderBy(i => i.Timestamp)], visits);
    }
}
