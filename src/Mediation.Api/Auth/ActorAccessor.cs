using System.Security.Claims;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;

namespace Mediation.Api.Auth;

/// <summary>Who the current request acts as, read from the signed-in user's claims.</summary>
internal sealed class ActorAccessor(IHttpContextAccessor http)
{
    public Actor Current => From(http.HttpContext?.User);

    public static Actor From(ClaimsPrincipal? user)
    {
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user is null || id is null)
        {
            return new Actor(null, "anonymous");
        }

        // A user holds one role; the most privileged wins if an administrator ever gives more.
        var role = Roles.All.Reverse().FirstOrDefault(user.IsInRole) ?? Roles.Resident;
        return new Actor(id, role, ParseGuid(user.FindFirstValue(MediationClaimsFactory.MediatorClaim)), ParseGuid(user.FindFirstValue(MediationClaimsFactory.OrganisationClaim)));
    }

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var guid) ? guid : null;
}
