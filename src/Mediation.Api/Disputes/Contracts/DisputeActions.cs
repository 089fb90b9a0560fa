using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Contracts;

/// <summary>
/// The action route names (<c>POST /api/disputes/{id}/{action}</c>) for the events a person can send.
/// <see cref="DisputeView.PermittedActions"/> lists those the caller may post now (<c>Actions.ActionAvailability</c>).
/// </summary>
internal static class DisputeActions
{
    public const string Consent = "consent";
    public const string RefuseConsent = "refuse-consent";
    public const string TakeUp = "take-up";
    public const string Decline = "decline";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Extend = "extend";
    public const string Fail = "fail";
    public const string Escalate = "escalate";
    public const string FlagRisk = "flag-risk";
    public const string Withdraw = "withdraw";
    public const string Agreement = "agreement";
    public const string AgreementEffective = "agreement-effective";
    public const string Performed = "performed";
    public const string PerformanceFailed = "performance-failed";
    public const string FollowUpVisit = "follow-up-visit";

    private static readonly Dictionary<WorkflowEventType, string> ByEvent = new()
    {
        [WorkflowEventType.ConsentGiven] = Consent,
        [WorkflowEventType.ConsentRefused] = RefuseConsent,
        [WorkflowEventType.TakenUp] = TakeUp,
        [WorkflowEventType.Declined] = Decline,
        [WorkflowEventType.ClockPaused] = Pause,
        [WorkflowEventType.ClockResumed] = Resume,
        [WorkflowEventType.ExtensionGranted] = Extend,
        [WorkflowEventType.MediationFailed] = Fail,
        [WorkflowEventType.EscalationRequested] = Escalate,
        [WorkflowEventType.RiskFlagged] = FlagRisk,
        [WorkflowEventType.Withdrawn] = Withdraw,
        [WorkflowEventType.AgreementReached] = Agreement,
        [WorkflowEventType.AgreementTookEffect] = AgreementEffective,
        [WorkflowEventType.Performed] = Performed,
        [WorkflowEventType.PerformanceFailed] = PerformanceFailed,
        [WorkflowEventType.FollowUpVisitDone] = FollowUpVisit,
    };

    /// <summary>The route name of <paramref name="type"/>, or null for events no person sends (timers, deadlines missed).</summary>
    public static string? RouteFor(WorkflowEventType type) => ByEvent.GetValueOrDefault(type);

    /// <summary>The event behind a route name.</summary>
    public static bool TryParse(string? route, out WorkflowEventType type)
    {
        foreach (var (eventType, name) in ByEvent)
        {
            if (string.Equals(name, route, StringComparison.Ordinal))
            {
                type = eventType;
                return true;
            }
        }

        type = default;
        return false;
    }
}
