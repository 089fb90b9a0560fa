using Mediation.Workflows.Calendars;

namespace Mediation.Workflows.Runtime;

/// <summary>Something that happened to a case. Build one with the factory methods.</summary>
public sealed record WorkflowEvent
{
    private WorkflowEvent(WorkflowEventType type) => Type = type;

    /// <summary>What happened.</summary>
    public WorkflowEventType Type { get; }

    /// <summary>For <see cref="WorkflowEventType.TimerElapsed"/>: the deadline's id.</summary>
    public string? DeadlineId { get; private init; }

    /// <summary>Who asked for it, when it matters (escalation, extension consents).</summary>
    public IReadOnlyList<Participant> By { get; private init; } = [];

    /// <summary>Why, in the actor's words (declines, failures, risk flags).</summary>
    public string? Reason { get; private init; }

    /// <summary>For an extension: how much longer.</summary>
    public WorkflowDuration? Extension { get; private init; }

    /// <summary>For an agreement: written or oral.</summary>
    public AgreementForm? AgreementForm { get; private init; }

    /// <summary>For an agreement that is already in force, or for <see cref="WorkflowEventType.AgreementTookEffect"/>: when it took effect.</summary>
    public DateTimeOffset? EffectiveAt { get; private init; }

    /// <summary>An event that carries nothing beyond its type and an optional reason.</summary>
    public static WorkflowEvent Of(WorkflowEventType type, string? reason = null, params IReadOnlyList<Participant> by)
    {
        if (type is WorkflowEventType.TimerElapsed or WorkflowEventType.ExtensionGranted or WorkflowEventType.AgreementReached or WorkflowEventType.AgreementTookEffect)
        {
            throw new ArgumentException($"Use the dedicated factory for {type}.", nameof(type));
        }

        return new WorkflowEvent(type) { Reason = reason, By = by };
    }

    /// <summary>A deadline or reminder came due.</summary>
    public static WorkflowEvent Timer(string deadlineId) =>
        new(WorkflowEventType.TimerElapsed) { DeadlineId = deadlineId };

    /// <summary>The resolution deadline is extended by <paramref name="extension"/> with the consent of <paramref name="consentOf"/>.</summary>
    public static WorkflowEvent ExtensionGranted(WorkflowDuration extension, params IReadOnlyList<Participant> consentOf) =>
        new(WorkflowEventType.ExtensionGranted) { Extension = extension, By = consentOf };

    /// <summary>The parties reached an agreement; an oral one is in force at once, a written one when <paramref name="effectiveAt"/> is given or later by <see cref="AgreementTookEffect"/>.</summary>
    public static WorkflowEvent AgreementReached(AgreementForm form, DateTimeOffset? effectiveAt = null) =>
        new(WorkflowEventType.AgreementReached) { AgreementForm = form, EffectiveAt = effectiveAt };

    /// <summary>A written agreement took effect at <paramref name="effectiveAt"/>.</summary>
    public static WorkflowEvent AgreementTookEffect(DateTimeOffset effectiveAt) =>
        new(WorkflowEventType.AgreementTookEffect) { EffectiveAt = effectiveAt };
}
