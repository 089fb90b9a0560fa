namespace Mediation.Api.Data.Entities;

/// <summary>A workflow definition version as stored: drafts can change, published versions never do.</summary>
public sealed class WorkflowVersionRecord
{
    public required string Key { get; set; }

    public int Version { get; set; }

    public WorkflowVersionStatus Status { get; set; }

    public required string DefinitionJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedByUserId { get; set; }
}

/// <summary>Draft or published.</summary>
public enum WorkflowVersionStatus
{
    Draft,
    Published,
}
