using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Notifications;

/// <summary>
/// Turns one outbox message into its deliveries: the recipients of its audience (parties' phones; the mediator's and
/// the organisation's staff phones; the hotline work order), each with the text rendered from the template as it
/// stands now. The deliveries and the message's <see cref="OutboxMessage.SentAt"/> (here: handed to the dispatcher)
/// are saved together, so a message is expanded once.
/// </summary>
internal sealed class OutboxExpander(MediationDbContext db)
{
    /// <summary>The audience of hotline callbacks (not a <see cref="Participant"/>: the 12345 system, not a person).</summary>
    public const string HotlineAudience = "Hotline";

    public async Task<List<NotificationDelivery>> ExpandAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dispute = await db.Disputes.AsNoTracking()
            .Include(d => d.Parties)
            .Include(d => d.Organisation)
            .Include(d => d.Mediator)
            .FirstAsync(d => d.Id == message.DisputeId, cancellationToken);
        var values = await ValuesAsync(dispute, message, cancellationToken);
        var text = NotificationTexts.Render(await TemplateTextAsync(message.Template, cancellationToken), values);

        var deliveries = new List<NotificationDelivery>();
        if (message.Audience == HotlineAudience)
        {
            if (values["orderNumber"] is { } orderNumber)
            {
                var payload = JsonSerializer.Serialize(new HotlineCallbackPayload(
                    orderNumber, EventOf(message.Template), dispute.Reference, dispute.StepId, dispute.Phase.ToString(), dispute.Organisation?.Name,
                    message.CreatedAt, text), JsonColumn.Options);
                deliveries.Add(New(message, DeliveryChannels.Hotline, orderNumber, "hotline", payload, now));
            }
        }
        else
        {
            foreach (var (phone, role) in await RecipientsAsync(dispute, message.Audience, cancellationToken))
            {
                deliveries.Add(New(message, DeliveryChannels.Sms, phone, role, text, now));
            }
        }

        return deliveries;
    }

    /// <summary>The text administrators set for <paramref name="key"/>, else the shipped default, else the key itself (an unknown template is still sent, visibly).</summary>
    public async Task<string> TemplateTextAsync(string key, CancellationToken cancellationToken) =>
        await db.NotificationTemplates.AsNoTracking().Where(t => t.Key == key).Select(t => t.Text).FirstOrDefaultAsync(cancellationToken)
            ?? NotificationTexts.Defaults.GetValueOrDefault(key)
            ?? "【纠纷调解】纠纷{reference}有新进展（" + key + "）。";

    /// <summary>The callback's event name from its template: <c>hotline.accepted</c> → <c>accepted</c>.</summary>
    public static string EventOf(string template) => template.StartsWith("hotline.", StringComparison.Ordinal) ? template["hotline.".Length..] : template;

    private static NotificationDelivery New(OutboxMessage message, string channel, string recipient, string role, string body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        OutboxMessageId = message.Id,
        DisputeId = message.DisputeId,
        Channel = channel,
        Recipient = recipient,
        RecipientRole = role,
        Template = message.Template,
        Body = body,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private async Task<Dictionary<string, string?>> ValuesAsync(Dispute dispute, OutboxMessage message, CancellationToken cancellationToken)
    {
        DateTimeOffset? deadline = dispute.NextDeadlineAt;
        if (message.DeadlineId is { } deadlineId)
        {
            deadline = await db.Deadlines.AsNoTracking()
                .Where(d => d.DisputeId == dispute.Id && d.DeadlineId == deadlineId)
                .Select(d => (DateTimeOffset?)d.DueAt)
                .FirstOrDefaultAsync(cancellationToken) ?? deadline;
        }

        var remedies = await db.Outcomes.AsNoTracking()
            .Where(o => o.DisputeId == dispute.Id)
            .OrderByDescending(o => o.CreatedAt)
            .Select(o => o.Remedies)
            .FirstOrDefaultAsync(cancellationToken);
        var orderNumber = await db.HotlineWorkOrders.AsNoTracking()
            .Where(o => o.DisputeId == dispute.Id)
            .Select(o => o.OrderNumber)
            .FirstOrDefaultAsync(cancellationToken);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["reference"] = dispute.Reference,
            ["organisation"] = dispute.Organisation?.Name,
            ["mediator"] = dispute.Mediator?.Name,
            ["deadline"] = deadline is { } due ? NotificationTexts.FormatDeadline(due) : null,
            ["remedies"] = remedies is { Count: > 0 } ? NotificationTexts.FormatRemedies(remedies) : null,
            ["orderNumber"] = orderNumber,
        };
    }

    /// <summary>Phone numbers of the audience, each once (the first role it was found in).</summary>
    private async Task<List<(string Phone, string Role)>> RecipientsAsync(Dispute dispute, string audience, CancellationToken cancellationToken)
    {
        var found = new List<(string? Phone, string Role)>();
        if (!Enum.TryParse<Participant>(audience, out var participant))
        {
            return [];
        }

        switch (participant)
        {
            case Participant.Applicant or Participant.Respondent or Participant.AllParties:
                found.AddRange(dispute.Parties
                    .Where(p => participant == Participant.AllParties || (participant == Participant.Applicant) == (p.Role == PartyRole.Applicant))
                    .OrderBy(p => p.Role)
                    .Select(p => (p.Phone, p.Role == PartyRole.Applicant ? "applicant" : "respondent")));
                break;

            case Participant.Mediator when dispute.Mediator is { } mediator:
                var phone = await db.Users.AsNoTracking().Where(u => u.Id == mediator.UserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(cancellationToken);
                found.Add((phone, "mediator"));
                break;

            case Participant.Organisation when dispute.OrganisationId is { } organisationId:
                // The organisation's active mediators and its administrators.
                var staff = await db.Mediators.AsNoTracking().Where(m => m.OrganisationId == organisationId && m.Active).Select(m => m.UserId).ToListAsync(cancellationToken);
                var phones = await db.Users.AsNoTracking()
                    .Where(u => (staff.Contains(u.Id) || u.OrganisationId == organisationId) && u.PhoneNumber != null)
                    .OrderBy(u => u.UserName)
                    .Select(u => u.PhoneNumber)
                    .ToListAsync(cancellationToken);
                found.AddRange(phones.Select(p => (p, "organisation")));
                break;
        }

        return [.. found
            .Where(r => !string.IsNullOrWhiteSpace(r.Phone))
            .Select(r => (Phone: r.Phone!.Trim(), r.Role))
            .DistinctBy(r => r.Phone, StringComparer.Ordinal)];
    }
}

/// <summary>The JSON a hotline callback carries (its <c>messageId</c> is added when it is sent).</summary>
/// <param name="OrderNumber">The 12345 work order.</param>
/// <param name="Event">received, accepted, tierChanged or closed.</param>
/// <param name="Reference">The dispute's reference.</param>
/// <param name="Step">The workflow step the case is in.</param>
/// <param name="Phase">Its phase.</param>
/// <param name="Organisation">The organisation handling it.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Message">The reply text (zh-CN) from the template.</param>
internal sealed record HotlineCallbackPayload(
    string OrderNumber, string Event, string Reference, string Step, string Phase, string? Organisation, DateTimeOffset OccurredAt, string Message);
