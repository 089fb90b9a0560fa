using Mediation.Api.Data.Entities;

namespace Mediation.Api.Disputes;

/// <summary>Who is acting: a signed-in user in a role, or the system (timers).</summary>
/// <param name="UserId">The user, or null for the system.</param>
/// <param name="Role">The role acted in.</param>
/// <param name="MediatorId">For mediators: their mediator record.</param>
/// <param name="OrganisationId">For mediators and organisation admins: their organisation.</param>
public sealed record Actor(string? UserId, string Role, Guid? MediatorId = null, Guid? OrganisationId = null)
{
    /// <summary>The system, acting on a deadline.</summary>
    public static Actor System { get; } = new(null, "system");

    /// <summary>The 12345 hotline system, filing a work order for a resident as staff would (channel hotline, time of receipt).</summary>
    public static Actor Hotline { get; } = new("12345-hotline", HotlineRole);

    /// <summary>The role of <see cref="Hotline"/>: not a user role, no account signs in with it.</summary>
    public const string HotlineRole = "hotline";

    public bool IsSystem => UserId is null;

    public bool Is(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    public bool IsStaff => Is(Roles.Mediator) || Is(Roles.OrganisationAdmin) || Is(Roles.SystemAdmin) || Is(HotlineRole);
}
