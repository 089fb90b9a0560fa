namespace Mediation.Api;

/// <summary>Marker for the texts of judicial confirmation in <c>Resources/CourtMessages.resx</c> (zh-CN) and <c>CourtMessages.en.resx</c>.</summary>
public sealed class CourtMessages;

/// <summary>Marker for the texts of personal-data protection in <c>Resources/PrivacyMessages.resx</c> (zh-CN) and <c>PrivacyMessages.en.resx</c>.</summary>
public sealed class PrivacyMessages;
