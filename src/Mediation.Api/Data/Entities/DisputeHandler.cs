namespace Mediation.Api.Data.Entities;

/// <summary>An organisation a dispute was assigned to, kept after escalation so that it can still see what it handled.</summary>
public sealed class DisputeHandler
{
    public long Id { get; set; }

    public Guid DisputeId { get; set; }

    public Guid OrganisationId { get; set; }

    public required string StepId { get; set; }

    public DateTimeOffset AssignedAt { get; set; }
}
