using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Hotline;
using Mediation.Api.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Mediation.Api.Tests.Notifications;

/// <summary>
/// The real host with the demo city, Quartz off, the SMS gateway and the 12345 system pointed at WireMock stand-ins.
/// By default the clock is a <see cref="FakeTimeProvider"/> and the background dispatcher is off: a test runs rounds
/// with <see cref="RoundAsync"/> and moves the clock past back-offs and rate-limit windows. With
/// <see cref="BackgroundDispatcher"/> the hosted dispatcher runs on the system clock (restart tests).
/// </summary>
internal sealed class MessagingHost : MediationApiFactory
{
    public const string HotlineSecret = "test-hotline-secret-不要外泄";
    public const string SmsSecret = "sms-secret-value-never-logged";
    public const string VillageMediator = "mediator-150302001001";
    public const string VillageMediatorPhone = "13700001111";
    public const string Village = "150302001001";

    /// <summary>Monday 2 March 2026, 09:30 in Beijing.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly Dictionary<string, string?> _settings;

    public MessagingHost(HttpStandIn sms, HttpStandIn? hotline = null, bool backgroundDispatcher = false, IDictionary<string, string?>? settings = null, bool systemClock = false)
    {
        ArgumentNullException.ThrowIfNull(sms);
        BackgroundDispatcher = backgroundDispatcher;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Timers:Enabled"] = "false",
            ["Notifications:Enabled"] = backgroundDispatcher ? "true" : "false",
            ["Notifications:PollInterval"] = "00:00:00.200",
            ["Notifications:MaxAttempts"] = "6",
            ["Notifications:BaseBackoff"] = "00:00:10",
            ["Notifications:MaxBackoff"] = "00:05:00",
            ["Notifications:RateLimit:PerNumber"] = "50",
            ["Notifications:Sms:Mode"] = "Http",
            ["Notifications:Sms:BaseUrl"] = sms.Url + "/sms/",
            ["Notifications:Sms:AccessKeyId"] = "mediation-test",
            ["Notifications:Sms:AccessKeySecret"] = SmsSecret,
            ["Notifications:Sms:Timeout"] = "00:00:10",
            ["Hotline:Secret"] = HotlineSecret,
            ["Hotline:BaseUrl"] = (hotline ?? sms).Url + "/hotline",
            ["Hotline:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (!backgroundDispatcher && !systemClock)
        {
            Clock = new FakeTimeProvider(DefaultStart.ToUniversalTime());
        }
    }

    public bool BackgroundDispatcher { get; }

    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; } = new();

    public FakeTimeProvider Time => Clock ?? throw new InvalidOperationException("This host runs on the system clock.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>One dispatcher round (expand, then send what is due).</summary>
    public Task<DispatchRound> RoundAsync() => Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

    /// <summary>Moves the fake clock forward.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public async Task<T> DbAsync<T>(Func<MediationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MediationDbContext>());
    }

    public Task<List<NotificationDelivery>> DeliveriesAsync(Guid? disputeId = null) =>
        DbAsync(db => db.Deliveries.AsNoTracking().Where(d => disputeId == null || d.DisputeId == disputeId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Recipient).ToListAsync());

    /// <summary>Gives a staff account a phone number (the demo accounts have none).</summary>
    public Task SetPhoneAsync(string userName, string phone) => DbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.PhoneNumber = phone;
        return await db.SaveChangesAsync();
    });

    /// <summary>Files a neighbour dispute at the village as resident1 through the API, with the given phones.</summary>
    public async Task<Guid> FileAsync(string applicantPhone = "13812345678", string respondentPhone = "13987654321")
    {
        var body = new JsonObject
        {
            ["category"] = "neighbour",
            ["description"] = $"楼道堆物 {Guid.NewGuid():N}",
            ["request"] = "请求调解",
            ["locationCode"] = Village,
            ["applicant"] = new JsonObject { ["name"] = "张伟", ["phone"] = applicantPhone },
            ["respondents"] = new JsonArray(new JsonObject { ["name"] = "王芳", ["phone"] = respondentPhone }),
            ["consentToNotice"] = true,
        };
        using var client = await CreateClientForAsync("resident1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    /// <summary>Posts a dispute action as <paramref name="userName"/>; it must succeed.</summary>
    public async Task ActAsync(string userName, Guid id, string action, object? body = null)
    {
        using var client = await CreateClientForAsync(userName);
        using var response = await client.PostAsJsonAsync($"/api/disputes/{id}/{action}", body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Adds outbox messages the way the engine does (same shape), for tests about sending alone.</summary>
    public Task QueueAsync(Guid disputeId, string audience, string template, int count = 1) => DbAsync(async db =>
    {
        var now = Services.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            db.Outbox.Add(new OutboxMessage { Id = Guid.NewGuid(), DisputeId = disputeId, Audience = audience, Template = template, CreatedAt = now.AddTicks(i) });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>A webhook request signed with the shared secret at the host's clock (or at <paramref name="at"/>).</summary>
    public HttpRequestMessage SignedWorkOrder(string json, DateTimeOffset? at = null, string? secret = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var timestamp = (at ?? Services.GetRequiredService<TimeProvider>().GetUtcNow()).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hotline/work-orders") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(HotlineSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(HotlineSignature.SignatureHeader, HotlineSignature.HeaderValue(secret ?? HotlineSecret, timestamp, bytes));
        return request;
    }

    /// <summary>A valid work order's JSON.</summary>
    public static string WorkOrder(string orderNumber, string description = "来电人反映楼上住户装修噪音扰民，协商未果。") =>
        JsonSerializer.Serialize(new
        {
            orderNumber,
            receivedAt = DefaultStart.AddHours(-1),
            category = "neighbour",
            description,
            request = "请求协调对方在规定时间内施工。",
            locationCode = Village,
            applicant = new { name = "刘洋", phone = "13600002222" },
            respondents = new[] { new { name = "楼上住户陈某", phone = "13600003333" } },
            consentToNotice = true,
        });
}
