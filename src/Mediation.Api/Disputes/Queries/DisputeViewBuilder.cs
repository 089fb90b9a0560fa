using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Actions;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Workflows;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Queries;

/// <summary>
/// Builds <see cref="DisputeView"/>s: names of the location, organisation and mediator, the step's name, live
/// deadlines with the days left counted in the deadline's own calendar, masked parties, the open agreement proposal,
/// and the actions the actor may take now (<see cref="ActionAvailability"/>, by the same rules as the action endpoints).
/// Load the dispute with its <see cref="Dispute.Parties"/>.
/// </summary>
internal static class DisputeViewBuilder
{
    /// <summary>The view of one dispute, as <paramref name="actor"/> sees it.</summary>
    public static async Task<DisputeView> BuildAsync(
        MediationDbContext db, WorkflowRegistry registry, TimeProvider clock, Dispute dispute, Actor actor, CancellationToken cancellationToken)
    {
        var views = await BuildManyAsync(db, registry, clock, [dispute], actor, cancellationToken);
        return views[0];
    }

    /// <summary>The views of several disputes with one query for the names they share.</summary>
    public static async Task<IReadOnlyList<DisputeView>> BuildManyAsync(
        MediationDbContext db, WorkflowRegistry registry, TimeProvider clock, IReadOnlyList<Dispute> disputes, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(disputes);
        if (disputes.Count == 0)
        {
            return [];
        }

        var codes = disputes.SelectMany(d => AreaCodes(d.LocationCode)).Distinct(StringComparer.Ordinal).ToList();
        var organisationIds = disputes.Where(d => d.OrganisationId is not null).Select(d => d.OrganisationId!.Value).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => codes.Contains(o.Code) || organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind })
            .ToListAsync(cancellationToken);
        var mediatorIds = disputes.Where(d => d.MediatorId is not null).Select(d => d.MediatorId!.Value).Distinct().ToList();
        var mediators = mediatorIds.Count == 0
            ? []
            : await db.Mediators.AsNoTracking().Where(m => mediatorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var areaNames = organisations.Where(o => o.Kind != OrganisationKind.ProfessionalBody)
            .GroupBy(o => o.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var byId = organisations.GroupBy(o => o.Id).ToDictionary(g => g.Key, g => new OrganisationRefView(g.Key, g.First().Code, g.First().Name));
        var kinds = organisations.GroupBy(o => o.Id).ToDictionary(g => g.Key, g => g.First().Kind);
        var disputeIds = disputes.Select(d => d.Id).ToList();
        var proposals = (await db.AgreementProposals.AsNoTracking()
                .Where(p => disputeIds.Contains(p.DisputeId) && p.Status == ProposalStatus.Proposed)
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.DisputeId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ProposedAt.UtcTicks).First());
        HashSet<Guid> recusedFrom = actor.MediatorId is { } mediatorId
            ? [.. await db.MediatorRecusals.AsNoTracking().Where(r => r.MediatorId == mediatorId && disputeIds.Contains(r.DisputeId)).Select(r => r.DisputeId).ToListAsync(cancellationToken)]
            : [];
        var adminCode = actor.Is(Roles.OrganisationAdmin) && actor.OrganisationId is { } adminOrganisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == adminOrganisationId).Select(o => o.Code).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = clock.GetUtcNow();

        return [.. disputes.Select(d =>
        {
            var handlingAdmin = actor.Is(Roles.SystemAdmin)
                || (adminCode is not null && d.OrganisationId is { } handling && byId.TryGetValue(handling, out var organisation)
                    && DisputeAccess.AdministersHandling(adminCode, organisation.Code, kinds[handling]));
            var c = new ActionCase(d, actor, handlingAdmin, registry.Catalog.Find(d.WorkflowKey, d.WorkflowVersion), recusedFrom.Contains(d.Id));
            return Build(c, proposals.GetValueOrDefault(d.Id), now, areaNames, byId, mediators);
        })];
    }

    private static DisputeView Build(
        ActionCase c,
        AgreementProposal? openProposal,
        DateTimeOffset now,
        Dictionary<string, string> areaNames,
        Dictionary<Guid, OrganisationRefView> organisations,
        Dictionary<Guid, string> mediators)
    {
        var dispute = c.Dispute;
        var workflow = c.Workflow;
        var code = dispute.LocationCode;
        var location = new DisputeLocationView(
            code,
            areaNames.GetValueOrDefault(code),
            code.Length >= 9 ? areaNames.GetValueOrDefault(code[..9]) : null,
            code.Length >= 6 ? areaNames.GetValueOrDefault(code[..6]) : null);
        var stepName = workflow?.FindStep(dispute.StepId)?.Name ?? new LocalizedText(dispute.StepId, dispute.StepId);
        var deadlines = dispute.State.Deadlines
            .Where(d => d.Kind != DeadlineKind.Reminder)
            .OrderBy(d => d.DueAt)
            .Select(d => ToView(d, workflow, now))
            .ToList();
        var parties = dispute.Parties
            .OrderBy(p => p.Role)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new DisputePartyView(p.Id, p.Role, p.Name, PersonalData.MaskPhone(p.Phone), PersonalData.MaskIdNumber(p.IdNumber), p.UserId is not null))
            .ToList();

        return new DisputeView(
            dispute.Id,
            dispute.Reference,
            dispute.Category,
            dispute.Description,
            dispute.Request,
            location,
            dispute.ClaimedAmount,
            dispute.Channel,
            dispute.Tags,
            dispute.ClosedMediation,
            dispute.FiledAt,
            dispute.ReceivedAt,
            new WorkflowRefView(dispute.WorkflowKey, dispute.WorkflowVersion),
            new DisputeStepView(dispute.StepId, stepName),
            dispute.Phase,
            dispute.IsClosed ? DisputeView.Closed : DisputeView.Open,
            dispute.OrganisationId is { } organisationId ? organisations.GetValueOrDefault(organisationId) : null,
            dispute.MediatorId is { } mediatorId && mediators.TryGetValue(mediatorId, out var mediatorName) ? new MediatorRefView(mediatorId, mediatorName) : null,
            deadlines.FirstOrDefault(),
            deadlines,
            parties,
            openProposal is null ? null : AgreementProposalView.From(openProposal, dispute),
            ActionAvailability.For(c, openProposal),
            dispute.Version);
    }

    /// <summary>A deadline with what is left of it, counted in its own calendar: working days for a working-day calendar, days otherwise.</summary>
    public static DisputeDeadlineView ToView(Deadline deadline, CompiledWorkflow? workflow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        int? workingDaysLeft = null;
        int? daysLeft = null;
        var calendar = workflow is null ? null
            : workflow.Calendars.TryGetValue(deadline.Calendar, out var own) ? own : workflow.Calendar;
        if (calendar is not null && deadline.Duration.IsDateBased)
        {
            var left = calendar.Remaining(now, deadline.DueAt, dateBased: true).Days;
            if (calendar is WorkingDayCalendar)
            {
                workingDaysLeft = left;
            }
            else
            {
                daysLeft = left;
            }
        }

        return new DisputeDeadlineView(deadline.Id, deadline.Kind, deadline.StepId, deadline.DueAt, deadline.Provisional, deadline.DueAt <= now, workingDaysLeft, daysLeft);
    }

    /// <summary>A timeline entry as the API shows it.</summary>
    public static TimelineEntryView ToView(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TimelineEntryView(entry.Id, entry.At, entry.ActorRole, entry.Event, entry.Reason, entry.FromStep, CamelCase(entry.FromPhase), entry.ToStep, CamelCase(entry.ToPhase));
    }

    private static string CamelCase(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    private static IEnumerable<string> AreaCodes(string locationCode)
    {
        yield return locationCode;
        if (locationCode.Length > 9)
        {
            yield return locationCode[..9];
        }

        if (locationCode.Length > 6)
        {
            yield return locationCode[..6];
        }
    }
}
