using System.Collections.Immutable;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Timers name their deadline: stale, duplicate and early timers never move a case.</summary>
public sealed class TimerTests
{
    [Fact]
    public void Decide_TimerOfDeadlineFromBeforeEscalation_IsIgnoredAsStale()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));
        run.Elapse(DeadlineKind.TakeUp);
        var escalated = run.State;

        // 1.reminder.2 was cancelled by the escalation; 1.takeUp.1 has already fired once.
        var cancelledReminder = run.Send(WorkflowEvent.Timer("1.reminder.2"), Cst(2026, 3, 6, 9));
        var firedAgain = run.Send(WorkflowEvent.Timer("1.takeUp.1"), Cst(2026, 3, 6, 9));

        foreach (var decision in new[] { cancelledReminder, firedAgain })
        {
            Assert.Equal(DecisionOutcome.Ignored, decision.Outcome);
            Assert.Equal("StaleTimer", decision.Problem?.Code);
            Assert.Same(escalated, decision.State);
            Assert.Empty(decision.Effects);
        }

        Assert.Equal("The timer '1.takeUp.1' is stale or was cancelled; ignored.", firedAgain.Problem?.Message.En);
        Assert.Equal("计时器“1.takeUp.1”已过期或已取消，忽略。", firedAgain.Problem?.Message.ZhCn);
        Assert.Equal(("township", 2, 1), (run.State.StepId, run.State.StepEntry, run.State.Escalations));
    }

    [Fact]
    public void Decide_SameReminderDeliveredTwice_SecondIsIgnored()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));
        var reminder = run.ReminderOf(DeadlineKind.TakeUp);

        var first = run.Send(WorkflowEvent.Timer(reminder.Id), reminder.DueAt);
        var afterFirst = run.State;
        var second = run.Send(WorkflowEvent.Timer(reminder.Id), reminder.DueAt.AddMinutes(1));

        // A take-up reminder goes to the organisation, naming the deadline it reminds of.
        Assert.Equal(DecisionOutcome.Applied, first.Outcome);
        Assert.Equal([new NotifyEffect(Participant.Organisation, NotificationTemplates.DeadlineReminder, "1.takeUp.1")], first.Effects.ToArray());
        Assert.Equal(["1.takeUp.1"], afterFirst.Deadlines.Select(d => d.Id));
        Assert.Equal(("village", CasePhase.Queued, 1), (afterFirst.StepId, afterFirst.Phase, afterFirst.StepEntry));
        Assert.Equal(DecisionOutcome.Ignored, second.Outcome);
        Assert.Equal("StaleTimer", second.Problem?.Code);
        Assert.Same(afterFirst, second.State);
    }

    [Fact]
    public void Decide_SameTakeUpTimerDeliveredTwice_EscalatesOnlyOnce()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));
        var takeUp = run.Deadline(DeadlineKind.TakeUp);

        run.Send(WorkflowEvent.Timer(takeUp.Id), takeUp.DueAt);
        var second = run.Send(WorkflowEvent.Timer(takeUp.Id), takeUp.DueAt.AddSeconds(5));

        Assert.Equal(DecisionOutcome.Ignored, second.Outcome);
        Assert.Equal("township", run.State.StepId);
        Assert.Equal(1, run.State.Escalations);
        Assert.Equal(2, run.State.StepEntry);
    }

    [Fact]
    public void Decide_TimerBeforeItsDeadlineIsDue_IsIgnoredAsNotDue()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));
        var before = run.State;

        // Due 24:00 on 5 Mar; one minute earlier (23:59 local, 15:59 UTC) is too early.
        var early = run.Send(WorkflowEvent.Timer("1.takeUp.1"), Cst(2026, 3, 5, 23, 59));

        Assert.Equal(DecisionOutcome.Ignored, early.Outcome);
        Assert.Equal("TimerNotDue", early.Problem?.Code);
        Assert.Equal("The timer '1.takeUp.1' is not due yet (2026-03-05 16:00:00Z); ignored.", early.Problem?.Message.En);
        Assert.Same(before, early.State);
        Assert.Empty(early.Effects);
        Assert.Equal("village", run.State.StepId);

        var onTime = run.Send(WorkflowEvent.Timer("1.takeUp.1"), Utc(2026, 3, 5, 16));
        Assert.Equal(DecisionOutcome.Applied, onTime.Outcome);
        Assert.Equal("township", run.State.StepId);
    }

    [Fact]
    public void Decide_ExtensionGranted_MovesDeadlineByFifteenDaysAndOldTimerIsStale()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var original = run.Deadline(DeadlineKind.Resolution);

        var extended = run.Apply(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P15D"), Participant.Applicant, Participant.Respondent), Cst(2026, 3, 30, 10));

        // Original deadline 24:00 on 2 Apr; fifteen more days counted on from that last day: 3..17 Apr -> 24:00 on 17 Apr.
        // New reminder P7D before -> 24:00 on 10 Apr.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(Utc(2026, 4, 17, 16), resolution.DueAt);
        Assert.Equal(EndOfDay(2026, 4, 10), run.ReminderOf(DeadlineKind.Resolution).DueAt);
        Assert.NotEqual(original.Id, resolution.Id);
        Assert.Equal(["1.reminder.4", "1.resolution.3"], extended.CancelledIds());
        Assert.Equal(1, run.State.Clock?.ExtensionsUsed);
        Assert.Equal(Cst(2026, 3, 2, 15), run.State.Clock?.StartedAt);
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.DeadlineExtended), extended.Effects);

        var oldTimer = run.Send(WorkflowEvent.Timer(original.Id), original.DueAt);

        Assert.Equal(DecisionOutcome.Ignored, oldTimer.Outcome);
        Assert.Equal("StaleTimer", oldTimer.Problem?.Code);
        Assert.Equal(("village", CasePhase.InMediation), (run.State.StepId, run.State.Phase));
    }

    [Fact]
    public void Decide_ExtensionOnStateStoredInUtc_EndsOnSameDayAsInBeijingOffset()
    {
        // A host that stores instants as UTC (timestamptz) hands back 2026-04-02T16:00Z for 24:00 on 2 Apr (+08:00).
        // It is the same instant, so the extension must end on the same day: 24:00 on 17 Apr.
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var stored = run.State with
        {
            Deadlines = run.State.Deadlines.Select(d => d with { DueAt = d.DueAt.ToUniversalTime(), CountedFrom = d.CountedFrom.ToUniversalTime() }).ToImmutableArray(),
        };

        var decision = WorkflowEngine.Decide(run.Workflow, stored, run.Facts,
            WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P15D"), Participant.AllParties), Cst(2026, 3, 30, 10));

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(Utc(2026, 4, 17, 16), decision.State.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution).DueAt);
    }

    [Fact]
    public void Decide_ResolutionReminder_NotifiesMediatorWithoutMovingCase()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var reminder = run.ReminderOf(DeadlineKind.Resolution);

        var decision = run.Send(WorkflowEvent.Timer(reminder.Id), reminder.DueAt);

        Assert.Equal(EndOfDay(2026, 3, 26), reminder.DueAt);
        Assert.Equal([new NotifyEffect(Participant.Mediator, NotificationTemplates.DeadlineReminder, "1.resolution.3")], decision.Effects.ToArray());
        Assert.Equal(("village", CasePhase.InMediation, 1), (run.State.StepId, run.State.Phase, run.State.StepEntry));
        Assert.Equal(["1.resolution.3"], run.State.Deadlines.Select(d => d.Id));
    }

    [Fact]
    public void Decide_TimerWithUnknownId_IsIgnoredAsStale()
    {
        var run = new CaseRun(Get("general-civil"), Facts());

        var decision = run.Send(WorkflowEvent.Timer("9.takeUp.99"), Cst(2026, 12, 31));

        Assert.Equal(("StaleTimer", DecisionOutcome.Ignored), (decision.Problem?.Code, decision.Outcome));
    }
}
