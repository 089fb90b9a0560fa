using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>
/// Medical disputes (医疗纠纷预防和处理条例 Art. 31, 38): the respondent's consent, 30 working days from acceptance in
/// the cn-mainland calendar, appraisal pauses, extension by agreement, and a judicial window of 30 calendar days.
/// </summary>
public sealed class MedicalWorkflowTests
{
    private static readonly Referral[] _medicalRemedies = [Referral.Litigation, Referral.Administrative];

    [Fact]
    public void Start_MedicalDispute_AsksRespondentToConsentWithinFiveWorkingDays()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));

        // Filed Mon 2 Mar: P5D working days -> Tue 3 .. Fri 6 (4), Mon 9 (5) -> 24:00 on 9 Mar.
        var consent = run.Deadline(DeadlineKind.Consent);
        Assert.Equal(Utc(2026, 3, 9, 16), consent.DueAt);
        Assert.Equal("cn-mainland", consent.Calendar);
        Assert.Equal(CasePhase.AwaitingConsent, run.State.Phase);
        Assert.Equal(new AssignEffect("committee", null, "medical-committee", AssignmentReason.Routed), run.Last.Only<AssignEffect>());
        Assert.Contains(new NotifyEffect(Participant.Respondent, NotificationTemplates.ConsentRequested, consent.Id), run.Last.Effects);
        Assert.DoesNotContain(run.State.Deadlines, d => d.Kind == DeadlineKind.TakeUp);
    }

    [Fact]
    public void Decide_ConsentGiven_QueuesCaseWithTakeUpInWorkingDays()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));

        var decision = run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 3, 3, 10));

        // Take-up P3D working days from Tue 3 Mar: Wed 4, Thu 5, Fri 6 -> 24:00 on 6 Mar; reminder P1D -> 24:00 on 5 Mar.
        Assert.Equal(["1.consent.1"], decision.CancelledIds());
        Assert.Equal(CasePhase.Queued, run.State.Phase);
        Assert.Equal(EndOfDay(2026, 3, 6), run.Deadline(DeadlineKind.TakeUp).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 5), run.ReminderOf(DeadlineKind.TakeUp).DueAt);
        Assert.Contains(new NotifyEffect(Participant.Organisation, NotificationTemplates.CaseQueued), decision.Effects);
        Assert.Null(run.State.Clock);
    }

    [Fact]
    public void Decide_ConsentRefused_ClosesAsRefusedWithRefusalRecord()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));

        var decision = run.Apply(WorkflowEvent.Of(WorkflowEventType.ConsentRefused, "hospital prefers litigation"), Cst(2026, 3, 4, 10));

        AssertRefused(run, decision);
        Assert.Equal(["1.consent.1"], decision.CancelledIds());
    }

    [Fact]
    public void Decide_ConsentDeadlineMissed_ClosesAsRefused()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));

        var decision = run.Elapse(DeadlineKind.Consent);

        AssertRefused(run, decision);
        Assert.Equal(Utc(2026, 3, 9, 16), run.State.StepEnteredAt);
    }

    [Fact]
    public void Decide_AcceptedBeforeSpringFestival2026_ThirtyWorkingDaysSkipHolidayAndCountMakeUpSaturdays()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 1, 26, 9)));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 1, 27, 10));

        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 2, 2, 10));

        // Accepted Mon 2 Feb (not counted): Feb 3-6 (4), Feb 9-13 (9), Sat Feb 14 make-up (10), Feb 15-23 off,
        // Feb 24-27 (14), Sat Feb 28 make-up (15), Sun Mar 1 off, Mar 2-6 (20), Mar 9-13 (25), Mar 16-20 (30)
        // -> 24:00 Fri 20 Mar (+08:00) = 16:00 UTC. Reminder P5D: Mar 16-20 are the last five -> 24:00 Fri 13 Mar.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(Utc(2026, 3, 20, 16), resolution.DueAt);
        Assert.False(resolution.Provisional);
        Assert.Equal("cn-mainland", resolution.Calendar);
        Assert.Equal(EndOfDay(2026, 3, 13), run.ReminderOf(DeadlineKind.Resolution).DueAt);
    }

    [Fact]
    public void Decide_PausedForAppraisalThenResumed_NewDueIsRemainingWorkingDaysFromResume()
    {
        var run = InMediation();
        var calendar = run.Workflow.Calendar;

        // Accepted Mon 2 Mar: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), Mar 30-Apr 3 (24), Apr 4-6 Qingming off,
        // Apr 7-10 (28), Mon 13 (29), Tue 14 (30) -> 24:00 on 14 Apr.
        Assert.Equal(Utc(2026, 4, 14, 16), run.Deadline(DeadlineKind.Resolution).DueAt);

        var paused = run.Apply(WorkflowEventType.ClockPaused, Cst(2026, 3, 16, 11));

        // Paused Mon 16 Mar: left are Mar 17-20 (4), 23-27 (9), Mar 30-Apr 3 (14), Apr 7-10 (18), 13-14 (20).
        Assert.Equal(CasePhase.Paused, run.State.Phase);
        Assert.Equal(WorkflowDuration.FromDays(20), run.State.Clock?.Remaining);
        Assert.Equal(Cst(2026, 3, 16, 11), run.State.Clock?.PausedAt);
        Assert.Equal(1, run.State.Clock?.Pauses);
        Assert.Empty(run.State.Deadlines);
        Assert.Equal(["1.reminder.5", "1.resolution.4"], paused.CancelledIds());
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.ClockPaused), paused.Effects);

        var resumeAt = Cst(2026, 4, 20, 9);
        var resumed = run.Apply(WorkflowEventType.ClockResumed, resumeAt);

        // Resumed Mon 20 Apr: Apr 21-24 (4), 27-30 (8), May 1-5 Labour Day off, May 6-8 (11), Sat May 9 make-up (12),
        // May 11-15 (17), May 18-20 (20) -> 24:00 Wed 20 May. Reminder P5D: May 14-15, 18-20 left -> 24:00 Wed 13 May.
        var resolution = run.Deadline(DeadlineKind.Resolution);
        Assert.Equal(Utc(2026, 5, 20, 16), resolution.DueAt);
        Assert.Equal(calendar.Add(resumeAt, WorkflowDuration.FromDays(20)).At, resolution.DueAt);
        Assert.Equal(resumeAt, resolution.CountedFrom);
        Assert.Equal(EndOfDay(2026, 5, 13), run.ReminderOf(DeadlineKind.Resolution).DueAt);
        Assert.Equal(CasePhase.InMediation, run.State.Phase);
        Assert.Null(run.State.Clock?.PausedAt);
        Assert.Null(run.State.Clock?.Remaining);
        Assert.Equal(Cst(2026, 3, 2, 10), run.State.Clock?.StartedAt);
        Assert.Equal([resolution, run.ReminderOf(DeadlineKind.Resolution)], resumed.Scheduled());
    }

    [Fact]
    public void Decide_WhilePaused_ExtensionAndTimerOfCancelledDeadlineDoNothing()
    {
        var run = InMediation();
        var resolutionId = run.Deadline(DeadlineKind.Resolution).Id;
        run.Apply(WorkflowEventType.ClockPaused, Cst(2026, 3, 16, 11));
        var paused = run.State;

        var extension = run.Send(WorkflowEvent.ExtensionGranted(WorkflowDuration.FromDays(10), Participant.Applicant, Participant.Respondent, Participant.Organisation), Cst(2026, 3, 17, 9));
        var timer = run.Send(WorkflowEvent.Timer(resolutionId), EndOfDay(2026, 4, 14));

        Assert.Equal(("EventNotPermitted", DecisionOutcome.Rejected), (extension.Problem?.Code, extension.Outcome));
        Assert.Equal(("StaleTimer", DecisionOutcome.Ignored), (timer.Problem?.Code, timer.Outcome));
        Assert.Same(paused, run.State);
    }

    [Theory]
    [InlineData(true, Participant.Applicant, Participant.Respondent, Participant.Organisation)]
    [InlineData(true, Participant.AllParties, Participant.Organisation)]
    [InlineData(false, Participant.Applicant, Participant.Respondent)]
    [InlineData(false, Participant.Respondent, Participant.Organisation)]
    [InlineData(false, Participant.AllParties, Participant.Mediator)]
    public void Decide_ExtensionGranted_NeedsApplicantRespondentAndOrganisation(bool allowed, params Participant[] consentOf)
    {
        var run = InMediation();
        var before = run.State;

        var decision = run.Send(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P30D"), consentOf), Cst(2026, 4, 10, 10));

        if (allowed)
        {
            // From the last day Tue 14 Apr: Apr 15-17 (3), 20-24 (8), 27-30 (12), May 1-5 off, May 6-8 (15),
            // Sat May 9 make-up (16), May 11-15 (21), 18-22 (26), 25-28 (30) -> 24:00 Thu 28 May.
            Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
            Assert.Equal(Utc(2026, 5, 28, 16), run.Deadline(DeadlineKind.Resolution).DueAt);
            Assert.Equal(1, run.State.Clock?.ExtensionsUsed);
        }
        else
        {
            Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
            Assert.Equal("EventNotPermitted", decision.Problem?.Code);
            Assert.Same(before, decision.State);
            Assert.Equal(Utc(2026, 4, 14, 16), run.Deadline(DeadlineKind.Resolution).DueAt);
        }
    }

    [Theory]
    [InlineData("P31D")] // longer than the definition's P30D
    [InlineData("PT48H")] // elapsed time where the definition counts days
    public void Decide_ExtensionBeyondDefinition_IsRejected(string requested)
    {
        var run = InMediation();
        var before = run.State;

        var decision = run.Send(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse(requested), Participant.AllParties, Participant.Organisation), Cst(2026, 4, 10, 10));

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal("EventNotPermitted", decision.Problem?.Code);
        Assert.Same(before, decision.State);
    }

    [Fact]
    public void Decide_SecondExtension_IsRejected()
    {
        var run = InMediation();
        run.Apply(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P10D"), Participant.AllParties, Participant.Organisation), Cst(2026, 4, 10, 10));
        var afterFirst = run.State;

        var second = run.Send(WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P5D"), Participant.AllParties, Participant.Organisation), Cst(2026, 4, 20, 10));

        // The first extension: from Tue 14 Apr, Apr 15-17 (3), 20-24 (8), 27-28 (10) -> 24:00 Tue 28 Apr.
        Assert.Equal(EndOfDay(2026, 4, 28), afterFirst.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution).DueAt);
        Assert.Equal(DecisionOutcome.Rejected, second.Outcome);
        Assert.Same(afterFirst, second.State);
        Assert.DoesNotContain(WorkflowEventType.ExtensionGranted, WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts));
    }

    [Fact]
    public void Decide_ResolutionDeadlineMissed_RefersToLitigationAsTimedOut()
    {
        var run = InMediation();

        var decision = run.Elapse(DeadlineKind.Resolution);

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(Utc(2026, 4, 14, 16), run.State.StepEnteredAt);
        Assert.Equal(("referred-litigation", CasePhase.Closed, TerminalOutcome.Referred), (run.State.StepId, run.State.Phase, run.State.Outcome));
        Assert.Equal((OutcomeKind.Termination, TerminationReason.TimedOut), (record.Kind, record.TerminationReason));
        Assert.Equal(_medicalRemedies, record.Remedies);
        Assert.Empty(run.State.Deadlines);
    }

    [Fact]
    public void Decide_WrittenAgreementInMedicalCase_JudicialWindowCountsThirtyCalendarDays()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 2, 2, 9)));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 2, 3, 10));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 2, 4, 10));

        var decision = run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 2, 10, 16)), Cst(2026, 2, 10, 16));

        // Effective Tue 10 Feb: thirty calendar days, Spring Festival included -> 24:00 Thu 12 Mar (Feb has 28 days).
        // In working days it would have been 30 Mar. Reminder P5D calendar days before -> 24:00 on 7 Mar.
        // Follow-up visit P10D in the workflow's working days: Feb 11-13 (3), Sat 14 (4), Feb 24-27 (8), Sat 28 (9), Mon 2 Mar (10).
        var window = run.Deadline(DeadlineKind.JudicialConfirmation);
        Assert.Equal(Utc(2026, 3, 12, 16), window.DueAt);
        Assert.Equal("natural", window.Calendar);
        Assert.Equal(EndOfDay(2026, 3, 7), run.ReminderOf(DeadlineKind.JudicialConfirmation).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 2), run.Deadline(DeadlineKind.FollowUpVisit).DueAt);
        Assert.Equal(new RequireOutcomeEffect(OutcomeKind.Agreement, "committee", null, []), decision.Only<RequireOutcomeEffect>());
        Assert.Equal(("follow-up", CasePhase.FollowUp), (run.State.StepId, run.State.Phase));
    }

    /// <summary>Filed, consented to and taken up on Mon 2 Mar 2026 (acceptance at 10:00).</summary>
    private static CaseRun InMediation()
    {
        var run = new CaseRun(Get("medical"), Facts("medical", filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 3, 2, 9, 30));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 10));
        return run;
    }

    private static void AssertRefused(CaseRun run, Decision decision)
    {
        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(OutcomeKind.Refusal, record.Kind);
        Assert.Null(record.TerminationReason);
        Assert.Equal(_medicalRemedies, record.Remedies);
        Assert.Equal(("refused", CasePhase.Closed, TerminalOutcome.Refused), (run.State.StepId, run.State.Phase, run.State.Outcome));
        Assert.Empty(run.State.Deadlines);
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.CaseClosed), decision.Effects);
    }
}
