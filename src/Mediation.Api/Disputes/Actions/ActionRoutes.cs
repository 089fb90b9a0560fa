namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// Action route names beyond the one-per-event names of <see cref="Contracts.DisputeActions"/>: the second route of an
/// event (an oral agreement, a termination, the extension as the mediator requests it) and the actions that are not
/// workflow events of their own (signing, rejecting a proposal, recusal).
/// </summary>
internal static class ActionRoutes
{
    public const string RequestExtension = "request-extension";
    public const string Termination = "termination";
    public const string OralAgreement = "oral-agreement";
    public const string Confirm = "confirm";
    public const string RejectAgreement = "reject-agreement";
    public const string Recusal = "recusal";
    public const string Correction = "corrections";
}
