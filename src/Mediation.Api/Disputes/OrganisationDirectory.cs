using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes;

/// <summary>
/// Finds who handles a step for a dispute's location: the village, township or district whose area contains it, or
/// the professional body serving the closest enclosing area; and, where the organisation auto-assigns, the
/// least-loaded active mediator with the matching specialty — never one the parties of the dispute had recused.
/// </summary>
internal sealed class OrganisationDirectory(MediationDbContext db)
{
    /// <summary>Area codes nest: district 6 digits, township 9, village 12 (统计用区划代码).</summary>
    public static string? AreaOf(string locationCode, Tier tier) => tier switch
    {
        Tier.District when locationCode.Length >= 6 => locationCode[..6],
        Tier.Township when locationCode.Length >= 9 => locationCode[..9],
        Tier.Village => locationCode,
        _ => null,
    };

    public static OrganisationKind KindOf(Tier tier) => tier switch
    {
        Tier.District => OrganisationKind.District,
        Tier.Township => OrganisationKind.Township,
        _ => OrganisationKind.Village,
    };

    public async Task<(Guid? OrganisationId, Guid? MediatorId)> ResolveAsync(Dispute dispute, AssignEffect assign, CancellationToken cancellationToken)
    {
        var organisation = await FindOrganisationAsync(dispute.LocationCode, assign, cancellationToken);
        if (organisation is null)
        {
            return (null, null);
        }

        if (!organisation.AutoAssign)
        {
            return (organisation.Id, null);
        }

        var exclude = assign.Reason == AssignmentReason.Reassigned ? dispute.MediatorId : null;
        var mediator = await LeastLoadedMediatorAsync(organisation.Id, dispute, exclude, cancellationToken);
        return (organisation.Id, mediator);
    }

    public async Task<Organisation?> FindOrganisationAsync(string locationCode, AssignEffect assign, CancellationToken cancellationToken)
    {
        if (assign.Tier is { } tier)
        {
            var area = AreaOf(locationCode, tier);
            var kind = KindOf(tier);
            return area is null
                ? null
                : await db.Organisations.FirstOrDefaultAsync(o => o.Code == area && o.Kind == kind && o.Active, cancellationToken);
        }

        var bodies = await db.Organisations
            .Where(o => o.Kind == OrganisationKind.ProfessionalBody && o.BodyId == assign.Body && o.Active)
            .ToListAsync(cancellationToken);
        return bodies
            .Where(o => o.ServesAreaCode is not null && locationCode.StartsWith(o.ServesAreaCode, StringComparison.Ordinal))
            .OrderByDescending(o => o.ServesAreaCode!.Length)
            .FirstOrDefault();
    }

    /// <summary>
    /// The least-loaded active mediator of the organisation for <paramref name="dispute"/>, preferring its category's
    /// specialists; never <paramref name="exclude"/> nor a mediator recused from the dispute.
    /// </summary>
    public async Task<Guid?> LeastLoadedMediatorAsync(Guid organisationId, Dispute dispute, Guid? exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var disputeId = dispute.Id;
        var category = dispute.Category;
        var mediators = await db.Mediators
            .Where(m => m.OrganisationId == organisationId && m.Active && m.Id != exclude
                && !db.MediatorRecusals.Any(r => r.DisputeId == disputeId && r.MediatorId == m.Id))
            .Select(m => new
            {
                m.Id,
                m.Specialties,
                Load = db.Disputes.Count(d => d.MediatorId == m.Id && !d.IsClosed),
            })
            .ToListAsync(cancellationToken);
        var specialists = mediators.Where(m => m.Specialties.Contains(category)).ToList();
        var pool = specialists.Count > 0 ? specialists : mediators;
        return pool.OrderBy(m => m.Load).ThenBy(m => m.Id).Select(m => (Guid?)m.Id).FirstOrDefault();
    }
}
