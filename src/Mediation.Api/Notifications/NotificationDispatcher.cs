using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Hotline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Notifications;

/// <summary>
/// Sends what the outbox holds. Each round first expands pending outbox messages into deliveries
/// (<see cref="OutboxExpander"/>), then sends the deliveries that are due: marked <see cref="DeliveryStatus.Sending"/>
/// and committed before the gateway is called, recorded after. A crash in between leaves the delivery "sending"; the
/// next round (after a restart) sends it again with the same id, which the gateway recognises. Transient failures
/// (5xx, 408, 429, timeouts, malformed replies) are retried with exponential back-off and jitter up to
/// <see cref="NotificationOptions.MaxAttempts"/> (SMS) or <see cref="HotlineOptions.MaxAttempts"/> (callbacks); other 4xx answers and the last failed attempt dead-letter the
/// delivery. SMS to a number that had <see cref="RateLimitOptions.PerNumber"/> texts in the window wait for the window
/// to pass. One round runs at a time.
/// </summary>
internal sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IOptions<HotlineOptions> hotlineOptions,
    NotificationMetrics metrics,
    ILogger<NotificationDispatcher> logger) : IDisposable
{
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>One round: expand, then send what is due. Returns what it did.</summary>
    public async Task<DispatchRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            var expanded = await ExpandAsync(cancellationToken);
            var round = await SendDueAsync(cancellationToken);
            return round with { Expanded = expanded };
        }
        finally
        {
            _round.Release();
        }
    }

    public void Dispose() => _round.Dispose();

    private async Task<int> ExpandAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var expander = new OutboxExpander(db);
        var messages = await db.Outbox.Where(o => o.SentAt == null).OrderBy(o => o.CreatedAt).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
        var expanded = 0;
        foreach (var message in messages)
        {
            try
            {
                if (db.Entry(message).State == EntityState.Detached)
                {
                    db.Outbox.Attach(message);
                }

                var now = clock.GetUtcNow();
                db.Deliveries.AddRange(await expander.ExpandAsync(message, now, cancellationToken));
                message.SentAt = now;
                await db.SaveChangesAsync(cancellationToken);
                expanded++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Left unexpanded for the next round; the others go on.
                LogExpandFailed(exception, message.Id, message.Template);
                db.ChangeTracker.Clear();
            }
        }

        return expanded;
    }

    private async Task<DispatchRound> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
        var hotline = scope.ServiceProvider.GetRequiredService<IHotlineCallbackClient>();
        var start = clock.GetUtcNow();

        // "Sending" at the start of a round can only be a send a crash interrupted: it goes again, first.
        var due = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sending || (d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= start))
            .OrderByDescending(d => d.Status == DeliveryStatus.Sending)
            .ThenBy(d => d.NextAttemptAt)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        var round = new DispatchRound(0, 0, 0, 0, due.Count);
        foreach (var delivery in due)
        {
            try
            {
                if (delivery.Status == DeliveryStatus.Pending && delivery.Channel == DeliveryChannels.Sms
                    && await RateLimitedUntilAsync(db, delivery, settings.RateLimit, cancellationToken) is { } until)
                {
                    delivery.NextAttemptAt = until;
                    delivery.Version++;
                    await db.SaveChangesAsync(cancellationToken);
                    round = round with { Delayed = round.Delayed + 1 };
                    continue;
                }

                delivery.Status = DeliveryStatus.Sending;
                delivery.Attempts++;
                delivery.Version++;
                await db.SaveChangesAsync(cancellationToken);

                var result = await SendAsync(delivery, sms, hotline, cancellationToken);
                Record(delivery, result, settings);
                delivery.Version++;
                await db.SaveChangesAsync(cancellationToken);
                round = result.Kind == SendResultKind.Delivered ? round with { Sent = round.Sent + 1 } : round with { Failed = round.Failed + 1 };
            }
            catch (DbUpdateConcurrencyException)
            {
                // An administrator changed it meanwhile; the next round sees the new state.
                db.Entry(delivery).State = EntityState.Detached;
            }
        }

        return round;
    }

    /// <summary>One attempt; an unexpected failure of the channel itself counts as a transient one, so one bad delivery cannot stall the rest.</summary>
    private async Task<SendResult> SendAsync(NotificationDelivery delivery, ISmsGateway sms, IHotlineCallbackClient hotline, CancellationToken cancellationToken)
    {
        try
        {
            return delivery.Channel == DeliveryChannels.Hotline
                ? await hotline.SendAsync(delivery.Id.ToString("N"), delivery.Body, cancellationToken)
                : await sms.SendAsync(new SmsMessage(delivery.Id.ToString("N"), delivery.Recipient, delivery.Body), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(exception, delivery.Id, delivery.Channel);
            return SendResult.Transient(exception.GetType().Name);
        }
    }

    private void Record(NotificationDelivery delivery, SendResult result, NotificationOptions settings)
    {
        var now = clock.GetUtcNow();
        switch (result.Kind)
        {
            case SendResultKind.Delivered:
                delivery.Status = DeliveryStatus.Sent;
                delivery.SentAt = now;
                metrics.Sent(delivery.Channel);
                break;

            case SendResultKind.Transient when delivery.Attempts < MaxAttempts(delivery.Channel, settings):
                metrics.Failed(delivery.Channel, result.Kind);
                delivery.Status = DeliveryStatus.Pending;
                delivery.LastError = Truncate(result.Error);
                delivery.NextAttemptAt = now + Backoff(delivery.Attempts, settings);
                LogRetry(delivery.Id, delivery.Channel, delivery.Attempts, result.Error, delivery.NextAttemptAt);
                break;

            default:
                metrics.Failed(delivery.Channel, result.Kind);
                metrics.DeadLettered(delivery.Channel);
                delivery.Status = DeliveryStatus.DeadLetter;
                delivery.LastError = Truncate(result.Error);
                delivery.DeadLetteredAt = now;
                LogDeadLetter(delivery.Id, delivery.Channel, delivery.Attempts, result.Error);
                break;
        }
    }

    /// <summary>Attempts before a delivery is dead-lettered: <c>Hotline:MaxAttempts</c> for callbacks, <c>Notifications:MaxAttempts</c> for SMS.</summary>
    private int MaxAttempts(string channel, NotificationOptions settings) =>
        channel == DeliveryChannels.Hotline ? hotlineOptions.Value.MaxAttempts : settings.MaxAttempts;

    /// <summary>Exponential back-off with jitter: a random delay between half and all of base × 2^(attempt−1), capped at the maximum.</summary>
    public static TimeSpan Backoff(int attempt, NotificationOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponential = settings.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var capped = Math.Min(exponential, settings.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>When the number's window has room again, or null when it has room now.</summary>
    private async Task<DateTimeOffset?> RateLimitedUntilAsync(MediationDbContext db, NotificationDelivery delivery, RateLimitOptions limit, CancellationToken cancellationToken)
    {
        if (limit.PerNumber <= 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var windowStart = now - limit.Window;
        var sentInWindow = await db.Deliveries.AsNoTracking()
            .Where(d => d.Channel == delivery.Channel && d.Recipient == delivery.Recipient && d.SentAt != null && d.SentAt > windowStart)
            .OrderBy(d => d.SentAt)
            .Select(d => d.SentAt!.Value)
            .ToListAsync(cancellationToken);
        if (sentInWindow.Count < limit.PerNumber)
        {
            return null;
        }

        // Room again when the oldest texts that fill the window have left it.
        return sentInWindow[sentInWindow.Count - limit.PerNumber] + limit.Window;
    }

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Template}) could not be expanded; it is tried again next round")]
    private partial void LogExpandFailed(Exception exception, Guid messageId, string template);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Channel}): the channel failed unexpectedly")]
    private partial void LogSendFailed(Exception exception, Guid deliveryId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} ({Channel}) attempt {Attempt} failed: {Error}; retry at {NextAttemptAt:O}")]
    private partial void LogRetry(Guid deliveryId, string channel, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} ({Channel}) dead-lettered after {Attempts} attempt(s): {Error}")]
    private partial void LogDeadLetter(Guid deliveryId, string channel, int attempts, string? error);
}

/// <summary>What one round did.</summary>
/// <param name="Expanded">Outbox messages turned into deliveries.</param>
/// <param name="Sent">Deliveries the gateway accepted.</param>
/// <param name="Failed">Failed attempts (retried later or dead-lettered).</param>
/// <param name="Delayed">SMS held back by the per-number rate limit.</param>
/// <param name="Due">Deliveries that were due at the start of the round.</param>
internal sealed record DispatchRound(int Expanded, int Sent, int Failed, int Delayed, int Due);
