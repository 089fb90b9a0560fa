using System.Collections.Immutable;

namespace Mediation.Workflows.Runtime;

/// <summary>Something the host must carry out, in the same transaction as the new case state.</summary>
public abstract record WorkflowEffect;

/// <summary>Give the case to the organisation the handler names for the dispute's location.</summary>
/// <param name="StepId">The step being entered.</param>
/// <param name="Tier">The tier, for a tier handler.</param>
/// <param name="Body">The professional body's id, for a body handler.</param>
/// <param name="Reason">Why the case is being assigned.</param>
public sealed record AssignEffect(string StepId, Tier? Tier, string? Body, AssignmentReason Reason) : WorkflowEffect;

/// <summary>Why a case is assigned.</summary>
public enum AssignmentReason
{
    /// <summary>The case was filed and routed here.</summary>
    Routed,

    /// <summary>The case moved up from another step.</summary>
    Escalated,

    /// <summary>The case moved to another step for another reason (for example a referral to a body).</summary>
    Moved,

    /// <summary>The same step, another organisation or mediator of the tier.</summary>
    Reassigned,
}

/// <summary>Schedule a timer for <paramref name="Deadline"/>; when it fires, send <see cref="WorkflowEvent.Timer"/> with its id.</summary>
/// <param name="Deadline">The deadline.</param>
public sealed record ScheduleDeadlineEffect(Deadline Deadline) : WorkflowEffect;

/// <summary>Cancel the timer of a deadline that no longer applies.</summary>
/// <param name="DeadlineId">The deadline's id.</param>
public sealed record CancelDeadlineEffect(string DeadlineId) : WorkflowEffect;

/// <summary>Tell someone something, from a template the administrators maintain.</summary>
/// <param name="Audience">Who.</param>
/// <param name="Template">The template's key (see <see cref="NotificationTemplates"/>).</param>
/// <param name="DeadlineId">The deadline the message is about, if any.</param>
public sealed record NotifyEffect(Participant Audience, string Template, string? DeadlineId = null) : WorkflowEffect;

/// <summary>An outcome record must be written with this change.</summary>
/// <param name="Kind">Which record.</param>
/// <param name="StepId">The step the record concludes.</param>
/// <param name="TerminationReason">For a termination: why.</param>
/// <param name="Remedies">For a termination or referral: the remedies the parties must be told of (人民调解法 Art. 26).</param>
public sealed record RequireOutcomeEffect(
    OutcomeKind Kind,
    string StepId,
    TerminationReason? TerminationReason,
    ImmutableArray<Referral> Remedies) : WorkflowEffect;

/// <summary>Outcome records.</summary>
public enum OutcomeKind
{
    /// <summary>A mediation agreement, written (Art. 29) or oral (Art. 28, 30).</summary>
    Agreement,

    /// <summary>Termination of mediation, telling the parties their other remedies (Art. 26).</summary>
    Termination,

    /// <summary>The applicant withdrew.</summary>
    Withdrawal,

    /// <summary>Mediation was refused or not consented to.</summary>
    Refusal,

    /// <summary>The case closed after the agreement was performed.</summary>
    Closure,
}

/// <summary>Why mediation was terminated.</summary>
public enum TerminationReason
{
    /// <summary>Mediation failed (调解不成).</summary>
    Failed,

    /// <summary>The deadline passed without agreement: deemed failed (视为调解不成).</summary>
    TimedOut,

    /// <summary>A party did not perform the agreement.</summary>
    NotPerformed,

    /// <summary>The case was referred out.</summary>
    Referred,
}

/// <summary>Keys of the notification templates the engine asks for.</summary>
public static class NotificationTemplates
{
    /// <summary>The case was routed to a step and queued at an organisation.</summary>
    public const string CaseQueued = "case.queued";

    /// <summary>The other side is asked to consent.</summary>
    public const string ConsentRequested = "consent.requested";

    /// <summary>A mediator took the case up.</summary>
    public const string CaseAccepted = "case.accepted";

    /// <summary>The case moved up a tier or to another body.</summary>
    public const string CaseEscalated = "case.escalated";

    /// <summary>The case went to another organisation or mediator of the same tier.</summary>
    public const string CaseReassigned = "case.reassigned";

    /// <summary>A deadline is near.</summary>
    public const string DeadlineReminder = "deadline.reminder";

    /// <summary>The clock was paused.</summary>
    public const string ClockPaused = "clock.paused";

    /// <summary>The clock resumed.</summary>
    public const string ClockResumed = "clock.resumed";

    /// <summary>The deadline was extended.</summary>
    public const string DeadlineExtended = "deadline.extended";

    /// <summary>A risk of escalation was flagged.</summary>
    public const string RiskFlagged = "case.riskFlagged";

    /// <summary>Mediation was terminated; the parties are told their remedies.</summary>
    public const string MediationTerminated = "mediation.terminated";

    /// <summary>An agreement is ready for the parties to confirm or has taken effect.</summary>
    public const string AgreementReady = "agreement.ready";

    /// <summary>The judicial confirmation window opened.</summary>
    public const string JudicialConfirmationOpen = "judicialConfirmation.open";

    /// <summary>The judicial confirmation window closed.</summary>
    public const string JudicialConfirmationClosed = "judicialConfirmation.closed";

    /// <summary>The follow-up visit is overdue.</summary>
    public const string FollowUpVisitOverdue = "followUp.visitOverdue";

    /// <summary>The case closed.</summary>
    public const string CaseClosed = "case.closed";
}
