namespace Mediation.Api.Data.Entities;

/// <summary>One event in a dispute's append-only timeline: who, when, what, why, from which step to which.</summary>
public sealed class TimelineEntry
{
    public long Id { get; set; }

    public Guid DisputeId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user who acted, or null for the system (timers).</summary>
    public string? ActorUserId { get; set; }

    public required string ActorRole { get; set; }

    /// <summary>The event's name as definitions write it, or <c>filed</c>.</summary>
    public required string Event { get; set; }

    public string? Reason { get; set; }

    public required string FromStep { get; set; }

    public required string FromPhase { get; set; }

    public required string ToStep { get; set; }

    public required string ToPhase { get; set; }

    /// <summary>The effects the decision had, as JSON, for audit.</summary>
    public string? Details { get; set; }
}
