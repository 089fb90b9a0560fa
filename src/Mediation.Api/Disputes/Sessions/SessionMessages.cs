namespace Mediation.Api.Disputes.Sessions;

/// <summary>Messages of the session minutes API: <c>Resources/Disputes/Sessions/SessionMessages.resx</c> (zh-CN) and <c>.en.resx</c>.</summary>
public sealed class SessionMessages;
