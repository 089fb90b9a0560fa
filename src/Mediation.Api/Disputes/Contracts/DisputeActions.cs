using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Contracts;

/// <summary>
/// The action route names (<c>POST /api/disputes/{id}/{action}</c>) for the events a person can send, and which
/// actors the UI offers each one to. <see cref="DisputeView.PermittedActions"/> lists them.
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

    /// <summary>Actions a party (a resident who filed or is a party) may take.</summary>
    private static readonly HashSet<WorkflowEventType> PartyEvents =
    [
        WorkflowEventType.ConsentGiven, WorkflowEventType.ConsentRefused, WorkflowEventType.Withdrawn, WorkflowEventType.EscalationRequested,
    ];

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

    /// <summary>
    /// Whether the UI offers <paramref name="type"/> to <paramref name="actor"/>: parties the party actions, the staff
    /// handling the case (its organisation's mediators, system admins) the rest. The action endpoints decide for good.
    /// </summary>
    internal static bool OfferedTo(Actor actor, Dispute dispute, WorkflowEventType type)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Is(Roles.Resident))
        {
            return PartyEvents.Contains(type) && DisputeAccess.IsParty(actor, dispute);
        }

        return DisputeAccess.IsHandledByActor(actor, dispute);
    }

    /// <summary>The route names of <paramref name="permitted"/> that <paramref name="actor"/> is offered, in a stable order.</summary>
    internal static IReadOnlyList<string> For(Actor actor, Dispute dispute, IEnumerable<WorkflowEventType> permitted) =>
        [.. permitted.Where(t => OfferedTo(actor, dispute, t)).Select(RouteFor).OfType<string>().Distinct(StringComparer.Ordinal)];
}
