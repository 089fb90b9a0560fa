using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Mediation.Api;

/// <summary>Marker for the API's user-facing texts in <c>Resources/ApiMessages.resx</c> (zh-CN) and <c>ApiMessages.en.resx</c>.</summary>
public sealed class ApiMessages;
