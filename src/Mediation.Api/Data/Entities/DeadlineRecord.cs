using Mediation.Workflows.Runtime;

namespace Mediation.Api.Data.Entities;

/// <summary>
/// A live or finished deadline of a dispute. These rows are the truth; Quartz triggers are derived from the pending
/// ones after commit and reconciled at start-up, so a crash between the two loses nothing.
/// </summary>
public sealed class DeadlineRecord
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The engine's deadline id, unique within the dispute.</summary>
    public required string DeadlineId { get; set; }

    public DeadlineKind Kind { get; set; }

    public DeadlineKind? ReminderOfKind { get; set; }

    public required string StepId { get; set; }

    public int StepEntry { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public bool Provisional { get; set; }

    public DeadlineStatus Status { get; set; }

    /// <summary>When it fired or was cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>Where a deadline record stands.</summary>
public enum DeadlineStatus
{
    Pending,
    Fired,
    Cancelled,
}
