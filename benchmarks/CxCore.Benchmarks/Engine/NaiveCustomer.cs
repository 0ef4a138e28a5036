using CxCore.Benchmarks.Journeys;
using CxCore.Benchmarks.Serialization;
using Stateless;

namespace CxCore.Benchmarks.Engine;

/// <summary>
/// What a .NET user would write per customer: a Stateless machine built when the customer is first seen, holding the
/// stage, with guards reading the event being fired.
/// </summary>
internal sealed class NaiveCustomer
{
    public NaiveCustomer()
    {
        Machine = DefaultJourneyWorkload.CreateStatelessMachine(
            () => Stage,
            s => Stage = s,
            () => Current is { Outcome: not ("failed" or "abandoned") },
            () => Current is { Csat: >= 4 } or { Nps: >= 9 },
            () => Current is { Csat: <= 2 } or { Nps: <= 6 });

        // Events that are not permitted in the current stage are ignored, as CxCore does.
        Machine.OnUnhandledTrigger(static (_, _) => { });
    }

    public Stage Stage { get; private set; }

    public EventDto? Current { get; private set; }

    public StateMachine<Stage, Trigger> Machine { get; }

    public void Fire(EventDto dto, Trigger trigger)
    {
        Current = dto;
        Machine.Fire(trigger);
    }
}
