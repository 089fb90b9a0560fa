using BenchmarkDotNet.Attributes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Stateless;

namespace Mediation.Benchmarks;

/// <summary>
/// The engine's cost against the library it is built on. The baseline is one bare Stateless transition with the
/// state stored outside the machine, as the engine stores it; the engine's decision adds guards, the case state,
/// deadlines and effects on top of exactly one such transition. Targets (from the issue): a decision costs at most
/// twice the baseline; a whole case life runs at 40,000 or more per second on one core and allocates at most 16 KB.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EngineBenchmarks
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private StateMachine<int, BareTrigger> _bare = null!;
    private int _bareState;

    private CompiledWorkflow _workflow = null!;
    private CaseFacts _facts = null!;
    private CaseState _queued = null!;
    private WorkflowEvent _takenUp = null!;
    private WorkflowEvent _agreement = null!;
    private DateTimeOffset _filedAt;
    private DateTimeOffset _takenUpAt;
    private DateTimeOffset _agreedAt;

    public enum BareTrigger
    {
        Go,
        Back,
    }

    [GlobalSetup]
    public void Setup()
    {
        _bare = new StateMachine<int, BareTrigger>(() => _bareState, s => _bareState = s, FiringMode.Immediate);
        _bare.Configure(0).Permit(BareTrigger.Go, 1);
        _bare.Configure(1).Permit(BareTrigger.Back, 0);

        _workflow = ShippedWorkflows.Get("general-civil");
        _filedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cst);
        _takenUpAt = new DateTimeOffset(2026, 3, 2, 15, 0, 0, Cst);
        _agreedAt = new DateTimeOffset(2026, 3, 10, 11, 0, 0, Cst);
        _facts = new CaseFacts { Category = "neighbour", Location = "150302001001", FiledAt = _filedAt };
        _takenUp = WorkflowEvent.Of(WorkflowEventType.TakenUp);
        _agreement = WorkflowEvent.AgreementReached(AgreementForm.Written, _agreedAt);
        _queued = WorkflowEngine.Start(_workflow, _facts, _filedAt).State;

        // Check once that the measured paths do what they claim, so a fast wrong answer cannot pass for a fast one.
        if (BareTransition() != 1)
        {
            throw new InvalidOperationException("The bare transition did not move.");
        }

        var decision = Decide();
        if (!decision.Applied || decision.State.Phase != CasePhase.InMediation || decision.Effects.IsEmpty)
        {
            throw new InvalidOperationException($"TakenUp was not applied: {decision.Problem?.Message.En}");
        }

        var life = CaseLife();
        if (life.StepId != "follow-up" || life.Phase != CasePhase.FollowUp)
        {
            throw new InvalidOperationException($"The case life ended in {life.StepId}/{life.Phase}.");
        }
    }

    /// <summary>A bare Stateless transition: configured once, external state reset to 0, one trigger that moves it to 1.</summary>
    [Benchmark(Baseline = true)]
    public int BareTransition()
    {
        _bareState = 0;
        _bare.Fire(BareTrigger.Go);
        return _bareState;
    }

    /// <summary>One engine decision: a queued village case is taken up (event → new state and effects).</summary>
    [Benchmark]
    public Decision Decide() => WorkflowEngine.Decide(_workflow, _queued, _facts, _takenUp, _takenUpAt);

    /// <summary>A case life in memory: filed and routed, taken up, a written agreement reached that is in force.</summary>
    [Benchmark]
    public CaseState CaseLife()
    {
        var state = WorkflowEngine.Start(_workflow, _facts, _filedAt).State;
        state = WorkflowEngine.Decide(_workflow, state, _facts, _takenUp, _takenUpAt).State;
        return WorkflowEngine.Decide(_workflow, state, _facts, _agreement, _agreedAt).State;
    }
}
