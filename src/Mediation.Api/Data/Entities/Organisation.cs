namespace Mediation.Api.Data.Entities;

/// <summary>
/// A node of the organisation tree (district → township/street → village/community) or a professional body that
/// serves an area. Codes nest: a village's code starts with its township's, which starts with its district's.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    /// <summary>Area code for tree nodes (e.g. 150302001001); for bodies, a code of their own.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public OrganisationKind Kind { get; set; }

    public Guid? ParentId { get; set; }

    public Organisation? Parent { get; set; }

    /// <summary>For professional bodies: the body id definitions use (e.g. <c>medical-committee</c>).</summary>
    public string? BodyId { get; set; }

    /// <summary>For professional bodies: the area code they serve (a district's code serves the whole district).</summary>
    public string? ServesAreaCode { get; set; }

    /// <summary>Give new cases to the least-loaded active mediator with the matching specialty instead of queueing them.</summary>
    public bool AutoAssign { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>What an organisation is.</summary>
public enum OrganisationKind
{
    District,
    Township,
    Village,
    ProfessionalBody,
}
