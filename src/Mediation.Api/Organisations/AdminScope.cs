using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Organisations;

/// <summary>
/// What an administrator may manage. A system admin: everything. An organisation admin: the subtree of their
/// organisation (the <c>mediation:organisation</c> claim) — every organisation whose code starts with its code — and
/// the professional bodies whose served area lies inside it. Anyone else: nothing.
/// </summary>
internal sealed class AdminScope
{
    private AdminScope(bool all, Organisation? home)
    {
        All = all;
        Home = home;
    }

    /// <summary>A system admin: no limit.</summary>
    public bool All { get; }

    /// <summary>An organisation admin's organisation, the root of what they manage.</summary>
    public Organisation? Home { get; }

    public static async Task<AdminScope> ForAsync(Actor actor, MediationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Is(Roles.SystemAdmin))
        {
            return new AdminScope(true, null);
        }

        if (actor.Is(Roles.OrganisationAdmin) && actor.OrganisationId is { } organisationId)
        {
            var home = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
            return new AdminScope(false, home);
        }

        return new AdminScope(false, null);
    }

    /// <summary>Whether the administrator manages <paramref name="organisation"/> (and its mediators).</summary>
    public bool Covers(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.Kind == OrganisationKind.ProfessionalBody && organisation.ServesAreaCode is { } served
            ? CoversCode(organisation.Code) || CoversArea(served)
            : CoversCode(organisation.Code);
    }

    /// <summary>Whether an organisation with this code would be in the administrator's subtree.</summary>
    public bool CoversCode(string code) =>
        All || (Home is { } home && code.StartsWith(home.Code, StringComparison.Ordinal));

    /// <summary>Whether an area (a professional body's served area) lies inside the administrator's subtree.</summary>
    public bool CoversArea(string areaCode) =>
        All || (Home is { Kind: not OrganisationKind.ProfessionalBody } home && areaCode.StartsWith(home.Code, StringComparison.Ordinal));
}
