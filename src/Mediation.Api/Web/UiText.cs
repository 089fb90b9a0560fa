namespace Mediation.Api.Web;

/// <summary>Text the layout and the shared pages (sign-in, home, errors) show: <c>Resources/Web/UiText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class UiText;
