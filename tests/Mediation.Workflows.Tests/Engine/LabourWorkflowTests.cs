using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Labour disputes (劳动争议调解仲裁法 Art. 14): fifteen days from receipt of the application, then labour arbitration.</summary>
public sealed class LabourWorkflowTests
{
    [Fact]
    public void Start_LabourDispute_ResolutionClockRunsFromReceiptBeforeTakeUp()
    {
        // Paper application received Mon 2 Mar 10:00, entered in the system on 3 Mar.
        var run = new CaseRun(Get("labour"), Facts("labour", filedAt: Cst(2026, 3, 3, 9), receivedAt: Cst(2026, 3, 2, 10)));

        // P15D natural from 2 Mar (not counted): 3..17 Mar -> 24:00 on 17 Mar (16:00 UTC). Its P3D reminder: 24:00 on 14 Mar.
        // Take-up P2D from 3 Mar -> 24:00 on 5 Mar.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(CasePhase.Queued, run.State.Phase);
        Assert.Equal(Cst(2026, 3, 2, 10), run.State.Clock?.StartedAt);
        Assert.Equal(Utc(2026, 3, 17, 16), resolution.DueAt);
        Assert.Equal(Cst(2026, 3, 2, 10), resolution.CountedFrom);
        Assert.Equal(EndOfDay(2026, 3, 14), run.ReminderOf(DeadlineKind.Resolution).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 5), run.Deadline(DeadlineKind.TakeUp).DueAt);
        Assert.Equal(new AssignEffect("labour-mediation", null, "labour-mediation", AssignmentReason.Routed), run.Last.Only<AssignEffect>());
    }

    [Fact]
    public void Decide_TakenUp_KeepsReceiptClockRunning()
    {
        var run = new CaseRun(Get("labour"), Facts("labour", filedAt: Cst(2026, 3, 3, 9), receivedAt: Cst(2026, 3, 2, 10)));
        var resolution = run.Deadline(DeadlineKind.Resolution);

        var decision = run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 4, 9));

        Assert.Same(resolution, run.Deadline(DeadlineKind.Resolution));
        Assert.Equal(Utc(2026, 3, 17, 16), run.Deadline(DeadlineKind.Resolution).DueAt);
        Assert.Empty(decision.Scheduled());
        Assert.Equal(["1.reminder.2", "1.takeUp.1"], decision.CancelledIds());
        Assert.Equal(CasePhase.InMediation, run.State.Phase);
    }

    [Fact]
    public void Decide_ResolutionDeadlineMissedWhileQueued_RefersToLabourArbitration()
    {
        // Received 2 Mar but only entered on 16 Mar: the fifteen days end (24:00 on 17 Mar) before take-up is due (24:00 on 18 Mar).
        var run = new CaseRun(Get("labour"), Facts("labour", filedAt: Cst(2026, 3, 16, 9), receivedAt: Cst(2026, 3, 2, 10)));
        Assert.Equal(EndOfDay(2026, 3, 18), run.Deadline(DeadlineKind.TakeUp).DueAt);

        var decision = run.Elapse(DeadlineKind.Resolution);

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(Utc(2026, 3, 17, 16), run.State.StepEnteredAt);
        Assert.Equal(CasePhase.Queued, decision.FromPhase);
        Assert.Equal(("referred-arbitration", TerminalOutcome.Referred), (run.State.StepId, run.State.Outcome));
        Assert.Equal((OutcomeKind.Termination, TerminationReason.TimedOut), (record.Kind, record.TerminationReason));
        Assert.Equal(Referral.LabourArbitration, record.Remedies[0]);
        Assert.Equal([Referral.LabourArbitration], record.Remedies.ToArray());
        Assert.Empty(run.State.Deadlines);
    }

    [Fact]
    public void Decide_TakeUpMissedAndReassigned_KeepsFifteenDaysFromReceipt()
    {
        var run = new CaseRun(Get("labour"), Facts("labour", filedAt: Cst(2026, 3, 2, 10), receivedAt: Cst(2026, 3, 2, 10)));

        var decision = run.Elapse(DeadlineKind.TakeUp);

        // Take-up was due 24:00 on 4 Mar; the case is reassigned within the step, but Art. 14 still counts fifteen days
        // from receipt on 2 Mar: the deadline stays 24:00 on 17 Mar (not 24:00 on 20 Mar counted from the reassignment).
        Assert.Equal(new AssignEffect("labour-mediation", null, "labour-mediation", AssignmentReason.Reassigned), decision.Only<AssignEffect>());
        Assert.Equal((2, 1), (run.State.StepEntry, run.State.Reassignments));
        Assert.Equal(Utc(2026, 3, 17, 16), run.Deadline(DeadlineKind.Resolution).DueAt);
        Assert.Equal(Cst(2026, 3, 2, 10), run.State.Clock?.StartedAt);
        Assert.Equal(EndOfDay(2026, 3, 7), run.Deadline(DeadlineKind.TakeUp).DueAt);
    }

    [Fact]
    public void Start_NoReceivedAt_ClockRunsFromFiling()
    {
        var run = new CaseRun(Get("labour"), Facts("labour", filedAt: Cst(2026, 3, 2, 10)));

        // No separate receipt: fifteen days from filing on 2 Mar (not counted) -> 3..17 Mar -> 24:00 on 17 Mar.
        Assert.Equal(EndOfDay(2026, 3, 17), run.Deadline(DeadlineKind.Resolution).DueAt);
    }
}
