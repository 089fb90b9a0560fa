using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Actions;

/// <summary>回避: a party asks for the mediator to be replaced.</summary>
internal sealed partial class DisputeActionService
{
    public const string RecusalEvent = "recusal";

    /// <summary>
    /// A party asks to replace the case's mediator. In one transaction the mediator is unassigned and, when the
    /// organisation has another active mediator (none the parties already recused), the least loaded one is assigned;
    /// the timeline records both. The workflow's step, phase and clocks do not change: the engine has no event for it.
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

        var excluded = await RecusedMediatorsAsync(dispute.Id, cancellationToken);
        excluded.Add(replaced);
        var candidates = await db.Mediators.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Active && !excluded.Contains(m.Id))
            .Select(m => new { m.Id, m.Specialties, Load = db.Disputes.Count(d => d.MediatorId == m.Id && !d.IsClosed) })
            .ToListAsync(cancellationToken);
        var specialists = candidates.Where(m => m.Specialties.Contains(dispute.Category)).ToList();
        var assigned = (specialists.Count > 0 ? specialists : candidates).OrderBy(m => m.Load).ThenBy(m => m.Id).Select(m => (Guid?)m.Id).FirstOrDefault();

        dispute.MediatorId = assigned;
        AddTimeline(found, RecusalEvent, reason, new RecusalDetails(replaced, assigned));
        Notify(found, Participant.AllParties, NotificationTemplates.CaseReassigned);
        Notify(found, Participant.Organisation, NotificationTemplates.CaseReassigned);
        if (assigned is not null)
        {
            Notify(found, Participant.Mediator, NotificationTemplates.CaseReassigned);
        }

        return await SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(await ViewAsync(dispute, cancellationToken));
    }

    /// <summary>Mediators the parties of this case have already had replaced.</summary>
    private async Task<HashSet<Guid>> RecusedMediatorsAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var details = await db.Timeline.AsNoTracking()
            .Where(t => t.DisputeId == disputeId && t.Event == RecusalEvent && t.Details != null)
            .Select(t => t.Details!)
            .ToListAsync(cancellationToken);
        return [.. details.Select(d => JsonSerializer.Deserialize<RecusalDetails>(d, JsonColumn.Options)?.Replaced).OfType<Guid>()];
    }

    /// <summary>What a recusal entry of the timeline records.</summary>
    /// <param name="Replaced">The mediator replaced.</param>
    /// <param name="Assigned">The mediator assigned instead, if any.</param>
    internal sealed record RecusalDetails(Guid Replaced, Guid? Assigned);
}
