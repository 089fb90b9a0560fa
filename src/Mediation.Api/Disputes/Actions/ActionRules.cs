using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// Who may take each action on a case, whatever its step: each rule returns null when the actor may, or the key of
/// the message explaining why not (a 403). Whether the workflow allows the action now is the engine's to say (a 409).
/// </summary>
internal static class ActionRules
{
    public const string OnlyHandlingMediator = "ActionOnlyHandlingMediator";
    public const string OnlyCaseMediator = "ActionOnlyCaseMediator";
    public const string OnlyHandlingStaff = "ActionOnlyHandlingStaff";
    public const string OnlyParty = "ActionOnlyParty";
    public const string OnlyPartyOrCaseMediator = "ActionOnlyPartyOrCaseMediator";
    public const string OnlyApplicantOrStaff = "ActionOnlyApplicantOrStaff";
    public const string OnlyConsentingPartyOrStaff = "ActionOnlyConsentingPartyOrStaff";
    public const string AssignedToAnotherMediator = "ActionAssignedToAnotherMediator";
    public const string OnlyStaffCorrect = "ActionOnlyStaffCorrect";
    public const string MediatorRecused = "ActionMediatorRecused";

    /// <summary>Not a refusal but a lost race: a colleague has already taken the case up (a 409, not a 403).</summary>
    public const string AlreadyTakenUp = "ActionAlreadyTakenUp";

    /// <summary>Take-up: a mediator of the handling organisation, unless the case is assigned to a colleague or a party had them recused.</summary>
    public static string? TakeUp(ActionCase c) =>
        c.IsRecused ? MediatorRecused
        : !c.IsHandlingMediator ? OnlyHandlingMediator
        : c.Dispute.MediatorId is { } assigned && assigned != c.Actor.MediatorId
            ? c.Dispute.Phase is CasePhase.Queued or CasePhase.AwaitingConsent ? AssignedToAnotherMediator : AlreadyTakenUp
        : null;

    /// <summary>Decline, flag a risk: the handling organisation's mediators and administrators.</summary>
    public static string? HandlingStaff(ActionCase c) => c.IsRecused ? MediatorRecused : c.IsHandlingStaff ? null : OnlyHandlingStaff;

    /// <summary>Pause, resume, extend, fail, terminate, agreements, follow-up: the case's mediator.</summary>
    public static string? CaseMediator(ActionCase c) => c.IsRecused ? MediatorRecused : c.IsCaseMediator ? null : OnlyCaseMediator;

    /// <summary>Escalate, report non-performance, sign: a party or the case's mediator.</summary>
    public static string? PartyOrCaseMediator(ActionCase c) =>
        c.IsRecused ? MediatorRecused : c.IsParty || c.IsCaseMediator ? null : OnlyPartyOrCaseMediator;

    /// <summary>Reject a proposed agreement, ask for recusal: a party.</summary>
    public static string? Party(ActionCase c) => c.IsParty ? null : OnlyParty;

    /// <summary>Withdraw: the applicant, or the handling staff on the applicant's behalf.</summary>
    public static string? Withdraw(ActionCase c) => c.IsRecused ? MediatorRecused : c.IsApplicant || c.IsHandlingStaff ? null : OnlyApplicantOrStaff;

    /// <summary>Consent or refuse: the party the step asks (not for a both-parties consent, which staff record), or the handling staff.</summary>
    public static string? Consent(ActionCase c)
    {
        if (c.IsRecused)
        {
            return MediatorRecused;
        }

        if (c.IsHandlingStaff)
        {
            return null;
        }

        var asked = c.ConsentOf switch
        {
            Participant.Applicant => c.IsApplicant,
            Participant.Respondent => c.IsRespondent,
            _ => false,
        };
        return asked ? null : OnlyConsentingPartyOrStaff;
    }

    /// <summary>Correct an outcome record: its author, the case's mediator, or an administrator over the handling organisation.</summary>
    public static string? Correct(ActionCase c, string? authorUserId) =>
        c.IsRecused ? MediatorRecused
        : c.IsCaseMediator || c.IsHandlingAdmin || (c.Actor.IsStaff && authorUserId is not null && authorUserId == c.Actor.UserId) ? null
        : OnlyStaffCorrect;
}
