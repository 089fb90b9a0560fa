using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Hotline;
using Mediation.Api.Tests.Notifications;

namespace Mediation.Api.Tests.Hotline;

/// <summary>Replies to the 12345 system through the outbox: received, accepted, tier changed, closed; signed; outage-proof.</summary>
public sealed class HotlineCallbackTests : IDisposable
{
    private readonly HttpStandIn _sms = new();
    private readonly HttpStandIn _hotline = new();

    public void Dispose()
    {
        _sms.Dispose();
        _hotline.Dispose();
    }

    [Fact]
    public async Task HotlineCase_AcceptedEscalatedClosed_CallsBackEachTime_Signed()
    {
        using var host = new MessagingHost(_sms, _hotline);
        var id = await FileWorkOrderAsync(host, "WO-CB-1");
        await host.RoundAsync();

        await host.ActAsync(MessagingHost.VillageMediator, id, "take-up");
        await host.RoundAsync();
        await host.ActAsync(MessagingHost.VillageMediator, id, "escalate", new { reason = "调解不成，申请上级调解" });
        await host.RoundAsync();
        await host.ActAsync("admin", id, "withdraw", new { reason = "来电人撤回" });
        await host.RoundAsync();

        var events = _hotline.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("event").GetString()).ToList();
        Assert.Equal(["received", "accepted", "tierChanged", "closed"], events);
        Assert.All(_hotline.Received, r => Assert.Equal("/hotline/work-orders/WO-CB-1/replies", r.Path));
        Assert.All(_hotline.Received, r =>
        {
            var timestamp = long.Parse(r.Headers[HotlineSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HotlineSignature.HeaderValue(MessagingHost.HotlineSecret, timestamp, Encoding.UTF8.GetBytes(r.Body)), r.Headers[HotlineSignature.SignatureHeader]);
        });
        var accepted = JsonDocument.Parse(_hotline.Received[1].Body).RootElement;
        Assert.Equal("WO-CB-1", accepted.GetProperty("orderNumber").GetString());
        Assert.Contains("WO-CB-1", accepted.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("新华第1社区", accepted.GetProperty("message").GetString(), StringComparison.Ordinal);
        var deliveries = (await host.DeliveriesAsync(id)).Where(d => d.Channel == "hotline").ToList();
        Assert.Equal(deliveries.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal), _hotline.Received.Select(r => r.MessageId!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OnlineCase_NoHotlineCallbacks()
    {
        using var host = new MessagingHost(_sms, _hotline);
        var id = await host.FileAsync();
        await host.ActAsync(MessagingHost.VillageMediator, id, "take-up");
        await host.RoundAsync();

        Assert.Empty(_hotline.Received);
        Assert.DoesNotContain(await host.DeliveriesAsync(id), d => d.Channel == "hotline");
    }

    [Fact]
    public async Task HotlineOutage_CallbacksWaitAndAreAllDeliveredOnce()
    {
        _hotline.SlowDelay = TimeSpan.FromSeconds(4);
        using var host = new MessagingHost(_sms, _hotline, settings: new Dictionary<string, string?> { ["Hotline:Timeout"] = "00:00:01" });
        _hotline.Mode = StandInMode.ServerError;
        var id = await FileWorkOrderAsync(host, "WO-OUTAGE-1");
        await host.RoundAsync();
        await host.ActAsync(MessagingHost.VillageMediator, id, "take-up");
        await host.RoundAsync();
        _hotline.Mode = StandInMode.Slow;
        host.Advance(TimeSpan.FromMinutes(10));
        await host.RoundAsync();
        _hotline.Mode = StandInMode.Malformed;
        host.Advance(TimeSpan.FromMinutes(10));
        await host.RoundAsync();
        Assert.Empty(_hotline.Delivered);
        Assert.All((await host.DeliveriesAsync(id)).Where(d => d.Channel == "hotline"), d => Assert.Equal(DeliveryStatus.Pending, d.Status));

        _hotline.Mode = StandInMode.Ok;
        for (var round = 0; round < 3 && (await host.DeliveriesAsync(id)).Any(d => d.Channel == "hotline" && d.Status != DeliveryStatus.Sent); round++)
        {
            host.Advance(TimeSpan.FromMinutes(10));
            await host.RoundAsync();
        }

        var callbacks = (await host.DeliveriesAsync(id)).Where(d => d.Channel == "hotline").ToList();
        Assert.Equal(2, callbacks.Count);
        Assert.All(callbacks, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(callbacks.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal), _hotline.Delivered.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(callbacks.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal), _hotline.Received.Select(r => r.MessageId!).Distinct().Order(StringComparer.Ordinal));
        var delivered = _hotline.Received.Where(r => r.AnsweredWith == StandInMode.Ok)
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("event").GetString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["accepted", "received"], delivered);
    }

    [Fact]
    public async Task HotlineDown_CallbacksDeadLetterAfterTheirOwnMaxAttempts_SmsKeepsItsOwn()
    {
        using var host = new MessagingHost(_sms, _hotline, settings: new Dictionary<string, string?>
        {
            ["Hotline:MaxAttempts"] = "2",
            ["Notifications:MaxAttempts"] = "6",
        });
        _hotline.Mode = StandInMode.ServerError;
        _sms.Mode = StandInMode.ServerError;
        var id = await FileWorkOrderAsync(host, "WO-DEAD-1");

        for (var i = 0; i < 3; i++)
        {
            await host.RoundAsync();
            host.Advance(TimeSpan.FromMinutes(10));
        }

        var deliveries = await host.DeliveriesAsync(id);
        var callback = Assert.Single(deliveries, d => d.Channel == "hotline");
        Assert.Equal(DeliveryStatus.DeadLetter, callback.Status);
        Assert.Equal(2, callback.Attempts);
        Assert.All(deliveries.Where(d => d.Channel == "sms"), d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.All(deliveries.Where(d => d.Channel == "sms"), d => Assert.Equal(3, d.Attempts));
    }

    private static async Task<Guid> FileWorkOrderAsync(MessagingHost host, string orderNumber)
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(host.SignedWorkOrder(MessagingHost.WorkOrder(orderNumber)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("disputeId").GetGuid();
    }
}
