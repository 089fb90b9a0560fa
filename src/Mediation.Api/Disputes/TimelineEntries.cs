using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;

namespace Mediation.Api.Disputes;

/// <summary>
/// Timeline entries for what happens beside the workflow (signatures, recusals, session minutes, court answers,
/// anonymisation): the case's step and phase are the same before and after. Moves of the case are written by
/// <see cref="DisputeWorkflow"/> alone.
/// </summary>
internal static class TimelineEntries
{
    public static TimelineEntry Beside(Dispute dispute, Actor actor, string eventName, string? reason, DateTimeOffset at, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        ArgumentNullException.ThrowIfNull(actor);
        return new TimelineEntry
        {
            DisputeId = dispute.Id,
            At = at,
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            Event = eventName,
            Reason = reason,
            FromStep = dispute.StepId,
            FromPhase = dispute.Phase.ToString(),
            ToStep = dispute.StepId,
            ToPhase = dispute.Phase.ToString(),
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonColumn.Options),
        };
    }
}
