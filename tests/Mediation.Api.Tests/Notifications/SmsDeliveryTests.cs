using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Notifications;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Tests.Notifications;

/// <summary>SMS through the outbox to a WireMock gateway: ids, retries, dead letters, re-send, rate limit.</summary>
public sealed class SmsDeliveryTests : IDisposable
{
    private readonly HttpStandIn _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task FiledCase_TextsPartiesAndStaff_OncePerRecipient_WithTheDeliveryIdAsMessageId()
    {
        using var host = new MessagingHost(_gateway);
        await host.SetPhoneAsync(MessagingHost.VillageMediator, MessagingHost.VillageMediatorPhone);

        var id = await host.FileAsync();
        var round = await host.RoundAsync();

        var deliveries = await host.DeliveriesAsync(id);
        Assert.True(round.Expanded >= 2, $"expanded {round.Expanded}");
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(
            ["13700001111", "13812345678", "13987654321"],
            deliveries.Select(d => d.Recipient).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(deliveries.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal), _gateway.Received.Select(r => r.MessageId!).Order(StringComparer.Ordinal));

        var toApplicant = _gateway.Received.Single(r => r.Body.Contains("13812345678", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(toApplicant.Body);
        var reference = await host.DbAsync(db => Task.FromResult(db.Disputes.Single(d => d.Id == id).Reference));
        Assert.Contains(reference, json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("新华第1社区", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer " + MessagingHost.SmsSecret, toApplicant.Headers["Authorization"]);
        Assert.Equal("/sms/messages", toApplicant.Path);

        // A second round finds nothing to do: nothing is sent twice.
        var again = await host.RoundAsync();
        Assert.Equal(0, again.Due);
        Assert.Equal(deliveries.Count, _gateway.Received.Count);
    }

    [Fact]
    public async Task GatewayOutage_5xxBurstTimeoutsMalformedReplies_EveryMessageDeliveredOnceAfterRecovery()
    {
        _gateway.SlowDelay = TimeSpan.FromSeconds(4);
        using var host = new MessagingHost(_gateway, settings: new Dictionary<string, string?> { ["Notifications:Sms:Timeout"] = "00:00:01" });
        var id = await host.FileAsync();
        await host.QueueAsync(id, nameof(Participant.AllParties), NotificationTemplates.DeadlineReminder, count: 2);

        // 5xx burst, then slow replies past the client's timeout, then a malformed 200: each a failed attempt.
        foreach (var mode in new[] { StandInMode.ServerError, StandInMode.ServerError, StandInMode.Slow, StandInMode.Malformed })
        {
            _gateway.Mode = mode;
            var failed = await host.RoundAsync();
            Assert.True(failed.Failed > 0 && failed.Sent == 0, $"{mode}: {failed}");
            var pending = await host.DeliveriesAsync(id);
            Assert.All(pending, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
            Assert.All(pending, d => Assert.True(d.NextAttemptAt > host.Time.GetUtcNow(), "a retry waits for its back-off"));

            // Nothing is retried before its back-off has passed.
            var early = await host.RoundAsync();
            Assert.Equal(0, early.Due);
            host.Advance(TimeSpan.FromMinutes(10));
        }

        _gateway.Mode = StandInMode.Ok;
        for (var round = 0; round < 3 && (await host.DeliveriesAsync(id)).Any(d => d.Status != DeliveryStatus.Sent); round++)
        {
            await host.RoundAsync();
            host.Advance(TimeSpan.FromMinutes(10));
        }

        var deliveries = await host.DeliveriesAsync(id);
        Assert.Equal(6, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(deliveries, d => Assert.True(d.Attempts >= 5, $"{d.Attempts} attempts"));
        var ids = deliveries.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal).ToList();

        // Every message reached the gateway as delivered, and every attempt of a message carried its one id: the
        // gateway saw exactly one id per message, never a second text under a new id.
        Assert.Equal(ids, _gateway.Delivered.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ids, _gateway.Received.Select(r => r.MessageId!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(_gateway.Received.GroupBy(r => r.MessageId), g => Assert.True(g.Count() >= 5));
        Assert.Equal(deliveries.Count, _gateway.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("to").GetString() + "|" + r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task GatewayRejects4xx_DeadLetteredWithoutRetry_AdministratorResendsWithTheSameId()
    {
        using var host = new MessagingHost(_gateway);
        var id = await host.FileAsync();
        _gateway.Mode = StandInMode.BadRequest;

        await host.RoundAsync();
        host.Advance(TimeSpan.FromHours(2));
        var later = await host.RoundAsync();

        var deliveries = await host.DeliveriesAsync(id);
        Assert.True(later.Due == 0, string.Join("; ", deliveries.Select(d => $"{d.Recipient} {d.Template} {d.Status} {d.Attempts} {d.LastError}")) + " " + later);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.DeadLetter, d.Status));
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(deliveries.Count, _gateway.Received.Count);

        using var admin = await host.CreateClientForAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/dead-letters");
        Assert.Equal(deliveries.Count, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("recipientRole").GetString() == "applicant");
        Assert.Equal("138****5678", item.GetProperty("recipient").GetString());
        Assert.Equal("HTTP 400", item.GetProperty("lastError").GetString());
        Assert.DoesNotContain("13812345678", list.ToString(), StringComparison.Ordinal);

        var deliveryId = item.GetProperty("id").GetGuid();
        _gateway.Mode = StandInMode.Ok;
        using var resend = await admin.PostAsync(new Uri($"/api/notifications/dead-letters/{deliveryId}/resend", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        using var again = await admin.PostAsync(new Uri($"/api/notifications/dead-letters/{deliveryId}/resend", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var round = await host.RoundAsync();

        Assert.Equal(1, round.Sent);
        var resent = (await host.DeliveriesAsync(id)).Single(d => d.Id == deliveryId);
        Assert.Equal(DeliveryStatus.Sent, resent.Status);
        Assert.Equal([deliveryId.ToString("N")], _gateway.Delivered);
        Assert.Equal(2, _gateway.Received.Count(r => r.MessageId == deliveryId.ToString("N")));
    }

    [Fact]
    public async Task GatewayKeepsFailing_DeadLetteredAfterMaxAttempts()
    {
        using var host = new MessagingHost(_gateway, settings: new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "3" });
        var id = await host.FileAsync();
        _gateway.Mode = StandInMode.ServerError;

        for (var i = 0; i < 5; i++)
        {
            await host.RoundAsync();
            host.Advance(TimeSpan.FromMinutes(10));
        }

        var deliveries = await host.DeliveriesAsync(id);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.DeadLetter, d.Status));
        Assert.All(deliveries, d => Assert.Equal(3, d.Attempts));
        Assert.All(deliveries, d => Assert.Equal("HTTP 503", d.LastError));
        Assert.Equal(deliveries.Count * 3, _gateway.Received.Count);

        using var admin = await host.CreateClientForAsync("admin");
        var statistics = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/statistics");
        Assert.Equal(deliveries.Count, statistics.GetProperty("deadLetters").GetInt32());
        Assert.Equal(0, statistics.GetProperty("backlog").GetInt32());
    }

    [Fact]
    public async Task RateLimit_TextsOverTheLimitWaitForTheWindow_NoneDropped()
    {
        using var host = new MessagingHost(_gateway, settings: new Dictionary<string, string?>
        {
            ["Notifications:RateLimit:PerNumber"] = "2",
            ["Notifications:RateLimit:Window"] = "01:00:00",
        });
        var id = await host.FileAsync(applicantPhone: "13811112222", respondentPhone: "13933334444");
        await host.RoundAsync();
        var afterFiling = _gateway.Received.Count(r => r.Body.Contains("13811112222", StringComparison.Ordinal));
        Assert.Equal(1, afterFiling);

        // Three more texts to the applicant within the hour: one fits, two wait.
        await host.QueueAsync(id, nameof(Participant.Applicant), NotificationTemplates.DeadlineReminder, count: 3);
        var start = host.Time.GetUtcNow();
        var round = await host.RoundAsync();

        Assert.Equal(1, round.Sent);
        Assert.Equal(2, round.Delayed);
        var waiting = (await host.DeliveriesAsync(id)).Where(d => d.Status == DeliveryStatus.Pending).ToList();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, d => Assert.Equal("13811112222", d.Recipient));
        Assert.All(waiting, d => Assert.Equal(start.AddHours(1), d.NextAttemptAt));
        Assert.Equal(2, _gateway.Received.Count(r => r.Body.Contains("13811112222", StringComparison.Ordinal)));

        host.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await host.RoundAsync()).Sent);

        host.Advance(TimeSpan.FromMinutes(1));
        var next = await host.RoundAsync();

        Assert.Equal(2, next.Sent);
        Assert.All(await host.DeliveriesAsync(id), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var toApplicant = _gateway.Received.Where(r => r.Body.Contains("13811112222", StringComparison.Ordinal)).Select(r => r.MessageId).ToList();
        Assert.Equal(4, toApplicant.Count);
        Assert.Equal(4, toApplicant.Distinct().Count());
    }

    [Fact]
    public async Task Logs_NeverHoldSecretsOrFullPhoneNumbers_ThroughFailuresAndDeadLetters()
    {
        using var host = new MessagingHost(_gateway, settings: new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "2" });
        _gateway.Mode = StandInMode.ServerError;
        var id = await host.FileAsync(applicantPhone: "13855556666");
        await host.RoundAsync();
        host.Advance(TimeSpan.FromMinutes(10));
        _gateway.Mode = StandInMode.BadRequest;
        await host.RoundAsync();

        Assert.All(await host.DeliveriesAsync(id), d => Assert.Equal(DeliveryStatus.DeadLetter, d.Status));
        var logs = string.Join("\n", host.Logs.Lines);
        Assert.Contains("dead-lettered", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(MessagingHost.SmsSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(MessagingHost.HotlineSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("13855556666", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandIn_LogsTheTextWithTheNumberMasked_AndSendsNothing()
    {
        using var host = new MessagingHost(_gateway, settings: new Dictionary<string, string?> { ["Notifications:Sms:Mode"] = "Log" });
        var id = await host.FileAsync(applicantPhone: "13855556666");

        await host.RoundAsync();

        Assert.All(await host.DeliveriesAsync(id), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Empty(_gateway.Received);
        var logs = string.Join("\n", host.Logs.Lines);
        Assert.Contains("SMS stand-in", logs, StringComparison.Ordinal);
        Assert.Contains("138****6666", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("13855556666", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryTheChannelCannotHandle_IsRetriedLater_AndDoesNotStallTheOthers()
    {
        using var host = new MessagingHost(_gateway);
        var id = await host.FileAsync();
        await host.RoundAsync();
        var broken = await host.DbAsync(async db =>
        {
            var message = new OutboxMessage { Id = Guid.NewGuid(), DisputeId = id, Audience = "Hotline", Template = "hotline.accepted", CreatedAt = host.Time.GetUtcNow(), SentAt = host.Time.GetUtcNow() };
            var delivery = new NotificationDelivery
            {
                Id = Guid.NewGuid(), OutboxMessageId = message.Id, DisputeId = id, Channel = "hotline", Recipient = "WO-BROKEN", RecipientRole = "hotline",
                Template = message.Template, Body = "not json", Status = DeliveryStatus.Sending, NextAttemptAt = host.Time.GetUtcNow(), CreatedAt = host.Time.GetUtcNow(),
            };
            db.Outbox.Add(message);
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
            return delivery.Id;
        });
        await host.QueueAsync(id, nameof(Participant.Applicant), NotificationTemplates.DeadlineReminder);

        var round = await host.RoundAsync();

        Assert.Equal(1, round.Sent);
        Assert.Equal(1, round.Failed);
        var stuck = (await host.DeliveriesAsync(id)).Single(d => d.Id == broken);
        Assert.Equal(DeliveryStatus.Pending, stuck.Status);
        Assert.NotNull(stuck.LastError);
        Assert.True(stuck.NextAttemptAt > host.Time.GetUtcNow());
    }

    [Fact]
    public async Task SlowGateway_WithinTheTimeout_DeliversEachMessageOnce()
    {
        _gateway.Mode = StandInMode.Slow;
        _gateway.SlowDelay = TimeSpan.FromSeconds(1);
        using var host = new MessagingHost(_gateway);
        var id = await host.FileAsync();

        var round = await host.RoundAsync();

        var deliveries = await host.DeliveriesAsync(id);
        Assert.Equal(deliveries.Count, round.Sent);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        Assert.Equal(deliveries.Select(d => d.Id.ToString("N")).Order(StringComparer.Ordinal), _gateway.Received.Select(r => r.MessageId!).Order(StringComparer.Ordinal));
    }
}
