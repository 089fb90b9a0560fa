namespace Mediation.Api.Data.Entities;

/// <summary>
/// An <c>Idempotency-Key</c> already used for a filing, so a retried filing returns the same dispute — and the same key
/// with a different body is refused instead of silently answered with the first dispute.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    public required string UserId { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the filing's canonical body (see <c>FilingFingerprint</c>); null for keys recorded
    /// before fingerprints were kept, which are answered with their dispute whatever the body.
    /// </summary>
    public string? RequestSha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The next reference number of a year.</summary>
public sealed class ReferenceSequence
{
    public int Year { get; set; }

    public int Next { get; set; }
}

/// <summary>
/// A message the engine asked for, written in the same transaction as the change that caused it. The dispatcher that
/// sends them (SMS, hotline callbacks) reads this outbox.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public required string Audience { get; set; }

    public required string Template { get; set; }

    public string? DeadlineId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
