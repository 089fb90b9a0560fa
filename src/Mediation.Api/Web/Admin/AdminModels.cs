namespace Mediation.Api.Web.Admin;

/// <summary>An organisation in the console's tree.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Area code, or a body's own code.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind"><c>District</c>, <c>Township</c>, <c>Village</c> or <c>ProfessionalBody</c>.</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="Manageable">Within the signed-in administrator's area.</param>
/// <param name="Children">One level below.</param>
public sealed record OrgItem(Guid Id, string Code, string Name, string Kind, bool Active, bool Manageable, IReadOnlyList<OrgItem> Children);

/// <summary>A choice in a select: the value sent and the label shown.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>A mediator as the console lists them.</summary>
public sealed record MediatorItem(Guid Id, string Name, string? UserName, Guid OrganisationId, IReadOnlyList<string> Specialties, bool Active, int Load);

/// <summary>What the mediator form edits: a new mediator (user name and password) or an existing one (organisation to move to, active).</summary>
public sealed class MediatorFormModel
{
    public Guid? Id { get; set; }

    public string? UserName { get; set; }

    public string? Name { get; set; }

    public string? Password { get; set; }

    public IReadOnlyCollection<string> Specialties { get; set; } = [];

    public Guid? OrganisationId { get; set; }

    public bool Active { get; set; } = true;

    public bool IsNew => Id is null;
}

/// <summary>What the organisation form edits: a new organisation (kind, parent, code, body) or an existing one (name, auto-assign, active).</summary>
public sealed class OrganisationFormModel
{
    public Guid? Id { get; set; }

    public string Kind { get; set; } = "Village";

    public Guid? ParentId { get; set; }

    public string? ParentName { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? NameEn { get; set; }

    public bool AutoAssign { get; set; }

    public bool Active { get; set; } = true;

    public string? BodyId { get; set; }

    public string? ServesAreaCode { get; set; }

    public bool IsNew => Id is null;
}

/// <summary>Field errors as the API reports them (camelCase member or JSON path → messages).</summary>
public static class FieldErrorsExtensions
{
    public static string? For(this IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    /// <summary>Errors of a field and its items, e.g. <c>specialties</c> and <c>specialties[1]</c>.</summary>
    public static string? ForPrefix(this IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is null ? null : string.Join(" ", errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)).SelectMany(e => e.Value)) is { Length: > 0 } text ? text : null;
}
