using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Hotline;
using Mediation.Api.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Hotline;

/// <summary>POST /api/hotline/work-orders: HMAC signature, timestamp window, replays, malformed orders, duplicates.</summary>
public sealed class HotlineWebhookTests : IDisposable
{
    private readonly HttpStandIn _standIn = new();
    private readonly MessagingHost _host;

    public HotlineWebhookTests() => _host = new MessagingHost(_standIn);

    public void Dispose()
    {
        _host.Dispose();
        _standIn.Dispose();
    }

    [Fact]
    public async Task SignedWorkOrder_CreatesAHotlineDispute_KeepingTheOrderNumber()
    {
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-20260302-0001")));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("WO-20260302-0001", body.GetProperty("orderNumber").GetString());
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var id = body.GetProperty("disputeId").GetGuid();
        var (dispute, order) = await _host.DbAsync(async db => (
            await db.Disputes.Include(d => d.Parties).AsNoTracking().SingleAsync(d => d.Id == id),
            await db.HotlineWorkOrders.AsNoTracking().SingleAsync(o => o.DisputeId == id)));
        Assert.Equal("hotline", dispute.Channel);
        Assert.Equal("WO-20260302-0001", order.OrderNumber);
        Assert.Null(dispute.FiledByUserId);
        Assert.Equal(MessagingHost.DefaultStart.AddHours(-1), dispute.ReceivedAt);
        Assert.Equal("刘洋", dispute.Parties.Single(p => p.Role == Data.Entities.PartyRole.Applicant).Name);
        Assert.Equal(body.GetProperty("reference").GetString(), dispute.Reference);

        using var admin = await _host.CreateClientForAsync("admin");
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/disputes/{id}");
        Assert.Equal("hotline", view.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task SameOrderDeliveredAgain_CreatesNothingNew_AnswersWithTheExistingDispute()
    {
        using var client = _host.CreateClient();
        using var first = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-DUP-1")));
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var count = await _host.DbAsync(db => db.Disputes.CountAsync());

        // A second delivery: signed afresh (a later timestamp), even with a reworded description.
        _host.Advance(TimeSpan.FromSeconds(30));
        using var again = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-DUP-1", "重复推送的同一工单")));

        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(again.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.True(body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(created.GetProperty("disputeId").GetGuid(), body.GetProperty("disputeId").GetGuid());
        Assert.Equal(count, await _host.DbAsync(db => db.Disputes.CountAsync()));
        Assert.Equal(1, await _host.DbAsync(db => db.HotlineWorkOrders.CountAsync(o => o.OrderNumber == "WO-DUP-1")));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneOrder_FileOneDispute()
    {
        // The system clock: the filing path waits a moment on its TimeProvider before retrying a lost race.
        using var host = new MessagingHost(_standIn, systemClock: true);
        using var client = host.CreateClient();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var requests = Enumerable.Range(0, 4).Select(i => client.SendAsync(host.SignedWorkOrder(MessagingHost.WorkOrder("WO-RACE-1"), now.AddSeconds(i)))).ToList();

        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disputeId").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await host.DbAsync(db => db.Disputes.CountAsync(d => d.Channel == "hotline")));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task WrongSecret_Is401Problem_AndFilesNothing()
    {
        using var client = _host.CreateClient();
        var count = await _host.DbAsync(db => db.Disputes.CountAsync());

        using var response = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-BAD-SIG"), secret: "not-the-secret"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "签名与请求内容不符。");
        Assert.Equal(count, await _host.DbAsync(db => db.Disputes.CountAsync()));
    }

    [Fact]
    public async Task BodyChangedAfterSigning_Is401()
    {
        using var client = _host.CreateClient();
        using var request = _host.SignedWorkOrder(MessagingHost.WorkOrder("WO-TAMPER"));
        var signed = request.Headers.GetValues(HotlineSignature.SignatureHeader).Single();
        var timestamp = request.Headers.GetValues(HotlineSignature.TimestampHeader).Single();
        using var tampered = new HttpRequestMessage(HttpMethod.Post, "/api/hotline/work-orders") { Content = JsonContent.Create(JsonSerializer.Deserialize<JsonElement>(MessagingHost.WorkOrder("WO-TAMPER-2"))) };
        tampered.Headers.Add(HotlineSignature.SignatureHeader, signed);
        tampered.Headers.Add(HotlineSignature.TimestampHeader, timestamp);

        using var response = await client.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NoSignatureHeaders_Is401_InEnglishWhenAsked()
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await client.PostAsJsonAsync("/api/hotline/work-orders", JsonSerializer.Deserialize<JsonElement>(MessagingHost.WorkOrder("WO-UNSIGNED")));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "The X-Hotline-Timestamp or X-Hotline-Signature header is missing.");
    }

    [Fact]
    public async Task StaleTimestamp_CorrectlySigned_Is401()
    {
        using var client = _host.CreateClient();
        var sixMinutesAgo = _host.Time.GetUtcNow().AddMinutes(-6);

        using var stale = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-STALE"), sixMinutesAgo));
        using var future = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-FUTURE"), _host.Time.GetUtcNow().AddMinutes(6)));
        using var justInside = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("WO-INSIDE"), _host.Time.GetUtcNow().AddMinutes(-4)));

        await AssertProblemAsync(stale, HttpStatusCode.Unauthorized, "请求时间戳超出允许的时间窗口（5 分钟）。");
        Assert.Equal(HttpStatusCode.Unauthorized, future.StatusCode);
        Assert.Equal(HttpStatusCode.Created, justInside.StatusCode);
    }

    [Fact]
    public async Task ReplayedRequest_Is401_EvenWithinTheWindow()
    {
        using var client = _host.CreateClient();
        var json = MessagingHost.WorkOrder("WO-REPLAY");
        var at = _host.Time.GetUtcNow();
        using var original = await client.SendAsync(_host.SignedWorkOrder(json, at));

        _host.Advance(TimeSpan.FromMinutes(1));
        using var replay = await client.SendAsync(_host.SignedWorkOrder(json, at));

        Assert.Equal(HttpStatusCode.Created, original.StatusCode);
        await AssertProblemAsync(replay, HttpStatusCode.Unauthorized, "该请求已经收到过（重放），不予处理。");
    }

    [Fact]
    public async Task MalformedJson_Is400ValidationProblem()
    {
        using var client = _host.CreateClient();

        using var response = await client.SendAsync(_host.SignedWorkOrder("{\"orderNumber\": \"WO-1\", \"category\": 12"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").EnumerateObject().Any(), body.ToString());
    }

    [Fact]
    public async Task InvalidOrder_Is400_FieldByField()
    {
        using var client = _host.CreateClient();
        var json = JsonSerializer.Serialize(new
        {
            orderNumber = "WO-INVALID-1",
            category = "unknownCategory",
            description = "描述",
            request = "请求",
            locationCode = "999999999999",
            applicant = new { name = "刘洋", phone = "12345" },
            respondents = Array.Empty<object>(),
            consentToNotice = true,
        });

        using var response = await client.SendAsync(_host.SignedWorkOrder(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["applicant.phone", "category", "locationCode", "respondents"], fields);

        using var badNumber = await client.SendAsync(_host.SignedWorkOrder(MessagingHost.WorkOrder("工单 1")));
        var numberErrors = (await badNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.True(numberErrors.TryGetProperty("orderNumber", out _), numberErrors.ToString());
    }

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody()
    {
        // Known answer, computed independently: printf '1772415000.{}' | openssl dgst -sha256 -hmac secret
        var signature = HotlineSignature.Compute("secret", 1772415000, "{}"u8);

        Assert.Equal("3455494234c0af23e6a4eb4117e1e8478a4592092d9b13044fc1877da0834cfe", signature);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(detail, json.RootElement.GetProperty("detail").GetString());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }
}
