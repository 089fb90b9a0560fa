using System.Diagnostics.Metrics;

namespace Mediation.Api.Notifications;

/// <summary>
/// The dispatcher's counters in the <c>Mediation.Notifications</c> meter (OpenTelemetry picks it up with
/// <c>AddMeter(NotificationMetrics.MeterName)</c>): deliveries sent, failed attempts (by channel and
/// <c>kind</c> = transient|permanent) and dead letters. The backlog is a query: <see cref="OutboxStatistics"/>.
/// </summary>
internal sealed class NotificationMetrics : IDisposable
{
    public const string MeterName = "Mediation.Notifications";

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLetters;

    public NotificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _sent = _meter.CreateCounter<long>("mediation.notifications.sent", "{delivery}", "Deliveries the gateway accepted");
        _failures = _meter.CreateCounter<long>("mediation.notifications.gateway_failures", "{attempt}", "Failed send attempts (5xx, 4xx, timeouts, malformed replies)");
        _deadLetters = _meter.CreateCounter<long>("mediation.notifications.dead_lettered", "{delivery}", "Deliveries given up and put on the dead-letter list");
    }

    public void Sent(string channel) => _sent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Failed(string channel, SendResultKind kind) =>
        _failures.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("kind", kind == SendResultKind.Permanent ? "permanent" : "transient"));

    public void DeadLettered(string channel) => _deadLetters.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Dispose() => _meter.Dispose();
}
