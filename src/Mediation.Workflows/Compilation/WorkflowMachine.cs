using System.Globalization;
using Mediation.Workflows.Runtime;
using Stateless;

namespace Mediation.Workflows.Compilation;

/// <summary>
/// The Stateless machine for one compiled workflow. Its states are (step, phase) pairs; its guards are the
/// definition's conditions. Stateless machines are not thread-safe, so each thread rents its own (see
/// <see cref="CompiledWorkflow"/>), and the machine reads and writes the case's state through the fields set for
/// each decision: the case state lives outside the engine, as Stateless's external state storage intends.
/// </summary>
internal sealed class WorkflowMachine
{
    private const int PhaseCount = 6;

    private static readonly WorkflowEventType[] AllTriggers = Enum.GetValues<WorkflowEventType>();

    private readonly CompiledWorkflow _workflow;
    private readonly StateMachine<int, WorkflowEventType> _machine;
    private int _state;
    private CaseState? _case;
    private CaseFacts? _facts;
    private WorkflowEvent? _event;
    private CompiledTransition[]? _selectionOf;
    private int _selected = -1;
    private ICollection<string>? _unmetGuards;
    private bool _unhandled;

    public WorkflowMachine(CompiledWorkflow workflow)
    {
        _workflow = workflow;
        _machine = new StateMachine<int, WorkflowEventType>(() => _state, s => _state = s, FiringMode.Immediate);
        _machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            _unhandled = true;
            _unmetGuards = unmet;
        });
        foreach (var step in workflow.Steps)
        {
            Configure(step);
        }
    }

    private Runtime.DecisionBuilder? _builder;

    /// <summary>The builder a decision uses while it holds this machine.</summary>
    public Runtime.DecisionBuilder Builder => _builder ??= new Runtime.DecisionBuilder(new Runtime.DecisionBuilder.Scratch());

    /// <summary>The workflow the machine was configured for.</summary>
    public CompiledWorkflow Workflow => _workflow;

    /// <summary>True while a decision holds the machine (see <see cref="CompiledWorkflow.RentMachine"/>).</summary>
    public bool Rented { get; set; }

    /// <summary>True while the machine sits in a thread's slot rather than in its workflow's bag.</summary>
    public bool InThreadSlot { get; set; }

    public static int Code(int stepIndex, CasePhase phase) => stepIndex * PhaseCount + (int)phase;

    public static (int StepIndex, CasePhase Phase) Decode(int code) => (code / PhaseCount, (CasePhase)(code % PhaseCount));

    /// <summary>Fires <paramref name="trigger"/> from the case's step and phase.</summary>
    public FireResult Fire(int stepIndex, CaseState state, CaseFacts facts, WorkflowEventType trigger, WorkflowEvent evt)
    {
        _state = Code(stepIndex, state.Phase);
        _case = state;
        _facts = facts;
        _event = evt;
        _selectionOf = null;
        _selected = -1;
        _unhandled = false;
        _unmetGuards = null;

        // The fields keep this decision's case until the next one overwrites them: clearing them costs more than
        // the little memory they hold, and nothing reads them outside a decision.
        _machine.Fire(trigger);
        if (_unhandled)
        {
            return new FireResult(false, _state, null, _unmetGuards);
        }

        var selected = _selectionOf is { } list && _selected >= 0 ? list[_selected] : null;
        return new FireResult(true, _state, selected, null);
    }

    /// <summary>The events a person could send now (timers excluded).</summary>
    public List<WorkflowEventType> Permitted(int stepIndex, CaseState state, CaseFacts facts)
    {
        _state = Code(stepIndex, state.Phase);
        _case = state;
        _facts = facts;
        _event = null;
        try
        {
            var permitted = new List<WorkflowEventType>();
            foreach (var trigger in AllTriggers)
            {
                _selectionOf = null;
                if (trigger != WorkflowEventType.TimerElapsed && !WorkflowEvents.Automatic.Contains(trigger) && _machine.CanFire(trigger))
                {
                    permitted.Add(trigger);
                }
            }

            return permitted;
        }
        finally
        {
            _case = null;
            _facts = null;
            _selectionOf = null;
        }
    }

    private void Configure(CompiledStep step)
    {
        switch (step.Kind)
        {
            case StepKind.Mediation:
                if (step.ConsentOf is not null)
                {
                    _machine.Configure(Code(step.Index, CasePhase.AwaitingConsent))
                        .Permit(WorkflowEventType.ConsentGiven, Code(step.Index, CasePhase.Queued));
                }

                _machine.Configure(Code(step.Index, CasePhase.Queued))
                    .Permit(WorkflowEventType.TakenUp, Code(step.Index, CasePhase.InMediation));
                if (step.Pausable)
                {
                    _machine.Configure(Code(step.Index, CasePhase.InMediation))
                        .Permit(WorkflowEventType.ClockPaused, Code(step.Index, CasePhase.Paused));
                    _machine.Configure(Code(step.Index, CasePhase.Paused))
                        .Permit(WorkflowEventType.ClockResumed, Code(step.Index, CasePhase.InMediation));
                }

                if (step.Extension is not null)
                {
                    _machine.Configure(Code(step.Index, CasePhase.InMediation))
                        .InternalTransitionIf(WorkflowEventType.ExtensionGranted, _ => ExtensionAllowed(step), static () => { }, "the extension is within the definition's limits and has every required consent");
                }

                break;

            case StepKind.FollowUp:
                _machine.Configure(Code(step.Index, CasePhase.FollowUp))
                    .InternalTransitionIf(WorkflowEventType.AgreementTookEffect, _ => _case is { AgreementEffectiveAt: null }, static () => { }, "the agreement has not yet taken effect")
                    .InternalTransition(WorkflowEventType.FollowUpVisitDone, static () => { });
                break;

            default:
                _machine.Configure(Code(step.Index, CasePhase.Closed));
                return;
        }

        foreach (var type in WorkflowEvents.Definable)
        {
            var transitions = step.For(type);
            foreach (var phase in WorkflowEvents.PhasesFor(step.Kind, type))
            {
                if (phase == CasePhase.AwaitingConsent && step.ConsentOf is null)
                {
                    continue;
                }

                var configuration = _machine.Configure(Code(step.Index, phase));
                if (transitions.Length == 0)
                {
                    if (type == WorkflowEventType.RiskFlagged)
                    {
                        configuration.InternalTransition(type, static () => { });
                    }

                    continue;
                }

                if (type == WorkflowEventType.RiskFlagged)
                {
                    // A risk flag that matches none of the definition's conditions still reaches the organisation.
                    configuration.InternalTransitionIf(type, _ => Select(transitions) < 0, static () => { }, "no conditional transition for the risk flag applies");
                }

                foreach (var transition in transitions)
                {
                    var target = _workflow.Steps[transition.Target];

                    // A reassignment goes back to the queue: consent, once given, is not asked again.
                    var destination = transition.IsReassign ? Code(step.Index, CasePhase.Queued) : Code(target.Index, target.EntryPhase);
                    var description = Describe(transition);
                    var ordinal = transition.Ordinal;
                    bool Guard() => Select(transitions) == ordinal;
                    if (destination == Code(step.Index, phase))
                    {
                        configuration.PermitReentryIf(type, Guard, description);
                    }
                    else
                    {
                        configuration.PermitIf(type, destination, Guard, description);
                    }
                }
            }
        }
    }

    /// <summary>The first transition for the event whose condition holds (and, for a reassignment, whose limit is not reached).</summary>
    private int Select(CompiledTransition[] transitions)
    {
        if (ReferenceEquals(_selectionOf, transitions))
        {
            return _selected;
        }

        _selectionOf = transitions;
        _selected = -1;
        for (var i = 0; i < transitions.Length; i++)
        {
            var transition = transitions[i];
            if (transition.IsReassign && _case!.Reassignments >= transition.ReassignMaxTimes)
            {
                continue;
            }

            if (transition.When is null || transition.When.Evaluate(_facts!))
            {
                _selected = i;
                break;
            }
        }

        return _selected;
    }

    private bool ExtensionAllowed(CompiledStep step)
    {
        var extension = step.Extension!;
        if (_case?.Clock is not { PausedAt: null } clock || clock.ExtensionsUsed >= extension.Times)
        {
            return false;
        }

        // Guards are also asked when listing permitted events; with no event at hand the extension is possible.
        if (_event is null)
        {
            return true;
        }

        if (_event.Extension is not { } requested || requested.IsDateBased != extension.Max.IsDateBased
            || (requested.HasMonthsOrYears && _workflow.Calendars[step.Resolution!.Calendar] is Calendars.WorkingDayCalendar)
            || Longer(requested, extension.Max))
        {
            return false;
        }

        foreach (var required in extension.ConsentOf)
        {
            if (!_event.By.Contains(required) && !(required is Participant.Applicant or Participant.Respondent && _event.By.Contains(Participant.AllParties)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Longer(Calendars.WorkflowDuration requested, Calendars.WorkflowDuration max) =>
        requested.IsDateBased
            ? requested.Years * 372 + requested.Months * 31 + requested.Days > max.Years * 372 + max.Months * 31 + max.Days
            : requested.Time > max.Time;

    private string Describe(CompiledTransition transition)
    {
        var target = _workflow.Steps[transition.Target].Id;
        var action = transition.IsReassign
            ? string.Create(CultureInfo.InvariantCulture, $"reassign (at most {transition.ReassignMaxTimes} times)")
            : "to " + target;
        return transition.When is null ? action : $"{action} when the condition at {transition.Path}.when holds";
    }
}

internal readonly record struct FireResult(bool Handled, int State, CompiledTransition? Transition, ICollection<string>? UnmetGuards);
