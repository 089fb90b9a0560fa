namespace Mediation.Api.Tests.Authorization;

/// <summary>
/// Who calls. Each role comes twice where ownership matters: the "own" principal is related to the matrix's subject
/// data, the "other" one is not.
/// <list type="bullet">
/// <item><see cref="Resident"/> resident1 filed the subject dispute; <see cref="OtherResident"/> resident2 has nothing to do with it.</item>
/// <item><see cref="Mediator"/> mediator-150302001001 belongs to the village handling it; <see cref="OtherMediator"/> mediator-150303001001 to a village of another district.</item>
/// <item><see cref="OrgAdmin"/> orgadmin-150302 administers the district containing it and the scratch organisation; <see cref="OtherOrgAdmin"/> orgadmin-150303 another district.</item>
/// </list>
/// </summary>
public enum Principal
{
    Anonymous,
    Resident,
    OtherResident,
    Mediator,
    OtherMediator,
    OrgAdmin,
    OtherOrgAdmin,
    SystemAdmin,
}

/// <summary>What a principal must get.</summary>
public enum Outcome
{
    /// <summary>Past authorisation: any answer but 401, 403, 404, 405 or a 5xx (a 400 or 409 about the request or the case's state is fine).</summary>
    Allowed,

    /// <summary>401: not signed in.</summary>
    Unauthenticated,

    /// <summary>403 problem: signed in but not allowed.</summary>
    Forbidden,

    /// <summary>404 problem: the resource is someone else's and its existence is not revealed.</summary>
    Hidden,
}

/// <summary>The declared outcome for each principal of one endpoint. Start from a preset and adjust with <c>with</c>.</summary>
public sealed record Access(
    Outcome Anonymous,
    Outcome Resident,
    Outcome OtherResident,
    Outcome Mediator,
    Outcome OtherMediator,
    Outcome OrgAdmin,
    Outcome OtherOrgAdmin,
    Outcome SystemAdmin)
{
    private const Outcome A = Outcome.Allowed;
    private const Outcome U = Outcome.Unauthenticated;
    private const Outcome F = Outcome.Forbidden;
    private const Outcome H = Outcome.Hidden;

    /// <summary>Everyone, signed in or not (login, health only).</summary>
    public static Access Public { get; } = new(A, A, A, A, A, A, A, A);

    /// <summary>Any signed-in user.</summary>
    public static Access SignedIn { get; } = new(U, A, A, A, A, A, A, A);

    /// <summary>Mediators and administrators, whatever the data.</summary>
    public static Access Staff { get; } = new(U, F, F, A, A, A, A, A);

    /// <summary>System administrators only.</summary>
    public static Access SystemAdminOnly { get; } = new(U, F, F, F, F, F, F, A);

    /// <summary>Organisation admins (of any area: the resource is not bound to one) and system admins.</summary>
    public static Access Administrators { get; } = new(U, F, F, F, F, A, A, A);

    /// <summary>Organisation admins within their subtree (403 outside it) and system admins.</summary>
    public static Access OrganisationAdminInSubtree { get; } = new(U, F, F, F, F, A, F, A);

    /// <summary>Reading the subject dispute: its parties, its organisation's mediators, admins over it; everyone else is told it does not exist.</summary>
    public static Access DisputeReader { get; } = new(U, A, H, A, H, A, H, A);

    /// <summary>What a principal must get.</summary>
    public Outcome For(Principal principal) => principal switch
    {
        Principal.Anonymous => Anonymous,
        Principal.Resident => Resident,
        Principal.OtherResident => OtherResident,
        Principal.Mediator => Mediator,
        Principal.OtherMediator => OtherMediator,
        Principal.OrgAdmin => OrgAdmin,
        Principal.OtherOrgAdmin => OtherOrgAdmin,
        Principal.SystemAdmin => SystemAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(principal)),
    };
}
