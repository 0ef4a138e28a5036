using BenchmarkDotNet.Attributes;
using CxCore.Domain;
using CxCore.Journeys;
using Stateless;

namespace CxCore.Benchmarks.Journeys;

/// <summary>
/// One fire of the 11-stage <see cref="DefaultJourney"/>, in CxCore, in Stateless (what a .NET user would pick instead)
/// and as a raw <c>int[]</c> lookup (the physical floor, the baseline). Every method walks the same
/// <see cref="DefaultJourneyWorkload.SequenceLength"/>-fire sequence from Awareness with the same context, and returns
/// the final stage so the work cannot be dropped; times are per fire.
/// </summary>
[MemoryDiagnoser]
public class StateMachineFireBenchmarks
{
    private const int Fires = DefaultJourneyWorkload.SequenceLength;

    private TransitionContext _context;

    private JourneyDefinition _journey = null!;
    private TriggerIndex[] _triggerIndexes = [];
    private JourneyTrigger[] _triggerNames = [];

    private StateMachine<Stage, Trigger> _stateless = null!;
    private StateMachine<Stage, Trigger> _statelessImmediate = null!;
    private Trigger[] _statelessTriggers = [];
    private Stage _statelessState;
    private Stage _statelessImmediateState;

    private int[] _rawTable = [];
    private int[] _rawTriggers = [];
    private int _rawTriggerCount;

    [GlobalSetup]
    public void Setup()
    {
        _context = DefaultJourneyWorkload.CreateContext();
        _journey = DefaultJourney.Definition;
        var sequence = DefaultJourneyWorkload.CreateSequence();

        _triggerIndexes = [.. sequence.Select(t => new TriggerIndex((int)t))];
        _triggerNames = [.. sequence.Select(t => _journey.Triggers[(int)t])];

        // Built once, external state accessor: the fairest way to use Stateless for many customers.
        _stateless = DefaultJourneyWorkload.CreateStatelessMachine(() => _statelessState, s => _statelessState = s, _context);
        _statelessImmediate = DefaultJourneyWorkload.CreateStatelessMachine(
            () => _statelessImmediateState, s => _statelessImmediateState = s, _context, FiringMode.Immediate);
        _statelessTriggers = sequence;

        _rawTable = DefaultJourneyWorkload.CreateRawTable();
        _rawTriggers = [.. sequence.Select(t => (int)t)];
        _rawTriggerCount = _journey.Triggers.Count;

        DefaultJourneyWorkload.VerifyEquivalent(_journey, in _context, _rawTable, _stateless, s => _statelessState = s);
        DefaultJourneyWorkload.VerifyEquivalent(_journey, in _context, _rawTable, _statelessImmediate, s => _statelessImmediateState = s);
        DefaultJourneyWorkload.VerifyEveryFirePermitted(_journey, in _context, sequence);

        // The methods measured must all end in the same stage.
        var raw = (Stage)RawTableLookup();
        var finals = new (string Name, Stage Final)[]
        {
            (nameof(CxCoreTryFire), (Stage)CxCoreTryFire().Value),
            (nameof(CxCoreTryFireByName), Enum.Parse<Stage>(CxCoreTryFireByName().Name)),
            (nameof(StatelessFire), StatelessFire()),
            (nameof(StatelessFireImmediate), StatelessFireImmediate()),
        };
        foreach (var (name, final) in finals)
        {
            DefaultJourneyWorkload.Check(final == raw, $"{name} ends in {final}, the raw table in {raw}: the implementations disagree.");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fires, Description = "Raw int[] lookup")]
    public int RawTableLookup()
    {
        var table = _rawTable;
        var triggers = _rawTriggers;
        var triggerCount = _rawTriggerCount;
        var state = (int)Stage.Awareness;
        for (var i = 0; i < triggers.Length; i++)
        {
            state = table[(state * triggerCount) + triggers[i]];
        }

        return state;
    }

    [Benchmark(OperationsPerInvoke = Fires, Description = "CxCore TryFire(StageIndex, TriggerIndex)")]
    public StageIndex CxCoreTryFire()
    {
        var journey = _journey;
        var triggers = _triggerIndexes;
        var stage = journey.InitialStageIndex;
        for (var i = 0; i < triggers.Length; i++)
        {
            _ = journey.TryFire(stage, triggers[i], in _context, out stage);
        }

        return stage;
    }

    [Benchmark(OperationsPerInvoke = Fires, Description = "CxCore TryFire(JourneyStage, JourneyTrigger)")]
    public JourneyStage CxCoreTryFireByName()
    {
        var journey = _journey;
        var triggers = _triggerNames;
        var stage = journey.InitialStage;
        for (var i = 0; i < triggers.Length; i++)
        {
            _ = journey.TryFire(stage, triggers[i], in _context, out stage);
        }

        return stage;
    }

    [Benchmark(OperationsPerInvoke = Fires, Description = "Stateless Fire")]
    public Stage StatelessFire()
    {
        var machine = _stateless;
        var triggers = _statelessTriggers;
        _statelessState = Stage.Awareness;
        for (var i = 0; i < triggers.Length; i++)
        {
            machine.Fire(triggers[i]);
        }

        return _statelessState;
    }

    [Benchmark(OperationsPerInvoke = Fires, Description = "Stateless Fire (FiringMode.Immediate)")]
    public Stage StatelessFireImmediate()
    {
        var machine = _statelessImmediate;
        var triggers = _statelessTriggers;
        _statelessImmediateState = Stage.Awareness;
        for (var i = 0; i < triggers.Length; i++)
        {
            machine.Fire(triggers[i]);
        }

        return _statelessImmediateState;
    }
}
