using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Operability;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Operability;

/// <summary>Health endpoints (live, ready with database, scheduler and outbox backlog) and the Prometheus metrics endpoint.</summary>
public sealed class OperabilityTests
{
    [Fact]
    public async Task Live_And_Ready_AnswerAnonymously_ReadyListsDatabaseSchedulerAndOutbox()
    {
        await using var host = new MediationApiFactory();
        using var client = host.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveBody = await live.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", liveBody.GetProperty("status").GetString());
        Assert.Empty(liveBody.GetProperty("checks").EnumerateObject());

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal(["database", "outbox", "quartz"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task OutboxBacklogAboveTheThreshold_ReadyIsDegraded_StillServing()
    {
        await using var host = new CaseLifeHost();
        host.Settings["Health:OutboxBacklogDegradedAbove"] = "3";
        var id = await host.FileAsync();
        var unsent = (await host.OutboxAsync(id)).Count(o => o.SentAt is null);
        await host.DbAsync(async db =>
        {
            for (var i = unsent; i <= 3; i++)
            {
                db.Outbox.Add(new OutboxMessage { Id = Guid.NewGuid(), DisputeId = id, Audience = "applicant", Template = "case.accepted", CreatedAt = host.Now });
            }

            db.Outbox.Add(new OutboxMessage { Id = Guid.NewGuid(), DisputeId = id, Audience = "applicant", Template = "case.accepted", CreatedAt = host.Now, SentAt = host.Now });
            return await db.SaveChangesAsync();
        });

        using var client = host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var outbox = body.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal(4, outbox.GetProperty("data").GetProperty("backlog").GetInt32());
    }

    [Fact]
    public async Task Metrics_ExposeCasesPerStep_Overdue_TimerLag_OutboxBacklog_GatewayFailures_AndTheNotificationsMeter()
    {
        await using var host = new CaseLifeHost();
        await host.FileAsync();
        await host.FileAsync();

        // Past the take-up deadline (3 days) without firing it: both cases are overdue and the timers lag.
        host.Time.SetUtcNow(host.Now.AddDays(5));
        var snapshot = await host.Services.GetRequiredService<OperationalMetricsCollector>().RefreshAsync(CancellationToken.None);
        Assert.Equal(2, snapshot.Overdue);
        Assert.True(snapshot.TimerLag > TimeSpan.FromDays(1), snapshot.TimerLag.ToString());
        Assert.Equal(2, Assert.Single(snapshot.OpenByStep).Count);
        host.Services.GetRequiredService<MediationMetrics>().CourtFailure("submit", "timeout");

        // The notifications helper's meter is observed by name.
        using var notifications = host.Services.GetRequiredService<IMeterFactory>().Create(MediationMetrics.NotificationsMeterName);
        notifications.CreateCounter<long>("mediation.notifications.gateway.failures").Add(1);

        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = text.Split('\n').Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains(lines, l => l.StartsWith("mediation_cases_open", StringComparison.Ordinal)
            && l.Contains("step=\"village\"", StringComparison.Ordinal) && l.Contains("workflow=\"general-civil\"", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("mediation_cases_overdue", StringComparison.Ordinal) && l.EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("mediation_timers_lag_seconds", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("mediation_outbox_backlog", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("mediation_court_gateway_failures", StringComparison.Ordinal) && l.Contains("reason=\"timeout\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("mediation_notifications_gateway_failures", StringComparison.Ordinal));
    }
}
