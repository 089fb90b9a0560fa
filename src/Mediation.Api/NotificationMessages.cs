namespace Mediation.Api;

/// <summary>Marker for the notification and hotline texts in <c>Resources/NotificationMessages.resx</c> (zh-CN) and <c>NotificationMessages.en.resx</c>.</summary>
public sealed class NotificationMessages;
