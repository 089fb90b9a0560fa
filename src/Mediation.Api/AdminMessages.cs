namespace Mediation.Api;

/// <summary>Marker for the administrator console's API texts (calendar years, figures) in <c>Resources/AdminMessages.resx</c> (zh-CN) and <c>AdminMessages.en.resx</c>.</summary>
public sealed class AdminMessages;
