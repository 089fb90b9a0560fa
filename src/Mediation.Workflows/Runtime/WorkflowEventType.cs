namespace Mediation.Workflows.Runtime;

/// <summary>
/// Events a case receives. The ones marked "definable" are what a definition's <c>on</c> lists react to; the rest
/// have fixed meanings. Deadlines arrive as <see cref="TimerElapsed"/> and the engine turns them into the matching
/// "deadline missed" event.
/// </summary>
public enum WorkflowEventType
{
    /// <summary>The other side consented to mediation.</summary>
    ConsentGiven,

    /// <summary>Definable: the other side refused mediation.</summary>
    ConsentRefused,

    /// <summary>Definable: the consent deadline passed.</summary>
    ConsentDeadlineMissed,

    /// <summary>A mediator took the case up (受理).</summary>
    TakenUp,

    /// <summary>Definable: the organisation or mediator declined the case, with a reason.</summary>
    Declined,

    /// <summary>Definable: nobody took the case up in time.</summary>
    TakeUpDeadlineMissed,

    /// <summary>The mediation clock was paused (appraisal).</summary>
    ClockPaused,

    /// <summary>The mediation clock resumed with the time that was left.</summary>
    ClockResumed,

    /// <summary>The resolution deadline was extended with the required consents.</summary>
    ExtensionGranted,

    /// <summary>Definable: mediation was not concluded in time (deemed failed).</summary>
    ResolutionDeadlineMissed,

    /// <summary>Definable: mediation failed and was terminated (人民调解法 Art. 26).</summary>
    MediationFailed,

    /// <summary>Definable: a party or the mediator asked for a higher tier.</summary>
    EscalationRequested,

    /// <summary>Definable: the mediator flagged a risk of escalation (人民调解法 Art. 25).</summary>
    RiskFlagged,

    /// <summary>Definable: the applicant withdrew.</summary>
    Withdrawn,

    /// <summary>Definable: the parties reached an agreement.</summary>
    AgreementReached,

    /// <summary>A written agreement took effect (last signature, the mediator's signature and the seal).</summary>
    AgreementTookEffect,

    /// <summary>Definable: the agreement was performed.</summary>
    Performed,

    /// <summary>Definable: a party did not perform the agreement.</summary>
    PerformanceFailed,

    /// <summary>The follow-up visit (回访) was made.</summary>
    FollowUpVisitDone,

    /// <summary>A scheduled deadline or reminder came due; carries the deadline's id.</summary>
    TimerElapsed,
}

/// <summary>Names of events as definitions write them, and which of them definitions may react to.</summary>
public static class WorkflowEvents
{
    private static readonly Dictionary<string, WorkflowEventType> ByName = Enum.GetValues<WorkflowEventType>()
        .ToDictionary(NameOf, e => e, StringComparer.Ordinal);

    /// <summary>Events a definition's <c>on</c> list may name.</summary>
    public static IReadOnlySet<WorkflowEventType> Definable { get; } = new HashSet<WorkflowEventType>
    {
        WorkflowEventType.ConsentRefused, WorkflowEventType.ConsentDeadlineMissed, WorkflowEventType.Declined,
        WorkflowEventType.TakeUpDeadlineMissed, WorkflowEventType.ResolutionDeadlineMissed,
        WorkflowEventType.MediationFailed, WorkflowEventType.EscalationRequested, WorkflowEventType.RiskFlagged,
        WorkflowEventType.Withdrawn, WorkflowEventType.AgreementReached, WorkflowEventType.Performed,
        WorkflowEventType.PerformanceFailed,
    };

    /// <summary>Events driven by a deadline rather than by a person.</summary>
    public static IReadOnlySet<WorkflowEventType> Automatic { get; } = new HashSet<WorkflowEventType>
    {
        WorkflowEventType.ConsentDeadlineMissed, WorkflowEventType.TakeUpDeadlineMissed,
        WorkflowEventType.ResolutionDeadlineMissed,
    };

    /// <summary>The camelCase name a definition uses for <paramref name="type"/>.</summary>
    public static string NameOf(WorkflowEventType type)
    {
        var name = type.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
    }

    /// <summary>Looks up an event by the name a definition uses.</summary>
    public static bool TryParse(string? name, out WorkflowEventType type) =>
        ByName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>The phases of a step of <paramref name="kind"/> in which <paramref name="type"/> can happen.</summary>
    public static ReadOnlySpan<CasePhase> PhasesFor(StepKind kind, WorkflowEventType type) => (kind, type) switch
    {
        (StepKind.Mediation, WorkflowEventType.ConsentRefused or WorkflowEventType.ConsentDeadlineMissed) => [CasePhase.AwaitingConsent],
        (StepKind.Mediation, WorkflowEventType.Declined or WorkflowEventType.TakeUpDeadlineMissed) => [CasePhase.Queued],
        (StepKind.Mediation, WorkflowEventType.ResolutionDeadlineMissed) => [CasePhase.Queued, CasePhase.InMediation],
        (StepKind.Mediation, WorkflowEventType.MediationFailed) => [CasePhase.InMediation, CasePhase.Paused],
        (StepKind.Mediation, WorkflowEventType.AgreementReached) => [CasePhase.InMediation],
        (StepKind.Mediation, WorkflowEventType.EscalationRequested) => [CasePhase.Queued, CasePhase.InMediation, CasePhase.Paused],
        (StepKind.Mediation, WorkflowEventType.Withdrawn or WorkflowEventType.RiskFlagged) =>
            [CasePhase.AwaitingConsent, CasePhase.Queued, CasePhase.InMediation, CasePhase.Paused],
        (StepKind.FollowUp, WorkflowEventType.Performed or WorkflowEventType.PerformanceFailed or WorkflowEventType.RiskFlagged) => [CasePhase.FollowUp],
        _ => [],
    };
}
