using System.Collections.Immutable;
using Mediation.Api.Hotline;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Tests.Hotline;

/// <summary>Which engine decisions owe the 12345 system a reply.</summary>
public sealed class HotlineCallbackRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, CasePhase, CasePhase, string?, string[]> Cases() => new()
    {
        { "filed and routed", null, CasePhase.Queued, CasePhase.Queued, nameof(AssignmentReason.Routed), ["hotline.received"] },
        { "taken up", nameof(WorkflowEventType.TakenUp), CasePhase.Queued, CasePhase.InMediation, null, ["hotline.accepted"] },
        { "escalated", nameof(WorkflowEventType.EscalationRequested), CasePhase.InMediation, CasePhase.Queued, nameof(AssignmentReason.Escalated), ["hotline.tierChanged"] },
        { "moved to a body", nameof(WorkflowEventType.MediationFailed), CasePhase.InMediation, CasePhase.Queued, nameof(AssignmentReason.Moved), ["hotline.tierChanged"] },
        { "reassigned in the tier", nameof(WorkflowEventType.TimerElapsed), CasePhase.Queued, CasePhase.Queued, nameof(AssignmentReason.Reassigned), ["hotline.reassigned"] },
        { "closed", nameof(WorkflowEventType.MediationFailed), CasePhase.InMediation, CasePhase.Closed, null, ["hotline.closed"] },
        { "paused: nothing", nameof(WorkflowEventType.ClockPaused), CasePhase.InMediation, CasePhase.Paused, null, [] },
        { "risk flagged: nothing", nameof(WorkflowEventType.RiskFlagged), CasePhase.InMediation, CasePhase.InMediation, null, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TemplatesFor_Decision_AreTheRepliesOwed(string scenario, string? eventType, CasePhase from, CasePhase to, string? assign, string[] expected)
    {
        var effects = assign is null
            ? ImmutableArray<WorkflowEffect>.Empty
            : [new AssignEffect("step", Tier.Village, null, Enum.Parse<AssignmentReason>(assign))];
        var state = new CaseState { WorkflowKey = "w", WorkflowVersion = 1, StepId = "step", Phase = to, StepEntry = 1, StepEnteredAt = Now };
        var decision = new Decision(DecisionOutcome.Applied, state, effects, "step", from);
        var evt = eventType is null ? null : eventType == nameof(WorkflowEventType.TimerElapsed) ? WorkflowEvent.Timer("d1") : WorkflowEvent.Of(Enum.Parse<WorkflowEventType>(eventType));

        Assert.True(expected.SequenceEqual(HotlineCallbacks.TemplatesFor(decision, evt)), scenario);
    }
}
