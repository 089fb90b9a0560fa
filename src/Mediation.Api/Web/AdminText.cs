namespace Mediation.Api.Web;

/// <summary>Text of the administrator console and the dashboard: <c>Resources/Web/AdminText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class AdminText;
