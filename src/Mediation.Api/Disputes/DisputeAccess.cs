using Mediation.Api.Data;
using Mediation.Api.Data.Entities;

namespace Mediation.Api.Disputes;

/// <summary>
/// Who may see which disputes. Residents: those they filed or are a party to. Mediators: those of their organisation,
/// now or before an escalation. Organisation admins: those handled by any organisation in their subtree or arising in
/// its area. System admins: all. Every dispute endpoint filters through <see cref="Visible"/>, so a foreign id reads as
/// not found rather than revealing that it exists.
/// </summary>
internal sealed class DisputeAccess(MediationDbContext db)
{
    public IQueryable<Dispute> Visible(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var disputes = db.Disputes.AsQueryable();
        if (actor.Is(Roles.SystemAdmin))
        {
            return disputes;
        }

        if (actor.Is(Roles.Resident) && actor.UserId is { } userId)
        {
            return disputes.Where(d => d.FiledByUserId == userId || d.Parties.Any(p => p.UserId == userId));
        }

        if (actor.Is(Roles.Mediator) && actor.OrganisationId is { } organisationId)
        {
            return disputes.Where(d => d.OrganisationId == organisationId
                || db.DisputeHandlers.Any(h => h.DisputeId == d.Id && h.OrganisationId == organisationId));
        }

        if (actor.Is(Roles.OrganisationAdmin) && actor.OrganisationId is { } adminOrganisationId)
        {
            var area = db.Organisations.Where(o => o.Id == adminOrganisationId).Select(o => o.Code).FirstOrDefault();
            if (area is null)
            {
                return disputes.Where(_ => false);
            }

            var subtree = db.Organisations.Where(o => o.Code.StartsWith(area)).Select(o => o.Id);
            return disputes.Where(d => d.LocationCode.StartsWith(area)
                || (d.OrganisationId != null && subtree.Contains(d.OrganisationId.Value))
                || db.DisputeHandlers.Any(h => h.DisputeId == d.Id && subtree.Contains(h.OrganisationId)));
        }

        return disputes.Where(_ => false);
    }

    /// <summary>Whether the actor may act for the organisation currently handling the dispute (mediators of it, its admins above, system admins).</summary>
    public static bool IsHandledByActor(Actor actor, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(dispute);
        return actor.Is(Roles.SystemAdmin)
            || (actor.Is(Roles.Mediator) && actor.OrganisationId is { } organisationId && dispute.OrganisationId == organisationId);
    }

    /// <summary>
    /// Whether an organisation admin of the area <paramref name="adminCode"/> administers the organisation handling a
    /// case: one in their subtree (codes nest), never a professional body, which stands outside the area tree.
    /// </summary>
    public static bool AdministersHandling(string adminCode, string handlingCode, OrganisationKind handlingKind)
    {
        ArgumentNullException.ThrowIfNull(adminCode);
        ArgumentNullException.ThrowIfNull(handlingCode);
        return handlingKind != OrganisationKind.ProfessionalBody && handlingCode.StartsWith(adminCode, StringComparison.Ordinal);
    }

    /// <summary>Whether the actor is a party (or filed it).</summary>
    public static bool IsParty(Actor actor, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(dispute);
        return actor.UserId is { } userId && (dispute.FiledByUserId == userId || dispute.Parties.Any(p => p.UserId == userId));
    }
}
