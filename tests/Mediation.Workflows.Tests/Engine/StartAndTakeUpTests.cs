using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>General civil workflow: filing, take-up, reassignment and escalation for want of take-up.</summary>
public sealed class StartAndTakeUpTests
{
    [Fact]
    public void Start_NeighbourDispute_AssignsVillageSchedulesTakeUpWithReminderAndNotifies()
    {
        var workflow = Get("general-civil");
        var facts = Facts(filedAt: Cst(2026, 3, 2, 9));

        var decision = WorkflowEngine.Start(workflow, facts, facts.FiledAt);

        // Take-up P3D, natural days, filed Mon 2 Mar 09:00: Mar 2 not counted, Mar 3, 4, 5 -> 24:00 Thu 5 Mar (+08:00),
        // which is 16:00 UTC on 5 Mar. Reminder P1D before: 24:00 Wed 4 Mar.
        var takeUp = new Deadline("1.takeUp.1", DeadlineKind.TakeUp, "village", 1, Utc(2026, 3, 5, 16), false,
            Cst(2026, 3, 2, 9), WorkflowDuration.Parse("P3D"), "natural");
        var reminder = new Deadline("1.reminder.2", DeadlineKind.Reminder, "village", 1, Utc(2026, 3, 4, 16), false,
            Utc(2026, 3, 5, 16), WorkflowDuration.Parse("P1D"), "natural", "1.takeUp.1", DeadlineKind.TakeUp);
        WorkflowEffect[] expected =
        [
            new AssignEffect("village", Tier.Village, null, AssignmentReason.Routed),
            new NotifyEffect(Participant.AllParties, NotificationTemplates.CaseQueued),
            new NotifyEffect(Participant.Organisation, NotificationTemplates.CaseQueued),
            new ScheduleDeadlineEffect(takeUp),
            new ScheduleDeadlineEffect(reminder),
        ];
        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(expected, decision.Effects);
        Assert.Equal([takeUp, reminder], decision.State.Deadlines.ToArray());
        Assert.Equal(("general-civil", 1, "village", CasePhase.Queued, 1), (decision.State.WorkflowKey, decision.State.WorkflowVersion, decision.State.StepId, decision.State.Phase, decision.State.StepEntry));
        Assert.Equal(Cst(2026, 3, 2, 9), decision.State.StepEnteredAt);
        Assert.Null(decision.State.Clock);
        Assert.Equal(2, decision.State.DeadlineSequence);
    }

    [Fact]
    public void Start_DeadlineInstant_IsMidnightBeijingWhateverTheFilingHour()
    {
        var workflow = Get("general-civil");
        var facts = Facts(filedAt: Cst(2026, 3, 2, 23, 59));

        var decision = WorkflowEngine.Start(workflow, facts, facts.FiledAt);

        // Filed 23:59 on 2 Mar: the day is still 2 Mar and is not counted; the deadline stays 24:00 on 5 Mar.
        Assert.Equal(Utc(2026, 3, 5, 16), decision.State.Deadlines.Single(d => d.Kind == DeadlineKind.TakeUp).DueAt);
    }

    [Fact]
    public void Decide_TakenUp_CancelsTakeUpAndStartsOneMonthClockAtAcceptance()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));

        var decision = run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 15));

        // P1M from acceptance at 15:00 on 2 Mar: the same day number a month on, 2 Apr, ends at 24:00 (+08:00) = 16:00 UTC.
        // Reminder P7D before: 24:00 on 26 Mar.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(["1.reminder.2", "1.takeUp.1"], decision.CancelledIds());
        Assert.Equal(Utc(2026, 4, 2, 16), resolution.DueAt);
        Assert.Equal(EndOfDay(2026, 4, 2), resolution.DueAt);
        Assert.Equal("1.resolution.3", resolution.Id);
        Assert.Equal(Cst(2026, 3, 2, 15), resolution.CountedFrom);
        Assert.Equal(EndOfDay(2026, 3, 26), run.ReminderOf(DeadlineKind.Resolution).DueAt);
        Assert.Equal(2, run.State.Deadlines.Length);
        Assert.Equal(CasePhase.InMediation, run.State.Phase);
        Assert.Equal(Cst(2026, 3, 2, 15), run.State.Clock?.StartedAt);
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.CaseAccepted), decision.Effects);
        Assert.Equal([resolution, run.ReminderOf(DeadlineKind.Resolution)], decision.Scheduled());
    }

    [Theory]
    [InlineData(2026, 1, 31, 2026, 2, 28)] // no 31 Feb: the month's last day (民法典 Art. 202)
    [InlineData(2026, 3, 31, 2026, 4, 30)]
    [InlineData(2026, 12, 15, 2027, 1, 15)]
    public void Decide_TakenUp_OneMonthEndsOnCorrespondingDayOrMonthEnd(int y, int m, int d, int ey, int em, int ed)
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(y, m, d, 8)));

        run.Apply(WorkflowEventType.TakenUp, Cst(y, m, d, 10));

        Assert.Equal(EndOfDay(ey, em, ed), run.Deadline(DeadlineKind.Resolution).DueAt);
        Assert.False(run.Deadline(DeadlineKind.Resolution).Provisional);
    }

    [Fact]
    public void Decide_TakeUpDeadlineMissed_EscalatesVillageToTownshipAndCancelsOldDeadlines()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));

        // The reminder timer was never delivered: it must be cancelled with the step.
        var decision = run.Elapse(DeadlineKind.TakeUp);

        // The timer fires at 24:00 on 5 Mar, i.e. 00:00 on 6 Mar; 6 Mar is the new start day and is not counted:
        // township take-up P3D -> 7, 8, 9 Mar -> 24:00 on 9 Mar; reminder P1D before -> 24:00 on 8 Mar.
        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(("village", CasePhase.Queued), (decision.FromStep, decision.FromPhase));
        Assert.Equal("township", run.State.StepId);
        Assert.Equal(CasePhase.Queued, run.State.Phase);
        Assert.Equal(2, run.State.StepEntry);
        Assert.Equal(1, run.State.Escalations);
        Assert.Equal(0, run.State.Reassignments);
        Assert.Equal(Utc(2026, 3, 5, 16), run.State.StepEnteredAt);
        Assert.Equal(["1.reminder.2"], decision.CancelledIds());
        Assert.Equal(new AssignEffect("township", Tier.Township, null, AssignmentReason.Escalated), decision.Only<AssignEffect>());
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.CaseEscalated), decision.Effects);
        Assert.Empty(decision.All<RequireOutcomeEffect>());
        Assert.All(run.State.Deadlines, d => Assert.Equal(2, d.StepEntry));
        Assert.Equal(["2.takeUp.3", "2.reminder.4"], run.State.Deadlines.Select(d => d.Id));
        Assert.Equal(EndOfDay(2026, 3, 9), run.Deadline(DeadlineKind.TakeUp).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 8), run.ReminderOf(DeadlineKind.TakeUp).DueAt);
    }

    [Fact]
    public void Decide_DeclinedTwiceAtVillage_ReassignsOnceThenEscalatesToTownship()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));

        var first = run.Apply(WorkflowEvent.Of(WorkflowEventType.Declined, "conflict of interest"), Cst(2026, 3, 3, 10));
        var afterFirst = run.State;
        var second = run.Apply(WorkflowEvent.Of(WorkflowEventType.Declined, "no mediator available"), Cst(2026, 3, 4, 10));

        // First decline: reassign (maxTimes 1) re-enters the village step with a fresh take-up period:
        // from 3 Mar -> 4, 5, 6 Mar -> 24:00 on 6 Mar.
        Assert.Equal(new AssignEffect("village", Tier.Village, null, AssignmentReason.Reassigned), first.Only<AssignEffect>());
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.CaseReassigned), first.Effects);
        Assert.Equal(("village", CasePhase.Queued, 2, 1, 0), (afterFirst.StepId, afterFirst.Phase, afterFirst.StepEntry, afterFirst.Reassignments, afterFirst.Escalations));
        Assert.Equal(["1.reminder.2", "1.takeUp.1"], first.CancelledIds());
        Assert.Equal(EndOfDay(2026, 3, 6), afterFirst.Deadlines.Single(d => d.Kind == DeadlineKind.TakeUp).DueAt);

        // Second decline: the reassignment is used up, so the next transition applies: up to the township.
        Assert.Equal(new AssignEffect("township", Tier.Township, null, AssignmentReason.Escalated), second.Only<AssignEffect>());
        Assert.Equal(("township", CasePhase.Queued, 3, 0, 1), (run.State.StepId, run.State.Phase, run.State.StepEntry, run.State.Reassignments, run.State.Escalations));
        Assert.Equal(EndOfDay(2026, 3, 7), run.Deadline(DeadlineKind.TakeUp).DueAt);
    }

    [Fact]
    public void Decide_DeclinedAtDistrict_ReassignsTwiceThenRefersToLitigation()
    {
        var run = new CaseRun(Get("general-civil"), Facts(claimed: 80000m, filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.EscalationRequested, Cst(2026, 3, 2, 10));
        Assert.Equal("district", run.State.StepId);

        run.Apply(WorkflowEventType.Declined, Cst(2026, 3, 3, 9));
        run.Apply(WorkflowEventType.Declined, Cst(2026, 3, 4, 9));
        Assert.Equal(("district", 2), (run.State.StepId, run.State.Reassignments));
        var third = run.Apply(WorkflowEventType.Declined, Cst(2026, 3, 5, 9));

        Assert.Equal("referred-litigation", run.State.StepId);
        Assert.Equal(CasePhase.Closed, run.State.Phase);
        Assert.Equal(TerminalOutcome.Referred, run.State.Outcome);
        Assert.Equal(TerminationReason.Referred, third.Only<RequireOutcomeEffect>().TerminationReason);
        Assert.Empty(run.State.Deadlines);
    }
}
