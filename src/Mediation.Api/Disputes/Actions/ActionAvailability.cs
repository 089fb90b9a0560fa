using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// The actions an actor may take on a case right now (<see cref="DisputeView.PermittedActions"/>): exactly those whose
/// endpoint answers 2xx to a valid body. Each is checked the way its endpoint checks it — the same
/// <see cref="ActionRules"/> (otherwise 403), then the same state (otherwise 409): the events the workflow accepts, the
/// open agreement proposal and who has signed it, a mediator to recuse. One route per action: the aliases
/// <c>request-extension</c> (of <c>extend</c>) and <c>termination</c> (of <c>fail</c>) answer as their action does.
/// </summary>
internal static class ActionAvailability
{
    /// <summary>The route names <paramref name="c"/>'s actor may post now, in a stable order.</summary>
    public static IReadOnlyList<string> For(ActionCase c, AgreementProposal? openProposal)
    {
        ArgumentNullException.ThrowIfNull(c);
        var actions = new List<string>();
        if (c.Dispute.IsClosed)
        {
            return actions;
        }

        var proposalOpen = openProposal is not null && c.CanConcludeAgreement;
        Add(DisputeActions.Consent, ActionRules.Consent, c.Permits(WorkflowEventType.ConsentGiven));
        Add(DisputeActions.RefuseConsent, ActionRules.Consent, c.Permits(WorkflowEventType.ConsentRefused));
        Add(DisputeActions.TakeUp, ActionRules.TakeUp, c.Permits(WorkflowEventType.TakenUp));
        Add(DisputeActions.Decline, ActionRules.HandlingStaff, c.Permits(WorkflowEventType.Declined));
        Add(DisputeActions.Pause, ActionRules.CaseMediator, c.Permits(WorkflowEventType.ClockPaused));
        Add(DisputeActions.Resume, ActionRules.CaseMediator, c.Permits(WorkflowEventType.ClockResumed));
        Add(DisputeActions.Extend, ActionRules.CaseMediator, c.Permits(WorkflowEventType.ExtensionGranted));
        Add(DisputeActions.Agreement, ActionRules.CaseMediator, c.CanConcludeAgreement);
        Add(ActionRoutes.OralAgreement, ActionRules.CaseMediator, c.CanConcludeAgreement);
        Add(ActionRoutes.Confirm, ActionRules.PartyOrCaseMediator, proposalOpen && MaySign(c, openProposal!));
        Add(ActionRoutes.RejectAgreement, ActionRules.Party, proposalOpen && !HasSigned(c, openProposal!));
        Add(DisputeActions.AgreementEffective, ActionRules.CaseMediator, proposalOpen || c.Permits(WorkflowEventType.AgreementTookEffect));
        Add(DisputeActions.Fail, ActionRules.CaseMediator, c.Permits(WorkflowEventType.MediationFailed));
        Add(DisputeActions.Escalate, ActionRules.PartyOrCaseMediator, c.Permits(WorkflowEventType.EscalationRequested));
        Add(DisputeActions.FlagRisk, ActionRules.HandlingStaff, c.Permits(WorkflowEventType.RiskFlagged));
        Add(ActionRoutes.Recusal, ActionRules.Party, c.Dispute.MediatorId is not null);
        Add(DisputeActions.Withdraw, ActionRules.Withdraw, c.Permits(WorkflowEventType.Withdrawn));
        Add(DisputeActions.FollowUpVisit, ActionRules.CaseMediator, c.Permits(WorkflowEventType.FollowUpVisitDone));
        Add(DisputeActions.Performed, ActionRules.CaseMediator, c.Permits(WorkflowEventType.Performed));
        Add(DisputeActions.PerformanceFailed, ActionRules.PartyOrCaseMediator, c.Permits(WorkflowEventType.PerformanceFailed));
        return actions;

        void Add(string route, Func<ActionCase, string?> rule, bool possibleNow)
        {
            if (possibleNow && rule(c) is null)
            {
                actions.Add(route);
            }
        }
    }

    /// <summary>Whether a party the actor is has already signed the proposal.</summary>
    public static bool HasSigned(ActionCase c, AgreementProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(proposal);
        return c.OwnParties.Any(p => proposal.Signatures.Any(s => s.Signer == AgreementContent.PartySigner(p.Id)));
    }

    /// <summary>
    /// Whether the actor has a signature to put on the proposal: a party who is one of the case's parties and has not
    /// signed; the case's mediator while anything is missing (their own signature, the seal, a party's paper signature).
    /// </summary>
    private static bool MaySign(ActionCase c, AgreementProposal proposal) =>
        c.IsParty
            ? c.OwnParties.Count > 0 && !HasSigned(c, proposal)
            : AgreementContent.Missing(c.Dispute, proposal.Signatures).Count > 0;
}
