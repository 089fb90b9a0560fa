using Mediation.Api.Data.Entities;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// A dispute the actor can see, loaded for an action, with the actor's relationship to it: a party (applicant or
/// respondent), a mediator of the organisation handling it now, the case's own mediator, or an administrator over the
/// handling organisation. Staff of an organisation that handled the case before an escalation can see it but are none of
/// these; nor is a mediator the parties had recused from the case (回避).
/// </summary>
internal sealed class ActionCase(Dispute dispute, Actor actor, bool isHandlingAdmin, CompiledWorkflow? workflow, bool isRecused)
{
    private IReadOnlyList<WorkflowEventType>? _permittedEvents;

    public Dispute Dispute { get; } = dispute;

    public Actor Actor { get; } = actor;

    public CompiledWorkflow? Workflow { get; } = workflow;

    /// <summary>The parties the actor is (normally one).</summary>
    public IReadOnlyList<Party> OwnParties { get; } =
        actor.UserId is { } userId ? [.. dispute.Parties.Where(p => p.UserId == userId)] : [];

    /// <summary>A resident who is a party or filed the case.</summary>
    public bool IsParty => !Actor.IsStaff && DisputeAccess.IsParty(Actor, Dispute);

    /// <summary>The applicant, or the resident who filed the case for themselves.</summary>
    public bool IsApplicant => IsParty && (Dispute.FiledByUserId == Actor.UserId || OwnParties.Any(p => p.Role == PartyRole.Applicant));

    public bool IsRespondent => IsParty && OwnParties.Any(p => p.Role == PartyRole.Respondent);

    /// <summary>A mediator a party of this case had replaced: they may no longer act on it in any way.</summary>
    public bool IsRecused { get; } = isRecused;

    /// <summary>A mediator of the organisation that handles the case now, not recused from it.</summary>
    public bool IsHandlingMediator => Actor.Is(Roles.Mediator) && Actor.OrganisationId is { } organisationId && Dispute.OrganisationId == organisationId && !IsRecused;

    /// <summary>The mediator the case is assigned to, or while nobody is, any (not recused) mediator of the handling organisation.</summary>
    public bool IsCaseMediator => IsHandlingMediator && (Dispute.MediatorId is null || Dispute.MediatorId == Actor.MediatorId);

    /// <summary>A system admin, or an organisation admin whose subtree contains the handling organisation.</summary>
    public bool IsHandlingAdmin { get; } = isHandlingAdmin;

    public bool IsHandlingStaff => IsHandlingMediator || IsHandlingAdmin;

    /// <summary>Who the actor speaks for in the engine's terms.</summary>
    public Participant Participant =>
        IsParty ? (IsApplicant ? Participant.Applicant : Participant.Respondent)
        : Actor.Is(Roles.Mediator) ? Participant.Mediator
        : Participant.Organisation;

    /// <summary>Whose consent the current step waits for, if any.</summary>
    public Participant? ConsentOf => Workflow?.FindStep(Dispute.StepId)?.ConsentOf;

    /// <summary>The events the case's workflow accepts in its current step and phase (none once it is closed), asked once.</summary>
    public IReadOnlyList<WorkflowEventType> PermittedEvents =>
        _permittedEvents ??= Workflow is null || Dispute.IsClosed ? [] : WorkflowEngine.PermittedEvents(Workflow, Dispute.State, Dispute.ToFacts());

    public bool Permits(WorkflowEventType type) => PermittedEvents.Contains(type);

    /// <summary>Whether the workflow would take an agreement now (the case is in mediation): a proposal can be made, signed or rejected.</summary>
    public bool CanConcludeAgreement => Permits(WorkflowEventType.AgreementReached);
}
