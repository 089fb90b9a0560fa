namespace Mediation.Api.Data.Entities;

/// <summary>An <c>Idempotency-Key</c> already used for a filing, so a retried filing returns the same dispute.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }

    public required string UserId { get; set; }

    public Guid DisputeId { get; set; }

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
