using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Compilation;

internal sealed class CompiledStep
{
    private static readonly int EventCount = Enum.GetValues<WorkflowEventType>().Length;

    public required int Index { get; init; }

    public required string Id { get; init; }

    public required StepKind Kind { get; init; }

    public required LocalizedText Name { get; init; }

    public Tier? Tier { get; init; }

    public string? Body { get; init; }

    public Participant? ConsentOf { get; init; }

    public WorkflowDuration ConsentWithin { get; init; }

    public CompiledDeadline? TakeUp { get; init; }

    public CompiledDeadline? Resolution { get; init; }

    public ClockStart ClockStart { get; init; } = ClockStart.Acceptance;

    public bool Pausable { get; init; }

    public CompiledExtension? Extension { get; init; }

    public CompiledDeadline? JudicialConfirmation { get; init; }

    public CompiledDeadline? FollowUpVisit { get; init; }

    public TerminalOutcome? Outcome { get; init; }

    public Referral? Referral { get; init; }

    /// <summary>Transitions by event, in definition order.</summary>
    public CompiledTransition[][] Transitions { get; } = CreateTable();

    public CasePhase EntryPhase => Kind switch
    {
        StepKind.Terminal => CasePhase.Closed,
        StepKind.FollowUp => CasePhase.FollowUp,
        _ => ConsentOf is null ? CasePhase.Queued : CasePhase.AwaitingConsent,
    };

    public CompiledTransition[] For(WorkflowEventType type) => Transitions[(int)type];

    private static CompiledTransition[][] CreateTable()
    {
        var table = new CompiledTransition[EventCount][];
        Array.Fill(table, []);
        return table;
    }
}

internal sealed record CompiledDeadline(WorkflowDuration Within, WorkflowDuration[] Reminders, string Calendar);

internal sealed record CompiledExtension(WorkflowDuration Max, int Times, Participant[] ConsentOf);

/// <summary>One entry of a step's <c>on</c> list.</summary>
/// <param name="Ordinal">Position among the step's transitions for the same event.</param>
/// <param name="Event">The event.</param>
/// <param name="When">The condition, if any.</param>
/// <param name="Target">The step moved to, or the step itself for a reassignment.</param>
/// <param name="ReassignMaxTimes">For a reassignment, how often it may happen; 0 otherwise.</param>
/// <param name="Path">JSON path of the transition in the definition.</param>
internal sealed record CompiledTransition(
    int Ordinal,
    WorkflowEventType Event,
    CompiledCondition? When,
    int Target,
    int ReassignMaxTimes,
    string Path)
{
    public bool IsReassign => ReassignMaxTimes > 0;
}

internal sealed record CompiledRoute(string Id, CompiledCondition? When, int Target);
