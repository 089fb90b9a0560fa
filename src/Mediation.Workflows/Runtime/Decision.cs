using System.Collections.Immutable;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Runtime;

/// <summary>What the engine decided for one event.</summary>
/// <param name="Outcome">Applied, ignored (a stale timer) or rejected (not allowed now).</param>
/// <param name="State">The new state (the old one when nothing changed).</param>
/// <param name="Effects">What the host must carry out with the new state.</param>
/// <param name="FromStep">The step before the event.</param>
/// <param name="FromPhase">The phase before the event.</param>
/// <param name="Problem">For ignored and rejected events: a stable code and a message.</param>
public sealed record Decision(
    DecisionOutcome Outcome,
    CaseState State,
    ImmutableArray<WorkflowEffect> Effects,
    string FromStep,
    CasePhase FromPhase,
    DecisionProblem? Problem = null)
{
    /// <summary>True when the case changed.</summary>
    public bool Applied => Outcome == DecisionOutcome.Applied;
}

/// <summary>Whether an event changed the case.</summary>
public enum DecisionOutcome
{
    /// <summary>The event was applied.</summary>
    Applied,

    /// <summary>The event was a stale or duplicate timer; nothing changed.</summary>
    Ignored,

    /// <summary>The event is not allowed in the case's current step and phase; nothing changed.</summary>
    Rejected,
}

/// <summary>Why an event was ignored or rejected.</summary>
/// <param name="Code">A stable code, for example <c>EventNotPermitted</c>.</param>
/// <param name="Message">The explanation in zh-CN and en.</param>
public sealed record DecisionProblem(string Code, LocalizedText Message);
