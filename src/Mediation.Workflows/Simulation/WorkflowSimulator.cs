using System.Collections.Immutable;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Simulation;

/// <summary>A scripted dispute for a simulation: its facts and the events people send, on a virtual clock.</summary>
/// <param name="Facts">The dispute; the clock starts at its filing time.</param>
/// <param name="Events">What people do, in order.</param>
/// <param name="Until">Keep firing due timers until this instant after the last event (default: until the case closes or no timer is left).</param>
public sealed record SimulationScript(CaseFacts Facts, IReadOnlyList<ScriptedEvent> Events, DateTimeOffset? Until = null);

/// <summary>An event in a script.</summary>
/// <param name="Event">The event.</param>
/// <param name="At">When, on the virtual clock.</param>
/// <param name="After">Or how long after the previous scripted moment, counted in the workflow's calendar.</param>
public sealed record ScriptedEvent(WorkflowEvent Event, DateTimeOffset? At = null, WorkflowDuration? After = null);

/// <summary>One line of a trace.</summary>
/// <param name="At">Virtual time.</param>
/// <param name="Event">The event's name as definitions write it, <c>timerElapsed</c> for a deadline, or <c>filed</c> for the start.</param>
/// <param name="DeadlineId">For timers, the deadline.</param>
/// <param name="Decision">What the engine decided.</param>
public sealed record TraceEntry(DateTimeOffset At, string Event, string? DeadlineId, Decision Decision)
{
    /// <summary>The name of the first entry, the filing.</summary>
    public const string Filed = "filed";
}

/// <summary>The result of a simulation.</summary>
/// <param name="Entries">Every event and timer in order.</param>
/// <param name="Final">The case state at the end.</param>
/// <param name="Path">The steps the case went through.</param>
public sealed record SimulationTrace(ImmutableArray<TraceEntry> Entries, CaseState Final, ImmutableArray<string> Path);

/// <summary>
/// Runs a workflow over a scripted dispute against a virtual clock, firing deadlines as they come due. Serves the
/// tests, the designer's test run and what-if runs over past cases; it uses exactly the engine the service uses.
/// </summary>
public static class WorkflowSimulator
{
    /// <summary>At most this many timers fire after the last event, so a faulty definition cannot loop for ever.</summary>
    public const int MaxTrailingTimers = 1_000;

    /// <summary>Runs <paramref name="script"/> on <paramref name="workflow"/>.</summary>
    public static SimulationTrace Run(CompiledWorkflow workflow, SimulationScript script)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(script);
        var facts = script.Facts;
        var now = facts.FiledAt;
        var entries = ImmutableArray.CreateBuilder<TraceEntry>();
        var path = ImmutableArray.CreateBuilder<string>();
        var start = WorkflowEngine.Start(workflow, facts, now);
        var state = start.State;
        path.Add(state.StepId);
        entries.Add(new TraceEntry(now, TraceEntry.Filed, null, start));

        foreach (var scripted in script.Events)
        {
            var at = scripted.At ?? (scripted.After is { } after ? workflow.Calendar.Add(now, after).At : now);
            if (at < now)
            {
                throw new ArgumentException($"Scripted events must be in time order; {at:u} is before {now:u}.", nameof(script));
            }

            state = FireDueTimers(workflow, state, facts, at, entries, path, int.MaxValue);
            now = at;
            var decision = WorkflowEngine.Decide(workflow, state, facts, scripted.Event, now);
            entries.Add(new TraceEntry(now, WorkflowEvents.NameOf(scripted.Event.Type), scripted.Event.DeadlineId, decision));
            state = Track(decision, state, path);
        }

        var until = script.Until ?? DateTimeOffset.MaxValue;
        state = FireDueTimers(workflow, state, facts, until, entries, path, MaxTrailingTimers);
        return new SimulationTrace(entries.ToImmutable(), state, path.ToImmutable());
    }

    private static CaseState FireDueTimers(
        CompiledWorkflow workflow, CaseState state, CaseFacts facts, DateTimeOffset until,
        ImmutableArray<TraceEntry>.Builder entries, ImmutableArray<string>.Builder path, int limit)
    {
        for (var fired = 0; fired < limit && !state.IsClosed; fired++)
        {
            Deadline? next = null;
            foreach (var deadline in state.Deadlines)
            {
                if (deadline.DueAt <= until && (next is null || deadline.DueAt < next.DueAt))
                {
                    next = deadline;
                }
            }

            if (next is null)
            {
                break;
            }

            var decision = WorkflowEngine.Decide(workflow, state, facts, WorkflowEvent.Timer(next.Id), next.DueAt);
            entries.Add(new TraceEntry(next.DueAt, WorkflowEvents.NameOf(WorkflowEventType.TimerElapsed), next.Id, decision));
            state = Track(decision, state, path);
        }

        return state;
    }

    private static CaseState Track(Decision decision, CaseState previous, ImmutableArray<string>.Builder path)
    {
        if (decision.Applied && (decision.State.StepEntry != previous.StepEntry))
        {
            path.Add(decision.State.StepId);
        }

        return decision.State;
    }
}
