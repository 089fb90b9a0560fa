using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Notifications;

/// <summary>The outbox backlog, for health checks, metrics and the administrators' view.</summary>
/// <param name="UnexpandedMessages">Outbox messages the dispatcher has not yet turned into deliveries.</param>
/// <param name="PendingDeliveries">Deliveries waiting to be sent (including those held by back-off or the rate limit).</param>
/// <param name="SendingDeliveries">Deliveries handed to a gateway whose answer is not recorded (normally 0 between rounds; after a crash, re-sent with the same id).</param>
/// <param name="DeadLetters">Deliveries given up.</param>
/// <param name="OldestPendingSince">When the oldest unsent message or delivery was created, if any.</param>
public sealed record OutboxStatistics(int UnexpandedMessages, int PendingDeliveries, int SendingDeliveries, int DeadLetters, DateTimeOffset? OldestPendingSince)
{
    /// <summary>Everything not yet delivered and not given up.</summary>
    public int Backlog => UnexpandedMessages + PendingDeliveries + SendingDeliveries;

    internal static async Task<OutboxStatistics> QueryAsync(MediationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unexpanded = db.Outbox.AsNoTracking().Where(o => o.SentAt == null);
        var byStatus = await db.Deliveries.AsNoTracking().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(DeliveryStatus status) => byStatus.FirstOrDefault(s => s.Key == status)?.Count ?? 0;
        var oldestMessage = await unexpanded.OrderBy(o => o.CreatedAt).Select(o => (DateTimeOffset?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var oldestDelivery = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending)
            .OrderBy(d => d.CreatedAt)
            .Select(d => (DateTimeOffset?)d.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        DateTimeOffset? oldest = oldestMessage is null ? oldestDelivery : oldestDelivery is null ? oldestMessage : oldestMessage < oldestDelivery ? oldestMessage : oldestDelivery;
        return new OutboxStatistics(
            await unexpanded.CountAsync(cancellationToken), Count(DeliveryStatus.Pending), Count(DeliveryStatus.Sending), Count(DeliveryStatus.DeadLetter), oldest);
    }
}
