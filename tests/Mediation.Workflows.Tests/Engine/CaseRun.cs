using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>
/// Drives one case through <see cref="WorkflowEngine"/> the way a host does: it keeps the state the last decision
/// returned and hands it back with the next event. Nothing here decides anything; it only saves typing.
/// </summary>
internal sealed class CaseRun
{
    public CaseRun(CompiledWorkflow workflow, CaseFacts facts)
    {
        Workflow = workflow;
        Facts = facts;
        Last = WorkflowEngine.Start(workflow, facts, facts.FiledAt);
        State = Last.State;
    }

    public CompiledWorkflow Workflow { get; }

    public CaseFacts Facts { get; }

    public CaseState State { get; private set; }

    public Decision Last { get; private set; }

    /// <summary>Sends <paramref name="evt"/> at <paramref name="at"/>; the state moves on only when the decision applied.</summary>
    public Decision Send(WorkflowEvent evt, DateTimeOffset at)
    {
        Last = WorkflowEngine.Decide(Workflow, State, Facts, evt, at);
        State = Last.State;
        return Last;
    }

    public Decision Send(WorkflowEventType type, DateTimeOffset at, params Participant[] by) =>
        Send(WorkflowEvent.Of(type, null, by), at);

    /// <summary>Sends an event that must apply, failing the test with the engine's own explanation otherwise.</summary>
    public Decision Apply(WorkflowEvent evt, DateTimeOffset at)
    {
        var decision = Send(evt, at);
        Assert.True(decision.Applied, $"{evt.Type} was {decision.Outcome}: {decision.Problem?.Message.En}");
        return decision;
    }

    public Decision Apply(WorkflowEventType type, DateTimeOffset at) => Apply(WorkflowEvent.Of(type), at);

    /// <summary>The single live deadline of <paramref name="kind"/> (not a reminder).</summary>
    public Deadline Deadline(DeadlineKind kind) => State.Deadlines.Single(d => d.Kind == kind);

    /// <summary>The single live reminder of the deadline of <paramref name="kind"/>.</summary>
    public Deadline ReminderOf(DeadlineKind kind) =>
        State.Deadlines.Single(d => d.Kind == DeadlineKind.Reminder && d.ReminderOfKind == kind);

    /// <summary>Delivers the timer of the live deadline of <paramref name="kind"/> exactly when it is due.</summary>
    public Decision Elapse(DeadlineKind kind)
    {
        var deadline = Deadline(kind);
        return Send(WorkflowEvent.Timer(deadline.Id), deadline.DueAt);
    }
}

/// <summary>Looks effects up by type.</summary>
internal static class EffectQueries
{
    public static IReadOnlyList<T> All<T>(this Decision decision) where T : WorkflowEffect => decision.Effects.OfType<T>().ToList();

    public static T Only<T>(this Decision decision) where T : WorkflowEffect => Assert.Single(decision.Effects.OfType<T>());

    public static IReadOnlyList<string> CancelledIds(this Decision decision) =>
        decision.Effects.OfType<CancelDeadlineEffect>().Select(c => c.DeadlineId).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Deadline> Scheduled(this Decision decision) =>
        decision.Effects.OfType<ScheduleDeadlineEffect>().Select(s => s.Deadline).ToList();
}
