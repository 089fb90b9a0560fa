using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Mediation.Workflows.Compilation;

namespace Mediation.Workflows.Runtime;

/// <summary>
/// The functional core: given a compiled workflow, a case's state, its facts, an event and the time, decide the
/// next state and the effects the host must carry out. No I/O, no clock of its own, no stored state.
/// </summary>
public static class WorkflowEngine
{
    /// <summary>Routes a newly filed dispute to its first step.</summary>
    public static Decision Start(CompiledWorkflow workflow, CaseFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(facts);
        var route = Route(workflow, facts);
        var initial = new CaseState
        {
            WorkflowKey = workflow.Key,
            WorkflowVersion = workflow.Version,
            StepId = string.Empty,
            Phase = CasePhase.Queued,
            StepEntry = 0,
            StepEnteredAt = now,
        };
        var builder = new DecisionBuilder(workflow, facts, now, initial);
        builder.Enter(workflow.Steps[route.Target], AssignmentReason.Routed, null, null);
        return builder.Build(string.Empty, CasePhase.Queued);
    }

    /// <summary>The entry rule that applies to <paramref name="facts"/>: the first whose condition holds.</summary>
    public static string RouteFor(CompiledWorkflow workflow, CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return Route(workflow, facts).Id;
    }

    private static CompiledRoute Route(CompiledWorkflow workflow, CaseFacts facts)
    {
        foreach (var route in workflow.Routes)
        {
            if (route.When is null || route.When.Evaluate(facts))
            {
                return route;
            }
        }

        // The compiler guarantees a default rule; reaching here means the workflow was not compiled by it.
        throw new InvalidOperationException($"Workflow {workflow.Key} v{workflow.Version} has no default route.");
    }

    /// <summary>Decides what <paramref name="evt"/> does to a case in <paramref name="state"/>.</summary>
    public static Decision Decide(CompiledWorkflow workflow, CaseState state, CaseFacts facts, WorkflowEvent evt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(evt);
        var step = StepOf(workflow, state);

        Deadline? timer = null;
        var trigger = evt.Type;
        if (trigger == WorkflowEventType.TimerElapsed)
        {
            timer = state.FindDeadline(evt.DeadlineId ?? string.Empty);
            if (timer is null)
            {
                return Unchanged(state, DecisionOutcome.Ignored, "StaleTimer", evt.DeadlineId);
            }

            if (timer.DueAt > now)
            {
                return Unchanged(state, DecisionOutcome.Ignored, "TimerNotDue", timer.Id, timer.DueAt);
            }

            switch (timer.Kind)
            {
                case DeadlineKind.Consent: trigger = WorkflowEventType.ConsentDeadlineMissed; break;
                case DeadlineKind.TakeUp: trigger = WorkflowEventType.TakeUpDeadlineMissed; break;
                case DeadlineKind.Resolution: trigger = WorkflowEventType.ResolutionDeadlineMissed; break;
                default: return Notice(workflow, state, facts, timer, now);
            }
        }

        if (state.IsClosed)
        {
            return Unchanged(state, DecisionOutcome.Rejected, "CaseClosed", state.StepId);
        }

        var machine = workflow.RentMachine();
        try
        {
            return Apply(workflow, machine, step, state, facts, trigger, evt, timer, now);
        }
        finally
        {
            workflow.ReturnMachine(machine);
        }
    }

    private static Decision Apply(
        CompiledWorkflow workflow, WorkflowMachine machine, CompiledStep step, CaseState state, CaseFacts facts,
        WorkflowEventType trigger, WorkflowEvent evt, Deadline? timer, DateTimeOffset now)
    {
        var fired = machine.Fire(step.Index, state, facts, trigger, evt);
        if (!fired.Handled)
        {
            var unmet = fired.UnmetGuards is { Count: > 0 } guards ? string.Join("; ", guards) : "-";
            return Unchanged(state, DecisionOutcome.Rejected, "EventNotPermitted", WorkflowEvents.NameOf(trigger), step.Id, CamelCaseEnum<CasePhase>.NameOf(state.Phase), unmet);
        }

        var builder = machine.Builder.Begin(workflow, facts, now, state);
        if (timer is not null)
        {
            builder.Spent(timer);
        }

        if (fired.Transition is { } transition)
        {
            var target = workflow.Steps[transition.Target];
            builder.Leave(step, target, trigger);
            var reason = transition.IsReassign ? AssignmentReason.Reassigned
                : step.Kind == StepKind.Mediation && target.Kind == StepKind.Mediation ? AssignmentReason.Escalated
                : AssignmentReason.Moved;
            builder.Enter(target, reason, trigger, evt);
        }
        else
        {
            ApplyBuiltIn(step, trigger, evt, builder);
        }

        return builder.Build(state.StepId, state.Phase);
    }

    /// <summary>
    /// The engine's own behaviour for events that stay in the step. Each event's work is a method the JIT keeps apart:
    /// inlined together, the struct-heavy pause, resume and extension paths gave every decision a stack frame of over a
    /// kilobyte to clear, the commonest (take-up) included.
    /// </summary>
    private static void ApplyBuiltIn(CompiledStep step, WorkflowEventType trigger, WorkflowEvent evt, DecisionBuilder builder)
    {
        switch (trigger)
        {
            case WorkflowEventType.ConsentGiven:
                builder.Cancel(DeadlineKind.Consent);
                builder.Queue(step);
                break;

            case WorkflowEventType.TakenUp:
                TakeUp(step, builder);
                break;

            case WorkflowEventType.ClockPaused:
                PauseClock(builder);
                break;

            case WorkflowEventType.ClockResumed:
                ResumeClock(step, builder);
                break;

            case WorkflowEventType.ExtensionGranted:
                Extend(step, evt, builder);
                break;

            case WorkflowEventType.RiskFlagged:
                builder.Effect(DecisionBuilder.Notices.RiskToOrganisation);
                break;

            case WorkflowEventType.AgreementTookEffect:
                builder.AgreementEffectiveAt = evt.EffectiveAt;
                builder.OpenJudicialConfirmation(step);
                break;

            case WorkflowEventType.FollowUpVisitDone:
                builder.Cancel(DeadlineKind.FollowUpVisit);
                break;

            default:
                throw new InvalidOperationException($"No built-in behaviour for {trigger}.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TakeUp(CompiledStep step, DecisionBuilder builder)
    {
        builder.Cancel(DeadlineKind.TakeUp);
        builder.Phase = CasePhase.InMediation;
        if (step.ClockStart == ClockStart.Acceptance)
        {
            builder.StartClock(step, builder.Now);
        }

        builder.Effect(DecisionBuilder.Notices.AcceptedToParties);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PauseClock(DecisionBuilder builder)
    {
        var running = builder.Find(DeadlineKind.Resolution);
        var remaining = running is null
            ? Calendars.WorkflowDuration.FromDays(0)
            : builder.CalendarOf(running).Remaining(builder.Now, running.DueAt, running.Duration.IsDateBased);
        builder.Cancel(DeadlineKind.Resolution);
        builder.Clock = builder.Clock!.Value with { PausedAt = builder.Now, Remaining = remaining, Pauses = builder.Clock.Value.Pauses + 1 };
        builder.Phase = CasePhase.Paused;
        builder.Effect(DecisionBuilder.Notices.PausedToParties);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ResumeClock(CompiledStep step, DecisionBuilder builder)
    {
        var left = builder.Clock!.Value.Remaining ?? Calendars.WorkflowDuration.FromDays(0);
        builder.Schedule(DeadlineKind.Resolution, builder.Now, left, step.Resolution!.Reminders, step.Resolution.Calendar);
        builder.Clock = builder.Clock.Value with { PausedAt = null, Remaining = null };
        builder.Phase = CasePhase.InMediation;
        builder.Effect(DecisionBuilder.Notices.ResumedToParties);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Extend(CompiledStep step, WorkflowEvent evt, DecisionBuilder builder)
    {
        var current = builder.Find(DeadlineKind.Resolution)!;
        var extension = evt.Extension!.Value;

        // A deadline at 24:00 ends its last day; counting on from it must start from that day, not the next.
        // Midnight is judged in the calendar's zone: a host may hand the instant back in UTC or any other offset.
        var localDue = TimeZoneInfo.ConvertTime(current.DueAt, builder.CalendarOf(current).TimeZone);
        var from = extension.IsDateBased && localDue.TimeOfDay == TimeSpan.Zero
            ? current.DueAt.AddTicks(-1)
            : current.DueAt;
        builder.Cancel(DeadlineKind.Resolution);
        builder.Schedule(DeadlineKind.Resolution, from, extension, step.Resolution!.Reminders, step.Resolution.Calendar);
        builder.Clock = builder.Clock!.Value with { ExtensionsUsed = builder.Clock.Value.ExtensionsUsed + 1 };
        builder.Effect(DecisionBuilder.Notices.ExtendedToParties);
    }

    /// <summary>A reminder, the end of the judicial confirmation window or an overdue follow-up visit: a message, no move.</summary>
    private static Decision Notice(CompiledWorkflow workflow, CaseState state, CaseFacts facts, Deadline timer, DateTimeOffset now)
    {
        var builder = new DecisionBuilder(workflow, facts, now, state);
        builder.Spent(timer);
        switch (timer.Kind)
        {
            case DeadlineKind.Reminder:
                var audience = timer.ReminderOfKind switch
                {
                    DeadlineKind.Consent => StepOf(workflow, state).ConsentOf ?? Participant.Respondent,
                    DeadlineKind.TakeUp => Participant.Organisation,
                    DeadlineKind.FollowUpVisit => Participant.Mediator,
                    DeadlineKind.JudicialConfirmation => Participant.AllParties,
                    _ => Participant.Mediator,
                };
                builder.Notify(audience, NotificationTemplates.DeadlineReminder, timer.ReminderOf);
                break;
            case DeadlineKind.JudicialConfirmation:
                builder.Cancel(DeadlineKind.JudicialConfirmation);
                builder.Notify(Participant.AllParties, NotificationTemplates.JudicialConfirmationClosed, timer.Id);
                break;
            default:
                builder.Notify(Participant.Organisation, NotificationTemplates.FollowUpVisitOverdue, timer.Id);
                break;
        }

        return builder.Build(state.StepId, state.Phase);
    }

    /// <summary>The events a person may send now, for the buttons a user interface offers.</summary>
    public static IReadOnlyList<WorkflowEventType> PermittedEvents(CompiledWorkflow workflow, CaseState state, CaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(facts);
        if (state.IsClosed)
        {
            return [];
        }

        var machine = workflow.RentMachine();
        var permitted = machine.Permitted(StepOf(workflow, state).Index, state, facts);
        workflow.ReturnMachine(machine);
        return permitted;
    }

    /// <summary>
    /// Recomputes provisional deadlines, for example after a new year's holidays were added to the calendar.
    /// Applied only when some deadline moved; its effects reschedule the moved timers.
    /// </summary>
    public static Decision RecomputeProvisional(CompiledWorkflow workflow, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        var changed = false;
        var effects = ImmutableArray.CreateBuilder<WorkflowEffect>();
        var deadlines = ImmutableArray.CreateBuilder<Deadline>(state.Deadlines.Length);
        var moved = new Dictionary<string, Deadline>(StringComparer.Ordinal);
        foreach (var deadline in state.Deadlines.OrderBy(d => d.ReminderOf is null ? 0 : 1))
        {
            Deadline updated = deadline;
            if (deadline.ReminderOf is { } parentId)
            {
                var parent = moved.TryGetValue(parentId, out var p) ? p : state.FindDeadline(parentId);
                if (parent is not null && (deadline.Provisional || moved.ContainsKey(parentId)))
                {
                    var at = CalendarOf(workflow, deadline).Subtract(parent.DueAt, deadline.Duration);
                    updated = deadline with { DueAt = at.At, Provisional = at.Provisional || parent.Provisional, CountedFrom = parent.DueAt };
                }
            }
            else if (deadline.Provisional)
            {
                var due = CalendarOf(workflow, deadline).Add(deadline.CountedFrom, deadline.Duration);
                updated = deadline with { DueAt = due.At, Provisional = due.Provisional };
                moved[deadline.Id] = updated;
            }

            if (updated != deadline)
            {
                changed = true;
                effects.Add(new CancelDeadlineEffect(deadline.Id));
                effects.Add(new ScheduleDeadlineEffect(updated));
            }

            deadlines.Add(updated);
        }

        if (!changed)
        {
            return new Decision(DecisionOutcome.Ignored, state, [], state.StepId, state.Phase);
        }

        var ordered = deadlines.OrderBy(d => d.DueAt).ToImmutableArray();
        return new Decision(DecisionOutcome.Applied, state with { Deadlines = ordered }, effects.ToImmutable(), state.StepId, state.Phase);
    }

    private static Calendars.IWorkflowCalendar CalendarOf(CompiledWorkflow workflow, Deadline deadline) =>
        workflow.Calendars.TryGetValue(deadline.Calendar, out var calendar) ? calendar : workflow.Calendar;

    internal static CompiledStep StepOf(CompiledWorkflow workflow, CaseState state)
    {
        if (!string.Equals(state.WorkflowKey, workflow.Key, System.StringComparison.Ordinal) || state.WorkflowVersion != workflow.Version)
        {
            throw new ArgumentException(
                $"The case runs on {state.WorkflowKey} v{state.WorkflowVersion}, not {workflow.Key} v{workflow.Version}; migrate it explicitly.",
                nameof(state));
        }

        return workflow.TryGetStep(state.StepId, out var step)
            ? step
            : throw new ArgumentException($"Step '{state.StepId}' is not in {workflow.Key} v{workflow.Version}.", nameof(state));
    }

    private static Decision Unchanged(CaseState state, DecisionOutcome outcome, string code, params object?[] args) =>
        new(outcome, state, [], state.StepId, state.Phase, new DecisionProblem(code, Text.Get(code, args)));
}
