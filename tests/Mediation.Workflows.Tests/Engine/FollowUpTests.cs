using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>After an agreement: the judicial confirmation window (人民调解法 Art. 33), follow-up visit, performance.</summary>
public sealed class FollowUpTests
{
    [Fact]
    public void Decide_WrittenAgreementWithEffectiveAt_OpensThirtyDayWindowWithReminder()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();

        var decision = run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), Cst(2026, 3, 10, 11));

        // Effective 10 Mar (not counted): 11 Mar .. 9 Apr is thirty days -> 24:00 on 9 Apr = 16:00 UTC; reminder P5D -> 24:00 on 4 Apr.
        // Follow-up visit P15D from 10 Mar -> 24:00 on 25 Mar; its P2D reminder -> 24:00 on 23 Mar.
        var window = run.Deadline(DeadlineKind.JudicialConfirmation);
        Assert.Equal(Utc(2026, 4, 9, 16), window.DueAt);
        Assert.Equal(Cst(2026, 3, 10, 11), window.CountedFrom);
        Assert.Equal(EndOfDay(2026, 4, 4), run.ReminderOf(DeadlineKind.JudicialConfirmation).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 25), run.Deadline(DeadlineKind.FollowUpVisit).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 23), run.ReminderOf(DeadlineKind.FollowUpVisit).DueAt);
        Assert.Equal(Cst(2026, 3, 10, 11), run.State.AgreementEffectiveAt);
        Assert.Equal(("follow-up", CasePhase.FollowUp, 2), (run.State.StepId, run.State.Phase, run.State.StepEntry));
        Assert.Equal(new RequireOutcomeEffect(OutcomeKind.Agreement, "village", null, []), decision.Only<RequireOutcomeEffect>());
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.JudicialConfirmationOpen, window.Id), decision.Effects);
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.AgreementReady), decision.Effects);
        Assert.Equal(["1.reminder.4", "1.resolution.3"], decision.CancelledIds());
    }

    [Fact]
    public void Decide_WrittenAgreementWithoutEffectiveAt_OpensWindowOnlyWhenItTakesEffect()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written), Cst(2026, 3, 10, 11));
        Assert.DoesNotContain(run.State.Deadlines, d => d.Kind == DeadlineKind.JudicialConfirmation);
        Assert.Null(run.State.AgreementEffectiveAt);

        // The last seal goes on at 17:00 on 12 Mar: thirty days -> 24:00 on 11 Apr; reminder -> 24:00 on 6 Apr.
        var tookEffect = run.Apply(WorkflowEvent.AgreementTookEffect(Cst(2026, 3, 12, 17)), Cst(2026, 3, 12, 17, 30));

        Assert.Equal(Utc(2026, 4, 11, 16), run.Deadline(DeadlineKind.JudicialConfirmation).DueAt);
        Assert.Equal(EndOfDay(2026, 4, 6), run.ReminderOf(DeadlineKind.JudicialConfirmation).DueAt);
        Assert.Equal(Cst(2026, 3, 12, 17), run.State.AgreementEffectiveAt);
        Assert.Equal(2, tookEffect.Scheduled().Count);
        Assert.Equal(("follow-up", CasePhase.FollowUp, 2), (run.State.StepId, run.State.Phase, run.State.StepEntry));

        var again = run.Send(WorkflowEvent.AgreementTookEffect(Cst(2026, 3, 13, 9)), Cst(2026, 3, 13, 9));
        Assert.Equal(("EventNotPermitted", DecisionOutcome.Rejected), (again.Problem?.Code, again.Outcome));
    }

    [Fact]
    public void Decide_OralAgreement_InForceAtOnceWithNoJudicialWindow()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();

        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Oral), Cst(2026, 3, 10, 11));
        var tookEffect = run.Send(WorkflowEvent.AgreementTookEffect(Cst(2026, 3, 11, 9)), Cst(2026, 3, 11, 9));

        Assert.Equal(Cst(2026, 3, 10, 11), run.State.AgreementEffectiveAt);
        Assert.Equal([DeadlineKind.FollowUpVisit, DeadlineKind.Reminder], run.State.Deadlines.Select(d => d.Kind));
        Assert.Equal(DecisionOutcome.Rejected, tookEffect.Outcome);
    }

    [Fact]
    public void Decide_JudicialWindowElapses_NotifiesClosedWithoutChangingStep()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), Cst(2026, 3, 10, 11));
        var window = run.Deadline(DeadlineKind.JudicialConfirmation);
        var reminderId = run.ReminderOf(DeadlineKind.JudicialConfirmation).Id;
        var entry = run.State.StepEntry;

        var decision = run.Elapse(DeadlineKind.JudicialConfirmation);

        // The reminder timer was never delivered: it is cancelled with the window.
        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal([reminderId], decision.CancelledIds());
        Assert.Equal([new CancelDeadlineEffect(reminderId), new NotifyEffect(Participant.AllParties, NotificationTemplates.JudicialConfirmationClosed, window.Id)], decision.Effects.ToArray());
        Assert.Equal(("follow-up", CasePhase.FollowUp, entry), (run.State.StepId, run.State.Phase, run.State.StepEntry));
        Assert.DoesNotContain(run.State.Deadlines, d => d.Kind == DeadlineKind.JudicialConfirmation || d.ReminderOfKind == DeadlineKind.JudicialConfirmation);
        Assert.Contains(run.State.Deadlines, d => d.Kind == DeadlineKind.FollowUpVisit);
    }

    [Fact]
    public void Decide_Performed_ClosesWithClosureRecord()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), Cst(2026, 3, 10, 11));
        var live = run.State.Deadlines.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

        var decision = run.Apply(WorkflowEventType.Performed, Cst(2026, 3, 20, 10));

        Assert.Equal(new RequireOutcomeEffect(OutcomeKind.Closure, "follow-up", null, []), decision.Only<RequireOutcomeEffect>());
        Assert.Equal(("closed", CasePhase.Closed, TerminalOutcome.Closed), (run.State.StepId, run.State.Phase, run.State.Outcome));
        Assert.Equal(live, decision.CancelledIds());
        Assert.Equal(4, live.Count);
        Assert.Empty(run.State.Deadlines);
    }

    [Fact]
    public void Decide_PerformanceFailed_RefersToLitigationAsNotPerformed()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Oral), Cst(2026, 3, 10, 11));

        var decision = run.Apply(WorkflowEventType.PerformanceFailed, Cst(2026, 4, 1, 10));

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal((OutcomeKind.Termination, TerminationReason.NotPerformed), (record.Kind, record.TerminationReason));
        Assert.Equal([Referral.Litigation, Referral.Arbitration, Referral.Administrative], record.Remedies.ToArray());
        Assert.Equal(("referred-litigation", TerminalOutcome.Referred), (run.State.StepId, run.State.Outcome));
    }

    [Fact]
    public void Decide_FollowUpVisitDone_CancelsVisitAndItsReminder()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Oral), Cst(2026, 3, 10, 11));
        var ids = run.State.Deadlines.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

        var decision = run.Apply(WorkflowEventType.FollowUpVisitDone, Cst(2026, 3, 18, 10));

        Assert.Equal(ids, decision.CancelledIds());
        Assert.Empty(run.State.Deadlines);
        Assert.Equal(CasePhase.FollowUp, run.State.Phase);
    }
}
