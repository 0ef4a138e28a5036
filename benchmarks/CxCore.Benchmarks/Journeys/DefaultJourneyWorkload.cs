using System.Globalization;
using CxCore.Domain;
using CxCore.Journeys;
using Stateless;

namespace CxCore.Benchmarks.Journeys;

/// <summary>
/// The shared inputs of <see cref="StateMachineFireBenchmarks"/>: one fixed transition context, one trigger sequence,
/// and <see cref="DefaultJourney"/> transcribed into Stateless and into a raw <c>int[]</c> table, plus the checks that
/// prove the three implementations agree before anything is measured.
/// </summary>
public static class DefaultJourneyWorkload
{
    /// <summary>Fires per benchmark invocation (the OperationsPerInvoke of every benchmark).</summary>
    public const int SequenceLength = 1_000;

    private const int NoTransition = -1;

    private static readonly int StageCount = Enum.GetValues<Stage>().Length;
    private static readonly int TriggerCount = Enum.GetValues<Trigger>().Length;

    /// <summary>
    /// Episodes of an existing customer's life after the first purchase; each starts and ends in Use, so any
    /// concatenation is a valid history in which every fire is permitted.
    /// </summary>
    private static readonly Trigger[][] Episodes =
    [
        // Support regression: a problem, then resolved.
        [Trigger.SupportRequested, Trigger.SupportResolved],
        // Repeat purchase, delivered.
        [Trigger.Purchased, Trigger.Delivered],
        // Positive review, then the advocate buys again.
        [Trigger.Reviewed, Trigger.Purchased, Trigger.Delivered],
        // Referral, then the advocate needs help.
        [Trigger.Referred, Trigger.SupportRequested, Trigger.SupportResolved],
        // Repeat purchase reviewed before delivery, then a support request.
        [Trigger.Purchased, Trigger.Reviewed, Trigger.SupportRequested, Trigger.SupportResolved],
        // Service recovery: a support case ends in a positive review, then a repeat purchase.
        [Trigger.SupportRequested, Trigger.Reviewed, Trigger.Purchased, Trigger.Delivered],
        // A helped customer refers a friend, then asks for help again.
        [Trigger.SupportRequested, Trigger.Referred, Trigger.SupportRequested, Trigger.SupportResolved],
        // Repeat purchase, referral, another purchase.
        [Trigger.Purchased, Trigger.Referred, Trigger.Purchased, Trigger.Delivered],
    ];

    /// <summary>
    /// The context every fire sees: a succeeded interaction rated CSAT 5. So "completed" and "positive" hold and
    /// "negative" does not; the raw table encodes exactly those choices.
    /// </summary>
    /// <returns>The context.</returns>
    public static TransitionContext CreateContext() => new(
        new Interaction(
            new InteractionId("bench-1"),
            new CustomerId("c-1"),
            new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
            Channel.Web,
            "review")
        {
            Outcome = InteractionOutcome.Succeeded,
            Signals = new InteractionSignals { Csat = 5 },
        },
        TimeSpan.FromDays(3));

    /// <summary>
    /// A realistic history of <see cref="SequenceLength"/> fires starting in Awareness: the forward path to Use (Searched,
    /// ProductViewed, Engaged, Purchased, Delivered), then post-purchase episodes (support regressions, repeat purchases,
    /// reviews, referrals) in a fixed pseudo-random order. Every fire is permitted in the stage it happens in. AdSeen never
    /// fires: it leads out of Dormant and Churned, which are entered only by inactivity timeouts, not by triggers.
    /// </summary>
    /// <returns>The sequence.</returns>
    public static Trigger[] CreateSequence()
    {
        var sequence = new List<Trigger>(SequenceLength + 8)
        {
            Trigger.Searched, Trigger.ProductViewed, Trigger.Engaged, Trigger.Purchased, Trigger.Delivered,
        };

        // Seeded, so every run and every implementation sees the same sequence.
        var random = new Random(20_250_101);
        while (sequence.Count < SequenceLength)
        {
            sequence.AddRange(Episodes[random.Next(Episodes.Length)]);
        }

        return [.. sequence.Take(SequenceLength)];
    }

    /// <summary>
    /// <see cref="DefaultJourney"/> as a raw table, <c>table[stage * triggerCount + trigger]</c> = next stage, -1 = no
    /// transition. Guarded transitions are resolved for <see cref="CreateContext"/>: Purchased always completes,
    /// Reviewed is always positive (so Reviewed in Advocacy, negative-only, has no transition).
    /// </summary>
    /// <returns>The table.</returns>
    public static int[] CreateRawTable()
    {
        var table = new int[StageCount * TriggerCount];
        Array.Fill(table, NoTransition);
        void Set(Stage from, Trigger trigger, Stage to) => table[((int)from * TriggerCount) + (int)trigger] = (int)to;

        foreach (var quiet in (Stage[])[Stage.Dormant, Stage.Churned])
        {
            Set(quiet, Trigger.AdSeen, Stage.Awareness);
            Set(quiet, Trigger.Searched, Stage.Discovery);
            Set(quiet, Trigger.ProductViewed, Stage.Consideration);
            Set(quiet, Trigger.Engaged, Stage.Engagement);
            Set(quiet, Trigger.Purchased, Stage.RepeatPurchase); // guard "completed": true
            Set(quiet, Trigger.SupportRequested, Stage.Support);
        }

        Set(Stage.Awareness, Trigger.Searched, Stage.Discovery);
        Set(Stage.Awareness, Trigger.ProductViewed, Stage.Consideration);
        Set(Stage.Discovery, Trigger.ProductViewed, Stage.Consideration);
        foreach (var pre in (Stage[])[Stage.Awareness, Stage.Discovery, Stage.Consideration])
        {
            Set(pre, Trigger.Engaged, Stage.Engagement);
        }

        foreach (var pre in (Stage[])[Stage.Awareness, Stage.Discovery, Stage.Consideration, Stage.Engagement])
        {
            Set(pre, Trigger.Purchased, Stage.Purchase); // guard "completed": true
        }

        foreach (var post in (Stage[])[Stage.Purchase, Stage.Use, Stage.Support, Stage.RepeatPurchase, Stage.Advocacy])
        {
            Set(post, Trigger.Purchased, Stage.RepeatPurchase); // guard "completed": true
        }

        Set(Stage.Purchase, Trigger.Delivered, Stage.Use);
        Set(Stage.RepeatPurchase, Trigger.Delivered, Stage.Use);
        foreach (var s in (Stage[])[Stage.Purchase, Stage.Use, Stage.RepeatPurchase, Stage.Advocacy])
        {
            Set(s, Trigger.SupportRequested, Stage.Support);
        }

        Set(Stage.Support, Trigger.SupportResolved, Stage.Use);
        foreach (var s in (Stage[])[Stage.Purchase, Stage.Use, Stage.Support, Stage.RepeatPurchase])
        {
            Set(s, Trigger.Reviewed, Stage.Advocacy); // guard "positive": true ("negative", the alternative, is false)
            Set(s, Trigger.Referred, Stage.Advocacy);
        }

        return table;
    }

    /// <summary>
    /// <see cref="DefaultJourney"/> configured in Stateless the way its users write it (state by state), with an
    /// external state accessor, guards through <c>PermitIf</c> evaluating the same conditions on <paramref name="context"/>.
    /// </summary>
    /// <param name="stateAccessor">Reads the current stage.</param>
    /// <param name="stateMutator">Writes the current stage.</param>
    /// <param name="context">The context the guards look at.</param>
    /// <param name="firingMode">Stateless' firing mode; <see cref="FiringMode.Queued"/> is its default.</param>
    /// <returns>The machine.</returns>
    public static StateMachine<Stage, Trigger> CreateStatelessMachine(
        Func<Stage> stateAccessor,
        Action<Stage> stateMutator,
        TransitionContext context,
        FiringMode firingMode = FiringMode.Queued)
    {
        return CreateStatelessMachine(
            stateAccessor,
            stateMutator,
            () => DefaultJourneyGuards.IsCompleted(in context),
            () => DefaultJourneyGuards.IsPositive(in context),
            () => DefaultJourneyGuards.IsNegative(in context),
            firingMode);
    }

    /// <summary>The same machine with the guards given as delegates (e.g. reading the event being fired).</summary>
    /// <param name="stateAccessor">Reads the current stage.</param>
    /// <param name="stateMutator">Writes the current stage.</param>
    /// <param name="completed">The "completed" guard.</param>
    /// <param name="positive">The "positive" guard.</param>
    /// <param name="negative">The "negative" guard.</param>
    /// <param name="firingMode">Stateless' firing mode.</param>
    /// <returns>The machine.</returns>
    public static StateMachine<Stage, Trigger> CreateStatelessMachine(
        Func<Stage> stateAccessor,
        Action<Stage> stateMutator,
        Func<bool> completed,
        Func<bool> positive,
        Func<bool> negative,
        FiringMode firingMode = FiringMode.Queued)
    {
        var machine = new StateMachine<Stage, Trigger>(stateAccessor, stateMutator, firingMode);

        machine.Configure(Stage.Awareness)
            .Permit(Trigger.Searched, Stage.Discovery)
            .Permit(Trigger.ProductViewed, Stage.Consideration)
            .Permit(Trigger.Engaged, Stage.Engagement)
            .PermitIf(Trigger.Purchased, Stage.Purchase, completed, "completed");
        machine.Configure(Stage.Discovery)
            .Permit(Trigger.ProductViewed, Stage.Consideration)
            .Permit(Trigger.Engaged, Stage.Engagement)
            .PermitIf(Trigger.Purchased, Stage.Purchase, completed, "completed");
        machine.Configure(Stage.Consideration)
            .Permit(Trigger.Engaged, Stage.Engagement)
            .PermitIf(Trigger.Purchased, Stage.Purchase, completed, "completed");
        machine.Configure(Stage.Engagement)
            .PermitIf(Trigger.Purchased, Stage.Purchase, completed, "completed");
        machine.Configure(Stage.Purchase)
            .PermitIf(Trigger.Purchased, Stage.RepeatPurchase, completed, "completed")
            .Permit(Trigger.Delivered, Stage.Use)
            .Permit(Trigger.SupportRequested, Stage.Support)
            .PermitIf(Trigger.Reviewed, Stage.Advocacy, positive, "positive")
            .PermitIf(Trigger.Reviewed, Stage.Support, negative, "negative")
            .Permit(Trigger.Referred, Stage.Advocacy);
        machine.Configure(Stage.Use)
            .PermitIf(Trigger.Purchased, Stage.RepeatPurchase, completed, "completed")
            .Permit(Trigger.SupportRequested, Stage.Support)
            .PermitIf(Trigger.Reviewed, Stage.Advocacy, positive, "positive")
            .PermitIf(Trigger.Reviewed, Stage.Support, negative, "negative")
            .Permit(Trigger.Referred, Stage.Advocacy);
        machine.Configure(Stage.Support)
            .PermitIf(Trigger.Purchased, Stage.RepeatPurchase, completed, "completed")
            .Permit(Trigger.SupportResolved, Stage.Use)
            .PermitIf(Trigger.Reviewed, Stage.Advocacy, positive, "positive")
            .Permit(Trigger.Referred, Stage.Advocacy);
        machine.Configure(Stage.RepeatPurchase)
            .PermitReentryIf(Trigger.Purchased, completed, "completed") // Stateless' Permit forbids a transition to the same state.
            .Permit(Trigger.Delivered, Stage.Use)
            .Permit(Trigger.SupportRequested, Stage.Support)
            .PermitIf(Trigger.Reviewed, Stage.Advocacy, positive, "positive")
            .PermitIf(Trigger.Reviewed, Stage.Support, negative, "negative")
            .Permit(Trigger.Referred, Stage.Advocacy);
        machine.Configure(Stage.Advocacy)
            .PermitIf(Trigger.Purchased, Stage.RepeatPurchase, completed, "completed")
            .Permit(Trigger.SupportRequested, Stage.Support)
            .PermitIf(Trigger.Reviewed, Stage.Support, negative, "negative");
        foreach (var quiet in (Stage[])[Stage.Dormant, Stage.Churned])
        {
            machine.Configure(quiet)
                .Permit(Trigger.AdSeen, Stage.Awareness)
                .Permit(Trigger.Searched, Stage.Discovery)
                .Permit(Trigger.ProductViewed, Stage.Consideration)
                .Permit(Trigger.Engaged, Stage.Engagement)
                .PermitIf(Trigger.Purchased, Stage.RepeatPurchase, completed, "completed")
                .Permit(Trigger.SupportRequested, Stage.Support);
        }

        return machine;
    }

    /// <summary>
    /// Proves the transcriptions faithful before anything is measured: the enums follow the definition's order; Stateless
    /// declares exactly the definition's transitions (source, trigger, target, guard); and for every stage × trigger,
    /// under <paramref name="context"/>, CxCore, Stateless and the raw table agree on whether the customer moves and where.
    /// </summary>
    /// <param name="journey">The CxCore definition.</param>
    /// <param name="context">The fixed context.</param>
    /// <param name="rawTable">The raw table.</param>
    /// <param name="machine">The Stateless machine.</param>
    /// <param name="setState">Sets the Stateless machine's external state.</param>
    /// <exception cref="InvalidOperationException">An implementation disagrees.</exception>
    public static void VerifyEquivalent(
        JourneyDefinition journey,
        in TransitionContext context,
        int[] rawTable,
        StateMachine<Stage, Trigger> machine,
        Action<Stage> setState)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(rawTable);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(setState);

        var stageNames = Enum.GetNames<Stage>();
        var triggerNames = Enum.GetNames<Trigger>();
        Check(journey.Stages.Select(s => s.Name).SequenceEqual(stageNames), "Stage enum order differs from the definition's stages: " + string.Join(", ", journey.Stages));
        Check(journey.Triggers.Select(t => t.Name).SequenceEqual(triggerNames), "Trigger enum order differs from the definition's triggers: " + string.Join(", ", journey.Triggers));

        var declared = journey.Transitions
            .Select(t => $"{t.From} --{t.Trigger}[{t.GuardDescription}]--> {t.To}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var stateless = machine.GetInfo().States
            .SelectMany(s => s.FixedTransitions.Select(t =>
                $"{s.UnderlyingState} --{t.Trigger.UnderlyingTrigger}[{string.Join("&", t.GuardConditionsMethodDescriptions.Select(g => g.Description))}]--> {t.DestinationState.UnderlyingState}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Check(
            declared.SequenceEqual(stateless),
            "Stateless transitions differ from DefaultJourney. Only in CxCore: " + string.Join("; ", declared.Except(stateless)) +
            ". Only in Stateless: " + string.Join("; ", stateless.Except(declared)));

        for (var s = 0; s < StageCount; s++)
        {
            for (var t = 0; t < TriggerCount; t++)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{(Stage)s} on {(Trigger)t}");
                var moved = journey.TryFire(new StageIndex(s), new TriggerIndex(t), in context, out var next);
                var expected = moved ? next.Value : NoTransition;
                Check(rawTable[(s * TriggerCount) + t] == expected, $"Raw table differs from CxCore for {where}.");

                setState((Stage)s);
                Check(machine.CanFire((Trigger)t) == moved, $"Stateless CanFire differs from CxCore for {where}.");
                if (moved)
                {
                    machine.Fire((Trigger)t);
                    Check(machine.State == (Stage)next.Value, $"Stateless moves to {machine.State}, CxCore to {journey.GetStage(next)}, for {where}.");
                }
            }
        }
    }

    /// <summary>Throws unless every fire of <paramref name="sequence"/> from the initial stage is permitted.</summary>
    /// <param name="journey">The CxCore definition.</param>
    /// <param name="context">The fixed context.</param>
    /// <param name="sequence">The sequence.</param>
    /// <exception cref="InvalidOperationException">A fire is not permitted.</exception>
    public static void VerifyEveryFirePermitted(JourneyDefinition journey, in TransitionContext context, Trigger[] sequence)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(sequence);
        var stage = journey.InitialStageIndex;
        for (var i = 0; i < sequence.Length; i++)
        {
            Check(
                journey.TryFire(stage, new TriggerIndex((int)sequence[i]), in context, out stage),
                $"Fire #{i} ({sequence[i]} in {journey.GetStage(stage)}) is not permitted; every fire of the sequence must be.");
        }
    }

    internal static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
