using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Notifications;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Hotline;

/// <summary>
/// The replies a hotline case owes the 12345 system, written to the outbox in the same transaction as the decision
/// that causes them (so an outage of the hotline system delays them but loses none): <c>received</c> when the work
/// order becomes a case and is routed, <c>accepted</c> when a mediator takes it up, <c>tierChanged</c> when it is
/// escalated or moved to another tier or body, <c>reassigned</c> when it goes to another organisation of the same tier
/// (a missed take-up at the last tier), <c>closed</c> when it closes (agreement performed, terminated, withdrawn,
/// refused).
/// </summary>
internal static class HotlineCallbacks
{
    /// <summary>Adds the callbacks <paramref name="decision"/> calls for, if the dispute came from the hotline.</summary>
    public static void Queue(MediationDbContext db, Dispute dispute, Decision decision, WorkflowEvent? evt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dispute);
        ArgumentNullException.ThrowIfNull(decision);
        if (dispute.Channel != Channels.Hotline)
        {
            return;
        }

        foreach (var template in TemplatesFor(decision, evt))
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                DisputeId = dispute.Id,
                Audience = OutboxExpander.HotlineAudience,
                Template = template,
                CreatedAt = now,
            });
        }
    }

    /// <summary>The callback templates for a decision (<paramref name="evt"/> is null when the case is filed).</summary>
    public static IEnumerable<string> TemplatesFor(Decision decision, WorkflowEvent? evt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (evt is null && !decision.State.IsClosed && decision.Effects.OfType<AssignEffect>().Any())
        {
            yield return NotificationTexts.HotlineReceived;
        }

        if (evt?.Type == WorkflowEventType.TakenUp)
        {
            yield return NotificationTexts.HotlineAccepted;
        }

        if (evt is not null && decision.Effects.OfType<AssignEffect>().Any(a => a.Reason is AssignmentReason.Escalated or AssignmentReason.Moved))
        {
            yield return NotificationTexts.HotlineTierChanged;
        }

        if (evt is not null && decision.Effects.OfType<AssignEffect>().Any(a => a.Reason == AssignmentReason.Reassigned))
        {
            yield return NotificationTexts.HotlineReassigned;
        }

        if (decision.State.IsClosed && decision.FromPhase != CasePhase.Closed)
        {
            yield return NotificationTexts.HotlineClosed;
        }
    }
}
