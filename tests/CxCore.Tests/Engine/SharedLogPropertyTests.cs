using CsCheck;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using CxCore.Storage;
using CxCore.Tests.Storage;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>
/// With the in-memory store the engine scores over the store's own logs (attaching on load, catching up after each
/// insert, appending straight into a known customer's log); with any other store it keeps logs of its own. The two must
/// be indistinguishable under any sequence of records (late, tied, duplicate), merges, erasures and queries.
/// </summary>
public sealed class SharedLogPropertyTests
{
    private static readonly string[] Kinds = [.. InteractionClassifier.Default.Mappings.Keys.Order(StringComparer.Ordinal), "email_open"];
    private static readonly string[] Customers = ["c-a", "c-b", "c-c"];
    private static readonly DateTimeOffset Now = TestData.T0.AddDays(400);

    /// <summary>The in-memory store behind a wrapper, so the engine cannot share its logs.</summary>
    private sealed class Unshared(IJourneyStore inner) : DelegatingJourneyStore(inner);

    /// <summary>What to do, for whom, when: ids repeat (duplicates) and instants tie on a quarter-day grid.</summary>
    private static readonly Gen<(int Op, int Customer, int Other, int Quarter, int Kind, int Csat, int Outcome)> Operation =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 60], Gen.Int[0, Kinds.Length - 1], Gen.Int[0, 5], Gen.Int[0, 3]);

    [Fact]
    public void An_engine_over_the_shared_logs_answers_exactly_like_one_that_keeps_its_own()
    {
        Operation.Array[1, 60].Sample(
            operations =>
            {
                var shared = Create(now: Now);
                var own = Create(new Unshared(new InMemoryJourneyStore()), now: Now);
                foreach (var operation in operations)
                {
                    Assert.Equal(Run(own, operation), Run(shared, operation));
                }
            },
            iter: 1000);
    }

    [Fact]
    public void Observers_of_an_engine_over_the_shared_logs_see_exactly_what_observers_of_one_with_its_own_logs_see()
    {
        // A customer's first interaction steps the live position forward; loads, late arrivals and merges replay. With
        // timeouts of days, inactivity fires between records: every stage change (with the interaction that caused it)
        // and band change must be the same whichever log the engine scores over.
        var journey = DefaultJourney.CreateBuilder(TimeSpan.FromDays(2), TimeSpan.FromDays(3)).Build();
        Operation.Array[1, 60].Sample(
            operations =>
            {
                var sharedEvents = new RecordingObserver();
                var ownEvents = new RecordingObserver();
                var shared = WithObserver(new InMemoryJourneyStore(), journey, sharedEvents);
                var own = WithObserver(new Unshared(new InMemoryJourneyStore()), journey, ownEvents);
                foreach (var operation in operations)
                {
                    Assert.Equal(Run(own, operation), Run(shared, operation));
                    Assert.Equal(ownEvents.Events, sharedEvents.Events);
                }
            },
            iter: 500);
    }

    [Fact]
    public void An_engine_restarted_over_a_store_it_cannot_share_answers_like_one_that_never_stopped()
    {
        // A restart loads each customer's stored interactions into a log of the engine's own and folds the score once.
        Operation.Array[1, 60].Sample(
            operations =>
            {
                var shared = Create(now: Now);
                var store = new Unshared(new InMemoryJourneyStore());
                var own = Create(store, now: Now);
                foreach (var operation in operations)
                {
                    if (operation.Quarter % 5 == 0)
                    {
                        own = Create(store, now: Now);
                    }

                    Assert.Equal(Run(shared, operation), Run(own, operation));
                }
            },
            iter: 500);
    }

    private static CxEngine WithObserver(IJourneyStore store, JourneyDefinition journey, IJourneyObserver observer) =>
        new(
            store,
            journey,
            InteractionClassifier.Default,
            CxCore.Scoring.ScoringPipeline.Default,
            [observer],
            Microsoft.Extensions.Options.Options.Create(new CxCore.DependencyInjection.CxCoreOptions()),
            new FixedTime(Now));

    private static string Run(CxEngine engine, (int Op, int Customer, int Other, int Quarter, int Kind, int Csat, int Outcome) o)
    {
        var customer = new CustomerId(Customers[o.Customer]);
        try
        {
            switch (o.Op)
            {
                case <= 5:
                    var interaction = TestData.At(
                        $"e-{o.Quarter * 7 % 23}",
                        o.Quarter / 4.0,
                        Kinds[o.Kind],
                        (InteractionOutcome)o.Outcome,
                        new InteractionSignals { Csat = o.Csat == 0 ? null : o.Csat },
                        customer);
                    var recorded = Wait(engine.RecordAsync(interaction));
                    return $"{recorded.Status} {recorded.CustomerId} {recorded.StageBefore}->{recorded.Stage} {recorded.Score}";
                case 6:
                    var merged = Wait(engine.MergeCustomersAsync(customer, new CustomerId(Customers[o.Other])));
                    return $"merged {merged.CurrentStage} {merged.Score?.Summary} {merged.Interactions.Count}";
                case 7:
                    return $"forgot {Wait(engine.ForgetCustomerAsync(customer))}";
                default:
                    var asOf = TestData.T0.AddDays(o.Quarter / 4.0);
                    var journey = Wait(engine.GetJourneyAsync(customer, asOf));
                    var journeys = engine.GetJourneysAsync(Now).ToBlockingEnumerable().Select(j => $"{j.CustomerId}:{j.CurrentStage}:{j.Score?.Summary}");
                    var atRisk = Wait(engine.GetCustomersAtRiskAsync(asOf)).Select(s => $"{s.CustomerId}:{s.Score}:{s.LastInteractionAt:O}");
                    return $"{journey?.CurrentStage} {journey?.Score?.Summary} {journey?.Interactions.Count} | {string.Join(", ", journeys)} | {string.Join(", ", atRisk)}";
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Merging a customer into itself, or two customers without interactions: both engines must refuse.
            return e.GetType().Name;
        }
    }

    private static T Wait<T>(ValueTask<T> pending) => pending.AsTask().GetAwaiter().GetResult();
}
