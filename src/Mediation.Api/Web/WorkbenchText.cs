using Microsoft.Extensions.Localization;

namespace Mediation.Api.Web;

/// <summary>Text of the mediator workbench (queue, case page, agreement print): <c>Resources/Web/WorkbenchText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class WorkbenchText;

/// <summary>Staff pages name dispute categories with the workbench's words.</summary>
public static class CategoryNames
{
    /// <summary>The category's name (e.g. 邻里纠纷 for <c>neighbour</c>), or its key when the resources have none.</summary>
    public static string CategoryName(this IStringLocalizer<WorkbenchText> text, string category)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text[$"Category_{category}"];
        return name.ResourceNotFound ? category : name.Value;
    }
}
