using System.Resources;

namespace Mediation.Api.Web;

/// <summary>Text the workflow designer shows: <c>Resources/Web/DesignerText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class DesignerText
{
    /// <summary>The same resources, for text a definition stores in both languages at once (a new step's name).</summary>
    internal static ResourceManager Resources { get; } = new("Mediation.Api.Resources.Web.DesignerText", typeof(DesignerText).Assembly);
}
