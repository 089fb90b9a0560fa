using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Workflows;

/// <summary>What the workflow API tests share: shipped definitions, requests, disputes started in a scope.</summary>
internal static class WorkflowTestSupport
{
    public const string Script = """
        {
          "facts": { "category": "neighbour", "claimedAmount": 1000, "partyCount": 2, "channel": "online", "tags": [],
                     "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00", "receivedAt": null },
          "events": [
            { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
            { "event": "agreementReached", "after": "P5D", "agreementForm": "oral" },
            { "event": "performed", "at": "2026-03-20T10:00:00+08:00" }
          ],
          "until": "2026-06-01T00:00:00+08:00"
        }
        """;

    public static string Shipped(string key) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", key + ".json"));

    /// <summary>general-civil with the village's take-up period changed from P3D to P5D (the body still says version 1).</summary>
    public static string GeneralCivilWithLongerVillageTakeUp()
    {
        var definition = JsonNode.Parse(Shipped("general-civil"), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        definition["steps"]![0]!["takeUp"]!["within"] = "P5D";
        return definition.ToJsonString();
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static HttpRequestMessage Post(string uri, string json, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(json) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return request;
    }

    public static HttpRequestMessage Get(string uri, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> ExchangeAsync(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(text).RootElement.Clone()
                : default;
            return (response, body);
        }
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(this HttpClient client, string uri, string json, string? language = null) =>
        client.ExchangeAsync(Post(uri, json, language));

    /// <summary>Saves general-civil v2 (village take-up P5D) as a draft and publishes it.</summary>
    public static async Task PublishGeneralCivilV2Async(HttpClient admin)
    {
        var (saved, _) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts", GeneralCivilWithLongerVillageTakeUp());
        Assert.Equal(System.Net.HttpStatusCode.Created, saved.StatusCode);
        using var published = await admin.PostAsync("/api/workflows/general-civil/drafts/publish", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, published.StatusCode);
    }

    /// <summary>Files a neighbour dispute through <see cref="DisputeWorkflow.StartAsync"/>, as the filing endpoint does.</summary>
    public static async Task<Guid> StartDisputeAsync(MediationApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<DisputeWorkflow>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var dispute = new Dispute
        {
            Id = Guid.NewGuid(),
            Reference = "WF-" + Guid.NewGuid().ToString("N")[..12],
            Category = "neighbour",
            Description = "楼上漏水 / water leaking from the flat above",
            LocationCode = "150302001001",
            Channel = Channels.Online,
            FiledAt = now,
            WorkflowKey = string.Empty,
            StepId = string.Empty,
            State = new CaseState { WorkflowKey = string.Empty, WorkflowVersion = 0, StepId = string.Empty, Phase = CasePhase.Queued, StepEntry = 0, StepEnteredAt = now },
        };
        await workflow.StartAsync(dispute, Actor.System, CancellationToken.None);
        return dispute.Id;
    }

    public static async Task<Dispute> LoadDisputeAsync(MediationApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await db.Disputes.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<List<DeadlineRecord>> DeadlinesAsync(MediationApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await db.Deadlines.AsNoTracking().Where(d => d.DisputeId == id).ToListAsync();
    }

    public static string[] ErrorPaths(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static string FirstError(JsonElement problem, string path) =>
        problem.GetProperty("errors").GetProperty(path)[0].GetString()!;
}
