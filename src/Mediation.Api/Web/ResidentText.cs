namespace Mediation.Api.Web;

/// <summary>Text of the resident portal (register, file, my disputes): <c>Resources/Web/ResidentText.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class ResidentText;
