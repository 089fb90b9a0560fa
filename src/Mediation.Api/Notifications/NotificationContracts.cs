using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;

namespace Mediation.Api.Notifications;

/// <summary>A notification template as it stands.</summary>
/// <param name="Key">The template's key, e.g. <c>case.accepted</c>.</param>
/// <param name="Text">The text in use (zh-CN).</param>
/// <param name="DefaultText">The shipped text.</param>
/// <param name="Customised">True when an administrator replaced the shipped text.</param>
/// <param name="UpdatedAt">When it was last edited, if ever.</param>
internal sealed record TemplateView(string Key, string Text, string DefaultText, bool Customised, DateTimeOffset? UpdatedAt);

/// <summary>A new text for a template.</summary>
internal sealed class TemplateUpdate
{
    /// <summary>The text (zh-CN, at most 500 characters); placeholders in braces: {reference}, {organisation}, {mediator}, {deadline}, {remedies}, {orderNumber}.</summary>
    /// <example>【纠纷调解】您的纠纷{reference}已由{organisation}受理。</example>
    public string? Text { get; init; }
}

/// <summary>A delivery as administrators see it: the recipient masked.</summary>
/// <param name="Id">The delivery id, also the message id the gateway saw.</param>
/// <param name="DisputeId">The dispute it is about.</param>
/// <param name="Channel">sms or hotline.</param>
/// <param name="Recipient">The phone number masked (sms) or the work-order number (hotline).</param>
/// <param name="RecipientRole">applicant, respondent, mediator, organisation or hotline.</param>
/// <param name="Template">The template.</param>
/// <param name="Status">pending, sending, sent or deadLetter.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="NextAttemptAt">When it is next tried.</param>
/// <param name="DeadLetteredAt">When it was given up.</param>
internal sealed record DeliveryView(
    Guid Id, Guid DisputeId, string Channel, string Recipient, string RecipientRole, string Template, DeliveryStatus Status, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeadLetteredAt)
{
    public static DeliveryView Of(NotificationDelivery d) => new(
        d.Id, d.DisputeId, d.Channel, d.Channel == DeliveryChannels.Sms ? PersonalData.MaskPhone(d.Recipient)! : d.Recipient, d.RecipientRole, d.Template,
        d.Status, d.Attempts, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeadLetteredAt);
}
