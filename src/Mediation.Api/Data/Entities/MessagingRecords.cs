namespace Mediation.Api.Data.Entities;

/// <summary>
/// One message to one recipient, expanded from an <see cref="OutboxMessage"/> by the notification dispatcher. Its
/// <see cref="Id"/> is sent to the gateway as the message id, so sending it again after a crash is recognised there as
/// the same message.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }

    public Guid OutboxMessageId { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary><c>sms</c> or <c>hotline</c> (see <c>DeliveryChannels</c>).</summary>
    public required string Channel { get; set; }

    /// <summary>The phone number for an SMS; the work-order number for a hotline callback.</summary>
    public required string Recipient { get; set; }

    /// <summary>Who the recipient is: applicant, respondent, mediator, organisation, hotline.</summary>
    public required string RecipientRole { get; set; }

    public required string Template { get; set; }

    /// <summary>The rendered text (SMS), or the callback's JSON payload without its message id (hotline).</summary>
    public required string Body { get; set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts made (a send interrupted by a crash counts once it is retried).</summary>
    public int Attempts { get; set; }

    /// <summary>Not sent before this instant (back-off or the per-number rate limit).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? DeadLetteredAt { get; set; }

    /// <summary>Optimistic concurrency: an administrator's re-send and the dispatcher never both win.</summary>
    public int Version { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Handed to the gateway, answer not yet recorded; a crash leaves it here and it is sent again with the same id.</summary>
    Sending,

    /// <summary>The gateway accepted it.</summary>
    Sent,

    /// <summary>Given up (a 4xx answer or the maximum attempts): on the administrators' dead-letter list.</summary>
    DeadLetter,
}

/// <summary>An administrator's text for a notification template, replacing the shipped default.</summary>
public sealed class NotificationTemplateRecord
{
    public required string Key { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedByUserId { get; set; }
}

/// <summary>A 12345 work order and the dispute it became.</summary>
public sealed class HotlineWorkOrder
{
    public required string OrderNumber { get; set; }

    public Guid DisputeId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>A signature the hotline webhook accepted, kept for the timestamp window so a replay is refused.</summary>
public sealed class HotlineReceipt
{
    /// <summary>The request's signature (lower-case hex SHA-256 HMAC).</summary>
    public required string Signature { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
