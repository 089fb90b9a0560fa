using System.Collections.Immutable;
using Mediation.Workflows.Calendars;

namespace Mediation.Workflows.Runtime;

/// <summary>
/// Where a case stands in its workflow. The engine never stores it: the host keeps it with the case and hands it
/// back with each event. It is immutable; every decision returns a new one.
/// </summary>
public sealed record CaseState
{
    /// <summary>The workflow's key.</summary>
    public required string WorkflowKey { get; init; }

    /// <summary>The workflow version the case runs on; it changes only by an explicit migration.</summary>
    public required int WorkflowVersion { get; init; }

    /// <summary>The current step.</summary>
    public required string StepId { get; init; }

    /// <summary>Where the case stands inside the step.</summary>
    public required CasePhase Phase { get; init; }

    /// <summary>Counts step entries (re-entry on reassignment included); deadlines carry the entry they belong to.</summary>
    public required int StepEntry { get; init; }

    /// <summary>When the case entered the current step.</summary>
    public required DateTimeOffset StepEnteredAt { get; init; }

    /// <summary>How often the case was reassigned within the current step.</summary>
    public int Reassignments { get; init; }

    /// <summary>How often the case moved up to another mediation step.</summary>
    public int Escalations { get; init; }

    /// <summary>The resolution clock of the current step, once it has started.</summary>
    public ResolutionClock? Clock { get; init; }

    /// <summary>When a written agreement took effect, once it has.</summary>
    public DateTimeOffset? AgreementEffectiveAt { get; init; }

    /// <summary>Live deadlines and reminders.</summary>
    public ImmutableArray<Deadline> Deadlines { get; init; } = [];

    /// <summary>Numbers deadlines so that a rescheduled deadline never reuses an id.</summary>
    public int DeadlineSequence { get; init; }

    /// <summary>How the case ended, once it has.</summary>
    public TerminalOutcome? Outcome { get; init; }

    /// <summary>True once the case has reached a terminal step.</summary>
    public bool IsClosed => Phase == CasePhase.Closed;

    /// <summary>The live deadline with <paramref name="id"/>, if any.</summary>
    public Deadline? FindDeadline(string id)
    {
        foreach (var deadline in Deadlines)
        {
            if (string.Equals(deadline.Id, id, StringComparison.Ordinal))
            {
                return deadline;
            }
        }

        return null;
    }
}

/// <summary>The resolution clock of a mediation step.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="PausedAt">When it was paused, while it is.</param>
/// <param name="Remaining">What was left when it was paused, while it is.</param>
/// <param name="ExtensionsUsed">How many extensions were granted in the step.</param>
/// <param name="Pauses">How many times it has been paused.</param>
public readonly record struct ResolutionClock(
    DateTimeOffset StartedAt,
    DateTimeOffset? PausedAt = null,
    WorkflowDuration? Remaining = null,
    int ExtensionsUsed = 0,
    int Pauses = 0);

/// <summary>
/// A live deadline. Its id is unique within the case and never reused, so a timer for a deadline that was
/// cancelled, rescheduled or belongs to an earlier step entry is recognised as stale and ignored.
/// </summary>
/// <param name="Id">Unique within the case, for example <c>3.resolution.7</c>.</param>
/// <param name="Kind">What the deadline is for.</param>
/// <param name="StepId">The step it belongs to.</param>
/// <param name="StepEntry">The step entry it belongs to.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Provisional">True when computed past the last year of holidays on file; recomputed when the year arrives.</param>
/// <param name="CountedFrom">The instant the duration was counted from.</param>
/// <param name="Duration">The duration counted; for a reminder, how long before the deadline it reminds of.</param>
/// <param name="Calendar">The calendar the duration was counted in.</param>
/// <param name="ReminderOf">For a reminder, the id of the deadline it reminds of.</param>
/// <param name="ReminderOfKind">For a reminder, the kind of the deadline it reminds of.</param>
public sealed record Deadline(
    string Id,
    DeadlineKind Kind,
    string StepId,
    int StepEntry,
    DateTimeOffset DueAt,
    bool Provisional,
    DateTimeOffset CountedFrom,
    WorkflowDuration Duration,
    string Calendar,
    string? ReminderOf = null,
    DeadlineKind? ReminderOfKind = null);
