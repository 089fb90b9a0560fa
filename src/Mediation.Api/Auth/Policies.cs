using Mediation.Api.Data.Entities;

namespace Mediation.Api.Auth;

/// <summary>Authorisation policy names used on endpoints; registered in <c>AuthExtensions.AddAuth</c>.</summary>
internal static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "signedIn";

    /// <summary>Mediators, organisation admins and system admins.</summary>
    public const string Staff = "staff";

    /// <summary>Organisation admins (within their subtree) and system admins.</summary>
    public const string OrganisationAdmin = "organisationAdmin";

    /// <summary>System admins only (publishing workflows, migrating cases, calendars).</summary>
    public const string SystemAdmin = "systemAdmin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [SignedIn] = Roles.All,
        [Staff] = [Roles.Mediator, Roles.OrganisationAdmin, Roles.SystemAdmin],
        [OrganisationAdmin] = [Roles.OrganisationAdmin, Roles.SystemAdmin],
        [SystemAdmin] = [Roles.SystemAdmin],
    };
}
