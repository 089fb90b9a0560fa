using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Tests.Calendars;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Deadlines past the last year of holidays on file are provisional and recounted when the year arrives.</summary>
public sealed class ProvisionalDeadlineTests
{
    [Fact]
    public void Decide_MedicalAcceptedMidDecember2026_DeadlineIn2027IsProvisional()
    {
        var run = AcceptedOn14December2026();

        // Accepted Mon 14 Dec 2026: Dec 15-18 (4), 21-25 (9), 28-31 (13); 2027 has no schedule, so weekends only:
        // Fri Jan 1 (14), Jan 4-8 (19), 11-15 (24), 18-22 (29), Mon Jan 25 (30) -> 24:00 on 25 Jan 2027, provisional.
        // Reminder P5D: Jan 19-22 and 25 are the last five -> 24:00 Mon 18 Jan.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(Utc(2027, 1, 25, 16), resolution.DueAt);
        Assert.True(resolution.Provisional);
        Assert.Equal(EndOfDay(2027, 1, 18), run.ReminderOf(DeadlineKind.Resolution).DueAt);
        Assert.True(run.ReminderOf(DeadlineKind.Resolution).Provisional);
    }

    [Fact]
    public void RecomputeProvisional_After2027ScheduleArrives_MovesDeadlineAndClearsProvisional()
    {
        var run = AcceptedOn14December2026();
        var oldResolution = run.Deadline(DeadlineKind.Resolution);
        var oldReminder = run.ReminderOf(DeadlineKind.Resolution);
        var mainland = Assert.IsType<WorkingDayCalendar>(run.Workflow.Calendar);
        var recompiled = run.Workflow.WithCalendar(mainland.WithSchedule(CalendarTestData.Made2027()));

        var decision = WorkflowEngine.RecomputeProvisional(recompiled, run.State, Cst(2026, 12, 20, 9));

        // The made-up 2027 schedule takes Fri 1 Jan off: Dec 15-31 (13), Jan 4-8 (18), 11-15 (23), 18-22 (28),
        // Mon 25 (29), Tue 26 (30) -> 24:00 on 26 Jan 2027. Reminder: Jan 20-22, 25-26 left -> 24:00 Tue 19 Jan.
        var resolution = decision.State.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution);
        var reminder = decision.State.Deadlines.Single(d => d.Kind == DeadlineKind.Reminder);
        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(Utc(2027, 1, 26, 16), resolution.DueAt);
        Assert.False(resolution.Provisional);
        Assert.Equal(EndOfDay(2027, 1, 19), reminder.DueAt);
        Assert.False(reminder.Provisional);
        Assert.Equal(resolution.DueAt, reminder.CountedFrom);
        Assert.Equal(oldResolution.CountedFrom, resolution.CountedFrom);
        Assert.Equal(
            [new CancelDeadlineEffect(oldResolution.Id), new ScheduleDeadlineEffect(resolution), new CancelDeadlineEffect(oldReminder.Id), new ScheduleDeadlineEffect(reminder)],
            decision.Effects.ToArray());
        Assert.Equal((run.State.StepId, run.State.Phase, run.State.StepEntry), (decision.State.StepId, decision.State.Phase, decision.State.StepEntry));

        // The recomputed state runs on: a timer at the old instant is now early, the new one moves the case.
        var atOldInstant = WorkflowEngine.Decide(recompiled, decision.State, run.Facts, WorkflowEvent.Timer(resolution.Id), oldResolution.DueAt);
        Assert.Equal(("TimerNotDue", DecisionOutcome.Ignored), (atOldInstant.Problem?.Code, atOldInstant.Outcome));
    }

    [Fact]
    public void RecomputeProvisional_CalendarUnchanged_IsIgnoredWithNoEffects()
    {
        var run = AcceptedOn14December2026();

        var decision = WorkflowEngine.RecomputeProvisional(run.Workflow, run.State, Cst(2026, 12, 20, 9));

        Assert.Equal(DecisionOutcome.Ignored, decision.Outcome);
        Assert.Empty(decision.Effects);
        Assert.Same(run.State, decision.State);
    }

    [Fact]
    public void RecomputeProvisional_NoProvisionalDeadlines_IsIgnored()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 3, 2, 10));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 11));
        var mainland = Assert.IsType<WorkingDayCalendar>(run.Workflow.Calendar);

        var decision = WorkflowEngine.RecomputeProvisional(run.Workflow.WithCalendar(mainland.WithSchedule(CalendarTestData.Made2027())), run.State, Cst(2026, 3, 3, 9));

        Assert.Equal(DecisionOutcome.Ignored, decision.Outcome);
        Assert.Equal(Utc(2026, 4, 14, 16), decision.State.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution).DueAt);
    }

    private static CaseRun AcceptedOn14December2026()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 12, 7, 9)));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 12, 8, 10));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 12, 14, 10));
        return run;
    }
}
