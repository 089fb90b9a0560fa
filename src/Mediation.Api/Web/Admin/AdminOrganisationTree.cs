using Mediation.Api.Data.Entities;
using Mediation.Api.Organisations;

namespace Mediation.Api.Web.Admin;

/// <summary>The organisation tree as an administrator sees it in the console: a system admin everything, an organisation admin their own subtree and the professional bodies serving in it.</summary>
internal static class AdminOrganisationTree
{
    public static IReadOnlyList<OrgItem> Build(OrganisationTree tree, AdminScope scope)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(scope);
        var roots = scope.All ? tree.Organisations : Find(tree.Organisations, scope.Home?.Code);
        var items = roots.Select(node => Map(node, scope)).ToList();
        items.AddRange(tree.ProfessionalBodies
            .Where(b => scope.All || scope.CoversCode(b.Code) || (b.ServesAreaCode is { } area && scope.CoversArea(area)))
            .Select(b => new OrgItem(b.Id, b.Code, b.Name, nameof(OrganisationKind.ProfessionalBody), b.Active, true, [])));
        return items;
    }

    public static IEnumerable<OrgItem> Flatten(IEnumerable<OrgItem> items) =>
        items.SelectMany(item => Flatten(item.Children).Prepend(item));

    private static IReadOnlyList<OrganisationNode> Find(IEnumerable<OrganisationNode> nodes, string? code)
    {
        if (code is null)
        {
            return [];
        }

        foreach (var node in nodes)
        {
            if (node.Code == code)
            {
                return [node];
            }

            if (code.StartsWith(node.Code, StringComparison.Ordinal) && Find(node.Children, code) is { Count: > 0 } found)
            {
                return found;
            }
        }

        return [];
    }

    private static OrgItem Map(OrganisationNode node, AdminScope scope) =>
        new(node.Id, node.Code, node.Name, node.Kind.ToString(), node.Active, scope.CoversCode(node.Code), [.. node.Children.Select(c => Map(c, scope))]);
}
