using Mediation.Workflows.Runtime;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Failed and timed-out mediation: termination records with remedies (人民调解法 Art. 26) and the next tier.</summary>
public sealed class FailureAndTimeoutTests
{
    private static readonly Referral[] _generalCivilRemedies = [Referral.Arbitration, Referral.Administrative, Referral.Litigation];

    [Fact]
    public void Decide_MediationFailedAtVillage_TerminatesVillageWithRemediesAndEntersTownship()
    {
        var run = InMediationAtVillage();

        var decision = run.Apply(WorkflowEvent.Of(WorkflowEventType.MediationFailed, "parties too far apart"), Cst(2026, 3, 20, 10));

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(OutcomeKind.Termination, record.Kind);
        Assert.Equal("village", record.StepId);
        Assert.Equal(TerminationReason.Failed, record.TerminationReason);
        Assert.Equal(_generalCivilRemedies, record.Remedies);
        Assert.Contains(new NotifyEffect(Participant.AllParties, NotificationTemplates.MediationTerminated), decision.Effects);
        Assert.Equal(["1.reminder.4", "1.resolution.3"], decision.CancelledIds());
        Assert.Equal(new AssignEffect("township", Tier.Township, null, AssignmentReason.Escalated), decision.Only<AssignEffect>());
        Assert.Equal(("township", CasePhase.Queued, 1), (run.State.StepId, run.State.Phase, run.State.Escalations));
        Assert.Null(run.State.Clock);
        Assert.Null(run.State.Outcome);
        Assert.Equal([DeadlineKind.TakeUp, DeadlineKind.Reminder], run.State.Deadlines.Select(d => d.Kind));
    }

    [Fact]
    public void Decide_ResolutionDeadlineMissedAtVillage_TerminatesAsTimedOutAndEntersTownship()
    {
        var run = InMediationAtVillage();

        var decision = run.Elapse(DeadlineKind.Resolution);

        // The resolution deadline (24:00 on 2 Apr) fired; its reminder (24:00 on 26 Mar) was never delivered.
        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(Utc(2026, 4, 2, 16), run.State.StepEnteredAt);
        Assert.Equal((OutcomeKind.Termination, "village", TerminationReason.TimedOut), (record.Kind, record.StepId, record.TerminationReason));
        Assert.Equal(_generalCivilRemedies, record.Remedies);
        Assert.Equal(["1.reminder.4"], decision.CancelledIds());
        Assert.Equal("township", run.State.StepId);
    }

    [Fact]
    public void Decide_MediationFailedAtDistrict_ClosesReferredToLitigationWithLitigationFirst()
    {
        var run = InMediationAtDistrict();

        var decision = run.Apply(WorkflowEventType.MediationFailed, Cst(2026, 3, 12, 10));

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal(OutcomeKind.Termination, record.Kind);
        Assert.Equal(TerminationReason.Failed, record.TerminationReason);
        Assert.Equal([Referral.Litigation, Referral.Arbitration, Referral.Administrative], record.Remedies.ToArray());
        Assert.Equal("referred-litigation", run.State.StepId);
        Assert.Equal(CasePhase.Closed, run.State.Phase);
        Assert.True(run.State.IsClosed);
        Assert.Equal(TerminalOutcome.Referred, run.State.Outcome);
        Assert.Empty(run.State.Deadlines);
        Assert.Empty(decision.All<AssignEffect>());
        Assert.Equal(NotificationTemplates.CaseClosed, decision.All<NotifyEffect>()[^1].Template);
    }

    [Fact]
    public void Decide_ResolutionDeadlineMissedAtDistrict_ClosesWithTimedOut()
    {
        var run = InMediationAtDistrict();

        var decision = run.Elapse(DeadlineKind.Resolution);

        // District accepted 10:00 on 10 Mar; P1M -> 24:00 on 10 Apr.
        Assert.Equal(Utc(2026, 4, 10, 16), run.State.StepEnteredAt);
        Assert.Equal(TerminationReason.TimedOut, decision.Only<RequireOutcomeEffect>().TerminationReason);
        Assert.Equal(Referral.Litigation, decision.Only<RequireOutcomeEffect>().Remedies[0]);
        Assert.Equal(("referred-litigation", TerminalOutcome.Referred), (run.State.StepId, run.State.Outcome));
    }

    [Fact]
    public void Decide_LandContractFailsAtVillageThenTownship_EndsInLandContractArbitration()
    {
        var run = new CaseRun(Get("land-contract"), Facts("landContract", filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 3, 9));
        var villageFailed = run.Apply(WorkflowEventType.MediationFailed, Cst(2026, 3, 10, 9));
        Assert.Equal(("township", Tier.Township), (run.State.StepId, villageFailed.Only<AssignEffect>().Tier));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 11, 9));

        var townshipFailed = run.Apply(WorkflowEventType.MediationFailed, Cst(2026, 3, 20, 9));

        Assert.Equal([Referral.LandContractArbitration, Referral.Litigation], villageFailed.Only<RequireOutcomeEffect>().Remedies.ToArray());
        Assert.Equal("referred-land-arbitration", run.State.StepId);
        Assert.Equal(TerminalOutcome.Referred, run.State.Outcome);
        Assert.Equal([Referral.LandContractArbitration, Referral.Litigation], townshipFailed.Only<RequireOutcomeEffect>().Remedies.ToArray());
        Assert.Equal(TerminationReason.Failed, townshipFailed.Only<RequireOutcomeEffect>().TerminationReason);
    }

    [Fact]
    public void Decide_Withdrawn_ClosesWithWithdrawalRecordAndCancelsEverything()
    {
        var run = InMediationAtVillage();

        var decision = run.Apply(WorkflowEventType.Withdrawn, Cst(2026, 3, 5, 9));

        var record = decision.Only<RequireOutcomeEffect>();
        Assert.Equal((OutcomeKind.Withdrawal, "village", (TerminationReason?)null), (record.Kind, record.StepId, record.TerminationReason));
        Assert.Empty(record.Remedies);
        Assert.Equal(["1.reminder.4", "1.resolution.3"], decision.CancelledIds());
        Assert.Equal((CasePhase.Closed, TerminalOutcome.Withdrawn), (run.State.Phase, run.State.Outcome));
    }

    /// <summary>Filed 09:00 Mon 2 Mar 2026, taken up 15:00 the same day at the village.</summary>
    internal static CaseRun InMediationAtVillage()
    {
        var run = new CaseRun(Get("general-civil"), Facts(filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 15));
        return run;
    }

    /// <summary>A large claim starts at the township, is escalated on request and taken up by the district at 10:00 on 10 Mar 2026.</summary>
    private static CaseRun InMediationAtDistrict()
    {
        var run = new CaseRun(Get("general-civil"), Facts(claimed: 200000m, filedAt: Cst(2026, 3, 2, 9)));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 3, 9));
        run.Apply(WorkflowEventType.EscalationRequested, Cst(2026, 3, 9, 9));
        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 10, 10));
        Assert.Equal(("district", CasePhase.InMediation), (run.State.StepId, run.State.Phase));
        return run;
    }
}
