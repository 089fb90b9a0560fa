namespace Mediation.Api.Data.Entities;

/// <summary>Evidence attached to a dispute, stored outside the database and checksummed.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Path of the stored file relative to the attachments folder.</summary>
    public required string StoragePath { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? UploadedByUserId { get; set; }
}
