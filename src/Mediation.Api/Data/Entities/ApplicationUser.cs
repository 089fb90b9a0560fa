using Microsoft.AspNetCore.Identity;

namespace Mediation.Api.Data.Entities;

/// <summary>A user account: resident, mediator or administrator.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>For organisation admins: the organisation whose subtree they administer.</summary>
    public Guid? OrganisationId { get; set; }
}

/// <summary>The roles.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Mediator = "mediator";
    public const string OrganisationAdmin = "orgAdmin";
    public const string SystemAdmin = "systemAdmin";

    public static readonly string[] All = [Resident, Mediator, OrganisationAdmin, SystemAdmin];
}
