using Mediation.Workflows.Runtime;

namespace Mediation.Api.Data.Entities;

/// <summary>
/// A dispute and where it stands in its workflow. The workflow state is the engine's <see cref="CaseState"/>, stored
/// whole; the columns beside it repeat what lists and filters need. Only <c>DisputeWorkflow</c> changes them, through
/// an engine decision.
/// </summary>
public sealed class Dispute
{
    public Guid Id { get; set; }

    /// <summary>Human-readable reference, unique per year, e.g. <c>MT-2026-000123</c>.</summary>
    public required string Reference { get; set; }

    public required string Category { get; set; }

    public required string Description { get; set; }

    /// <summary>What the applicant asks for.</summary>
    public string? Request { get; set; }

    /// <summary>Area code of the village or community where the dispute arose.</summary>
    public required string LocationCode { get; set; }

    public decimal? ClaimedAmount { get; set; }

    public required string Channel { get; set; }

    public List<string> Tags { get; set; } = [];

    /// <summary>Closed mediation (不公开调解): chosen by the parties or required by the workflow.</summary>
    public bool ClosedMediation { get; set; }

    public DateTimeOffset FiledAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The resident account that filed it (absent for hotline or walk-in filings made by staff).</summary>
    public string? FiledByUserId { get; set; }

    public required string WorkflowKey { get; set; }

    public int WorkflowVersion { get; set; }

    public required CaseState State { get; set; }

    public required string StepId { get; set; }

    public CasePhase Phase { get; set; }

    public bool IsClosed { get; set; }

    public Guid? OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public Guid? MediatorId { get; set; }

    public Mediator? Mediator { get; set; }

    /// <summary>The earliest live deadline that moves the case (reminders excluded), for countdowns and the overdue filter.</summary>
    public DateTimeOffset? NextDeadlineAt { get; set; }

    /// <summary>Optimistic concurrency: two mediators taking up the same case at once, exactly one wins.</summary>
    public int Version { get; set; }

    public List<Party> Parties { get; set; } = [];

    /// <summary>The dispute's facts as the engine sees them.</summary>
    public CaseFacts ToFacts() => new()
    {
        Category = Category,
        ClaimedAmount = ClaimedAmount,
        PartyCount = Parties.Count,
        Channel = Channel,
        Tags = Tags.ToHashSet(StringComparer.Ordinal),
        Location = LocationCode,
        FiledAt = FiledAt,
        ReceivedAt = ReceivedAt,
    };
}
