namespace Mediation.Api.Web;

/// <summary>Text of the mediator workbench (queue, case page, agreement print): <c>Resources/Web/WorkbenchText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class WorkbenchText;
