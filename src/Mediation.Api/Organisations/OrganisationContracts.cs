using Mediation.Api.Data.Entities;

namespace Mediation.Api.Organisations;

/// <summary>
/// The organisation tree and the professional bodies beside it. Holds no personal data: any signed-in user may read
/// it (residents pick the village or community where their dispute arose from it).
/// </summary>
/// <param name="Organisations">Districts, each with its townships or streets and their villages or communities; with a kind filter, the organisations of that kind as a flat list.</param>
/// <param name="ProfessionalBodies">Professional mediation bodies with the area they serve.</param>
internal sealed record OrganisationTree(IReadOnlyList<OrganisationNode> Organisations, IReadOnlyList<ProfessionalBodyView> ProfessionalBodies);

/// <summary>A node of the organisation tree.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Area code: 6 digits for a district, 9 for a township or street, 12 for a village or community.</param>
/// <param name="Name">Name.</param>
/// <param name="NameEn">English name, if any.</param>
/// <param name="Kind"><c>district</c>, <c>township</c> or <c>village</c>.</param>
/// <param name="ParentId">The organisation one level up; null for a district.</param>
/// <param name="Active">False once deactivated: it receives no new disputes.</param>
/// <param name="AutoAssign">New cases go straight to the least-loaded matching mediator instead of the queue.</param>
/// <param name="Children">The organisations one level below.</param>
internal sealed record OrganisationNode(
    Guid Id, string Code, string Name, string? NameEn, OrganisationKind Kind, Guid? ParentId, bool Active, bool AutoAssign, List<OrganisationNode> Children)
{
    public static OrganisationNode From(Organisation organisation) => new(
        organisation.Id, organisation.Code, organisation.Name, organisation.NameEn, organisation.Kind, organisation.ParentId,
        organisation.Active, organisation.AutoAssign, []);
}

/// <summary>A professional mediation body (medical, labour, traffic…) and the area it serves.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Its own code, e.g. <c>MED-1503</c>.</param>
/// <param name="Name">Name.</param>
/// <param name="NameEn">English name, if any.</param>
/// <param name="BodyId">The body id workflow definitions route to, e.g. <c>medical-committee</c>.</param>
/// <param name="ServesAreaCode">The area it serves: every location whose code starts with it.</param>
/// <param name="ServesAreaName">The name of that area when it is an organisation of the tree (null for a whole city or province).</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="AutoAssign">New cases go straight to the least-loaded matching mediator.</param>
internal sealed record ProfessionalBodyView(
    Guid Id, string Code, string Name, string? NameEn, string? BodyId, string? ServesAreaCode, string? ServesAreaName, bool Active, bool AutoAssign);

/// <summary>One organisation in full.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Area code, or a body's own code.</param>
/// <param name="Name">Name.</param>
/// <param name="NameEn">English name, if any.</param>
/// <param name="Kind"><c>district</c>, <c>township</c>, <c>village</c> or <c>professionalBody</c>.</param>
/// <param name="ParentId">The organisation one level up, if any.</param>
/// <param name="Path">The organisations above it, district first.</param>
/// <param name="BodyId">For professional bodies: the body id workflow definitions route to.</param>
/// <param name="ServesAreaCode">For professional bodies: the area served.</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="AutoAssign">New cases go straight to the least-loaded matching mediator.</param>
/// <param name="Children">The organisations one level below.</param>
internal sealed record OrganisationDetail(
    Guid Id,
    string Code,
    string Name,
    string? NameEn,
    OrganisationKind Kind,
    Guid? ParentId,
    IReadOnlyList<OrganisationRef> Path,
    string? BodyId,
    string? ServesAreaCode,
    bool Active,
    bool AutoAssign,
    IReadOnlyList<OrganisationRef> Children);

/// <summary>An organisation in brief.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Code.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Active">False once deactivated.</param>
internal sealed record OrganisationRef(Guid Id, string Code, string Name, OrganisationKind Kind, bool Active)
{
    public static OrganisationRef From(Organisation organisation) =>
        new(organisation.Id, organisation.Code, organisation.Name, organisation.Kind, organisation.Active);
}

/// <summary>A mediator with their current load.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="UserName">The account they sign in with; shown only to the administrators who manage them.</param>
/// <param name="OrganisationId">Their organisation.</param>
/// <param name="OrganisationCode">Its code.</param>
/// <param name="OrganisationName">Its name.</param>
/// <param name="Specialties">Dispute categories they specialise in.</param>
/// <param name="Active">False once deactivated: no new cases.</param>
/// <param name="Load">Open disputes assigned to them now.</param>
internal sealed record MediatorView(
    Guid Id, string Name, string? UserName, Guid OrganisationId, string OrganisationCode, string OrganisationName, IReadOnlyList<string> Specialties, bool Active, int Load);

/// <summary>A new organisation: a township or street under a district, a village or community under a township, a district at the top (system admins), or a professional body.</summary>
internal sealed class CreateOrganisationRequest
{
    /// <summary><c>district</c>, <c>township</c>, <c>village</c> or <c>professionalBody</c>; one level below the parent.</summary>
    /// <example>village</example>
    public string? Kind { get; init; }

    /// <summary>The organisation it is created under (not for districts and professional bodies).</summary>
    public Guid? ParentId { get; init; }

    /// <summary>For the tree: the parent's code followed by 3 digits (a district: 6 digits). For a body: letters, digits and hyphens, e.g. <c>MED-150302</c>.</summary>
    /// <example>150302001006</example>
    public string? Code { get; init; }

    /// <summary>Name (at most 100 characters).</summary>
    /// <example>新华第6社区</example>
    public string? Name { get; init; }

    /// <summary>English name (at most 200 characters).</summary>
    public string? NameEn { get; init; }

    /// <summary>Give new cases to the least-loaded matching mediator instead of queueing them (default false).</summary>
    public bool? AutoAssign { get; init; }

    /// <summary>Professional bodies only: the body id workflow definitions route to (see <c>workflows/bodies.json</c>).</summary>
    /// <example>medical-committee</example>
    public string? BodyId { get; init; }

    /// <summary>Professional bodies only: the area code it serves (a district's, a township's… or a city's such as <c>1503</c>).</summary>
    /// <example>150302</example>
    public string? ServesAreaCode { get; init; }
}

/// <summary>An organisation's editable fields; every field is replaced.</summary>
internal sealed class UpdateOrganisationRequest
{
    /// <summary>Name (at most 100 characters).</summary>
    public string? Name { get; init; }

    /// <summary>English name (at most 200 characters); null removes it.</summary>
    public string? NameEn { get; init; }

    /// <summary>Give new cases to the least-loaded matching mediator.</summary>
    public bool? AutoAssign { get; init; }

    /// <summary>False deactivates it (refused while it has open disputes assigned); true reactivates it.</summary>
    public bool? Active { get; init; }
}

/// <summary>A new mediator and the account they will sign in with.</summary>
internal sealed class CreateMediatorRequest
{
    /// <summary>User name: letters, digits and <c>-._@+</c>, at most 64 characters.</summary>
    /// <example>mediator-wang</example>
    public string? UserName { get; init; }

    /// <summary>The mediator's name (at most 100 characters).</summary>
    /// <example>王芳</example>
    public string? Name { get; init; }

    /// <summary>Initial password; must satisfy the password rules (at least 8 characters with a digit, a lower-case and an upper-case letter and a symbol).</summary>
    public string? Password { get; init; }

    /// <summary>Dispute categories they specialise in (categories of the published workflows).</summary>
    public IReadOnlyList<string>? Specialties { get; init; }
}

/// <summary>A mediator's editable fields; every field is replaced.</summary>
internal sealed class UpdateMediatorRequest
{
    /// <summary>The mediator's name (at most 100 characters).</summary>
    public string? Name { get; init; }

    /// <summary>Dispute categories they specialise in.</summary>
    public IReadOnlyList<string>? Specialties { get; init; }

    /// <summary>False deactivates them (refused while they have open disputes assigned).</summary>
    public bool? Active { get; init; }

    /// <summary>Their organisation; another id moves them there (within the administrator's area, refused while they have open disputes).</summary>
    public Guid? OrganisationId { get; init; }
}
