using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// 回避: a party asks for the mediator to be replaced. 人民调解法 Art. 23(1) gives the parties the right to choose or
/// accept their mediator; local rules spell out that the mediator shall withdraw when a party asks
/// (深圳经济特区矛盾纠纷多元化解条例 Art. 23).
/// </summary>
internal sealed partial class DisputeActionService
{
    public const string RecusalEvent = "recusal";

    /// <summary>
    /// A party asks to replace the case's mediator. In one transaction the recusal is recorded (who asked, why, whom),
    /// the mediator is unassigned and, when the organisation has another active mediator none of the parties recused, the
    /// least loaded one is assigned; a proposed agreement the recused mediator drew up lapses (their signature cannot put
    /// it in force); the timeline records it all. From then on the recused mediator is never assigned the case again,
    /// cannot take it up and cannot act on it (403). The workflow's step, phase and clocks do not change: the engine has
    /// no event for it.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecusalAsync(
        Guid disputeId, ReasonRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var reason = validation.Required(request?.Reason, "reason");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.Party(found) is { } forbidden)
        {
            return Forbidden(forbidden, ActionRoutes.Recusal);
        }

        var dispute = found.Dispute;
        if (dispute.IsClosed)
        {
            return NotAllowedNow("ActionCaseClosed");
        }

        if (dispute.MediatorId is not { } replaced || dispute.OrganisationId is not { } organisationId)
        {
            return NotAllowedNow("ActionNoMediatorToReplace");
        }

        var now = Now;
        db.MediatorRecusals.Add(new MediatorRecusal
        {
            Id = Guid.NewGuid(),
            DisputeId = dispute.Id,
            MediatorId = replaced,
            RequestedByUserId = Actor.UserId,
            Reason = reason,
            RecusedAt = now,
        });

        // The recusal is not saved yet, so the replaced mediator is excluded by name; earlier recusals are in the database.
        var assigned = await directory.LeastLoadedMediatorAsync(organisationId, dispute, replaced, cancellationToken);
        dispute.MediatorId = assigned;
        var lapsed = await OpenProposalAsync(dispute.Id, cancellationToken);
        if (lapsed is not null)
        {
            lapsed.Status = ProposalStatus.Lapsed;
            lapsed.ClosedAt = now;
        }

        AddTimeline(found, RecusalEvent, reason, new RecusalDetails(
            replaced,
            assigned,
            [.. found.OwnParties.Select(p => new RecusalRequester(p.Id, p.Role, p.Name))],
            lapsed?.Id));
        Notify(found, Participant.AllParties, NotificationTemplates.CaseReassigned);
        Notify(found, Participant.Organisation, NotificationTemplates.CaseReassigned);
        if (assigned is not null)
        {
            Notify(found, Participant.Mediator, NotificationTemplates.CaseReassigned);
        }

        return await SaveAndViewAsync(found, cancellationToken);
    }

    /// <summary>What a recusal entry of the timeline records besides who acted (the entry's actor) and why (its reason).</summary>
    /// <param name="Replaced">The mediator replaced.</param>
    /// <param name="Assigned">The mediator assigned instead, if any.</param>
    /// <param name="RequestedBy">The parties the requesting resident is.</param>
    /// <param name="LapsedProposal">The proposed agreement that lapsed with the mediator, if one was open.</param>
    internal sealed record RecusalDetails(Guid Replaced, Guid? Assigned, IReadOnlyList<RecusalRequester> RequestedBy, Guid? LapsedProposal);

    /// <summary>A party who asked for the recusal.</summary>
    /// <param name="PartyId">The party's id.</param>
    /// <param name="Role">applicant or respondent.</param>
    /// <param name="Name">The party's name.</param>
    internal sealed record RecusalRequester(Guid PartyId, PartyRole Role, string Name);
}
