namespace Mediation.Api;

/// <summary>Marker for the resident API's texts (registration, service ratings) in <c>Resources/ResidentMessages.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class ResidentMessages;
