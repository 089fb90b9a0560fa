using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>What may happen in each step and phase, and what the engine says about the rest.</summary>
public sealed class RejectionAndPermittedEventsTests
{
    [Theory]
    [InlineData(WorkflowEventType.AgreementReached)]
    [InlineData(WorkflowEventType.MediationFailed)]
    [InlineData(WorkflowEventType.ClockPaused)] // general-civil is not pausable
    [InlineData(WorkflowEventType.ConsentGiven)] // no consent step
    [InlineData(WorkflowEventType.Performed)]
    [InlineData(WorkflowEventType.ExtensionGranted)]
    public void Decide_EventNotAllowedWhileQueued_IsRejectedAndStateUnchanged(WorkflowEventType type)
    {
        var run = new CaseRun(Get("general-civil"), Facts());
        var before = run.State;
        var evt = type switch
        {
            WorkflowEventType.AgreementReached => WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 3, 9)),
            WorkflowEventType.ExtensionGranted => WorkflowEvent.ExtensionGranted(WorkflowDuration.Parse("P10D"), Participant.AllParties),
            _ => WorkflowEvent.Of(type),
        };

        var decision = run.Send(evt, Cst(2026, 3, 3, 9));

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal("EventNotPermitted", decision.Problem?.Code);
        Assert.Same(before, decision.State);
        Assert.Empty(decision.Effects);
        Assert.Equal(("village", CasePhase.Queued), (decision.FromStep, decision.FromPhase));
    }

    [Fact]
    public void Decide_AgreementWhileQueued_ExplainsInChineseAndEnglish()
    {
        var run = new CaseRun(Get("general-civil"), Facts());

        var decision = run.Send(WorkflowEvent.AgreementReached(AgreementForm.Oral), Cst(2026, 3, 3, 9));

        Assert.Equal("'agreementReached' is not allowed in step 'village' (queued). Unmet conditions: -.", decision.Problem?.Message.En);
        Assert.Equal("在步骤“village”（queued）中不允许“agreementReached”。未满足的条件：-。", decision.Problem?.Message.ZhCn);
    }

    [Theory]
    [InlineData(WorkflowEventType.TakenUp)]
    [InlineData(WorkflowEventType.Withdrawn)]
    [InlineData(WorkflowEventType.RiskFlagged)]
    [InlineData(WorkflowEventType.Performed)]
    [InlineData(WorkflowEventType.EscalationRequested)]
    public void Decide_AnyEventOnClosedCase_IsRejectedAsCaseClosed(WorkflowEventType type)
    {
        var run = new CaseRun(Get("general-civil"), Facts());
        run.Apply(WorkflowEventType.Withdrawn, Cst(2026, 3, 2, 10));
        var closed = run.State;

        var decision = run.Send(type, Cst(2026, 3, 3, 9));

        Assert.Equal(DecisionOutcome.Rejected, decision.Outcome);
        Assert.Equal("CaseClosed", decision.Problem?.Code);
        Assert.Equal("The case is closed at step 'withdrawn' and takes no more events.", decision.Problem?.Message.En);
        Assert.Equal("案件已在步骤“withdrawn”结案，不能再处理事件。", decision.Problem?.Message.ZhCn);
        Assert.Same(closed, decision.State);
        Assert.Empty(decision.Effects);
        Assert.Empty(WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts));
    }

    [Fact]
    public void Decide_RiskFlagged_TellsOrganisationAndStaysPut()
    {
        var run = new CaseRun(Get("general-civil"), Facts());
        var before = run.State;

        var decision = run.Apply(WorkflowEvent.Of(WorkflowEventType.RiskFlagged, "threats between neighbours"), Cst(2026, 3, 2, 11));

        Assert.Equal([new NotifyEffect(Participant.Organisation, NotificationTemplates.RiskFlagged)], decision.Effects.ToArray());
        Assert.Equal((before.StepId, before.Phase, before.StepEntry), (run.State.StepId, run.State.Phase, run.State.StepEntry));
        Assert.Equal(before.Deadlines.ToArray(), run.State.Deadlines.ToArray());
    }

    [Fact]
    public void PermittedEvents_QueuedVillageCase_AreTakeUpDeclineEscalateRiskAndWithdraw()
    {
        var run = new CaseRun(Get("general-civil"), Facts());

        var permitted = WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts);

        // Deadline-driven events (take-up/resolution missed) and timers are never offered to people.
        Assert.Equal(
            [WorkflowEventType.TakenUp, WorkflowEventType.Declined, WorkflowEventType.EscalationRequested, WorkflowEventType.RiskFlagged, WorkflowEventType.Withdrawn],
            permitted);
    }

    [Fact]
    public void PermittedEvents_InMediationMedicalCase_IncludePauseAndExtensionButNotEscalation()
    {
        var run = new CaseRun(Get("medical"), Facts("medical"));
        Assert.Equal([WorkflowEventType.ConsentGiven, WorkflowEventType.ConsentRefused, WorkflowEventType.RiskFlagged, WorkflowEventType.Withdrawn],
            WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 3, 2, 10));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 11));

        var permitted = WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts);

        Assert.Equal(
            [WorkflowEventType.ClockPaused, WorkflowEventType.ExtensionGranted, WorkflowEventType.MediationFailed, WorkflowEventType.RiskFlagged, WorkflowEventType.Withdrawn, WorkflowEventType.AgreementReached],
            permitted);
    }

    [Fact]
    public void PermittedEvents_PausedMedicalCase_OfferResumeButNotExtension()
    {
        var run = new CaseRun(Get("medical"), Facts("medical"));
        run.Apply(WorkflowEventType.ConsentGiven, Cst(2026, 3, 2, 10));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 11));
        run.Apply(WorkflowEventType.ClockPaused, Cst(2026, 3, 5, 11));

        var permitted = WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts);

        Assert.Equal([WorkflowEventType.ClockResumed, WorkflowEventType.MediationFailed, WorkflowEventType.RiskFlagged, WorkflowEventType.Withdrawn], permitted);
    }

    [Fact]
    public void PermittedEvents_FollowUpBeforeWrittenAgreementTookEffect_OfferTookEffect()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written), Cst(2026, 3, 10, 11));

        var permitted = WorkflowEngine.PermittedEvents(run.Workflow, run.State, run.Facts);

        Assert.Equal([WorkflowEventType.RiskFlagged, WorkflowEventType.AgreementTookEffect, WorkflowEventType.Performed, WorkflowEventType.PerformanceFailed, WorkflowEventType.FollowUpVisitDone], permitted);
    }
}
