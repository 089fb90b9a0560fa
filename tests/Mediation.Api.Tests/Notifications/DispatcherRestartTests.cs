using Mediation.Api.Data.Entities;
using Mediation.Api.Tests.Timers;

namespace Mediation.Api.Tests.Notifications;

/// <summary>The hosted dispatcher stopped while the gateway is still answering, and a new host on the same database.</summary>
public sealed class DispatcherRestartTests : IDisposable
{
    private readonly HttpStandIn _gateway = new() { Mode = StandInMode.Slow, SlowDelay = TimeSpan.FromSeconds(20) };

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task HostStoppedMidSend_NextHostSendsTheSameIdAgain_EveryMessageDeliveredOnce()
    {
        var timeout = new Dictionary<string, string?> { ["Notifications:Sms:Timeout"] = "00:01:00" };
        var first = new MessagingHost(_gateway, backgroundDispatcher: true, settings: timeout) { KeepDataFolder = true };
        Guid disputeId;
        NotificationDelivery interrupted;
        try
        {
            disputeId = await first.FileAsync();

            // The dispatcher has handed one delivery to the gateway, which is still "thinking".
            Assert.True(await Eventually.HoldsAsync(
                async () => (await first.DeliveriesAsync(disputeId)).Any(d => d.Status == DeliveryStatus.Sending) && _gateway.Received.Count == 1,
                TimeSpan.FromSeconds(15)), "no delivery reached the gateway");
            interrupted = (await first.DeliveriesAsync(disputeId)).Single(d => d.Status == DeliveryStatus.Sending);
        }
        finally
        {
            // The host goes away mid-send: the answer is never recorded.
            first.Dispose();
        }

        Assert.Equal(interrupted.Id.ToString("N"), _gateway.Received.Single().MessageId);
        _gateway.Mode = StandInMode.Ok;

        using var second = new MessagingHost(_gateway, backgroundDispatcher: true, settings: timeout) { DataFolder = first.DataFolder };
        var stillSending = (await second.DeliveriesAsync(disputeId)).Single(d => d.Id == interrupted.Id);
        Assert.True(stillSending.Status is DeliveryStatus.Sending or DeliveryStatus.Sent, stillSending.Status.ToString());
        Assert.True(await Eventually.HoldsAsync(
            async () => (await second.DeliveriesAsync(disputeId)).All(d => d.Status == DeliveryStatus.Sent),
            TimeSpan.FromSeconds(15)), "not everything was sent after the restart");

        var deliveries = await second.DeliveriesAsync(disputeId);
        var ids = deliveries.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal).ToList();

        // Each message id reached the gateway; only the interrupted one twice (the gateway deduplicates by id), and
        // each was answered as delivered once.
        Assert.Equal(ids, _gateway.Received.Select(r => r.MessageId!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ids, _gateway.Delivered.Order(StringComparer.Ordinal));
        Assert.Equal(2, _gateway.Received.Count(r => r.MessageId == interrupted.Id.ToString("N")));
        Assert.Equal(ids.Count + 1, _gateway.Received.Count);
        Assert.Equal(2, deliveries.Single(d => d.Id == interrupted.Id).Attempts);
        Assert.All(deliveries.Where(d => d.Id != interrupted.Id), d => Assert.Equal(1, d.Attempts));
    }
}
