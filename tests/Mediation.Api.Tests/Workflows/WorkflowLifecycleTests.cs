using System.Net;
using System.Text.Json;
using static Mediation.Api.Tests.Workflows.WorkflowTestSupport;

namespace Mediation.Api.Tests.Workflows;

/// <summary>Draft → validate → simulate → publish, and what publishing means for new and running cases. Each test has a host of its own.</summary>
public sealed class WorkflowLifecycleTests
{
    [Fact]
    public async Task DraftValidateSimulatePublish_NewDisputeRunsOnV2_EarlierDisputeStaysOnV1()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");
        var earlier = await StartDisputeAsync(factory);
        var json = GeneralCivilWithLongerVillageTakeUp();

        // Draft: the body says version 1; the draft becomes newest published + 1.
        var (saved, draft) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts", json);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal("/api/workflows/general-civil/versions/2", saved.Headers.Location?.OriginalString);
        Assert.Equal((2, "draft", true), (draft.GetProperty("version").GetInt32(), draft.GetProperty("status").GetString(), draft.GetProperty("publishable").GetBoolean()));
        Assert.Empty(draft.GetProperty("errors").EnumerateObject());

        // Saving again replaces the single draft.
        var (replaced, _) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts", json);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var (_, versions) = await admin.ExchangeAsync(Get("/api/workflows/general-civil/versions", "en"));
        Assert.Equal([(1, "published"), (2, "draft")], versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString())));
        var (_, list) = await admin.ExchangeAsync(Get("/api/workflows", "en"));
        var item = list.EnumerateArray().Single(w => w.GetProperty("key").GetString() == "general-civil");
        Assert.Equal((1, 2), (item.GetProperty("latest").GetProperty("version").GetInt32(), item.GetProperty("draft").GetProperty("version").GetInt32()));
        var (_, stored) = await admin.ExchangeAsync(Get("/api/workflows/general-civil/versions/2", "en"));
        Assert.Equal("P5D", stored.GetProperty("steps")[0].GetProperty("takeUp").GetProperty("within").GetString());

        var (validated, _) = await admin.PostJsonAsync("/api/workflows/validate", json);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);

        // Simulating the draft uses its rules: take-up within 5 days of filing on Mon 2 Mar 09:00 ends at 24:00 on 7 Mar.
        var (simulated, trace) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts/simulate", Script, "en");
        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        Assert.Equal((2, "draft"), (trace.GetProperty("version").GetInt32(), trace.GetProperty("status").GetString()));
        var takeUp = trace.GetProperty("trace")[0].GetProperty("effects").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "scheduleDeadline" && e.GetProperty("deadline").GetProperty("kind").GetString() == "takeUp");
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 16, 0, 0, TimeSpan.Zero), takeUp.GetProperty("deadline").GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(["village", "follow-up", "closed"], trace.GetProperty("path").EnumerateArray().Select(p => p.GetString()));

        var (published, result) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts/publish", "{}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(2, result.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("publishedBy").GetString()));

        // Live at once for new disputes; the running case stays on the version it started with.
        var later = await StartDisputeAsync(factory);
        Assert.Equal(2, (await LoadDisputeAsync(factory, later)).WorkflowVersion);
        Assert.Equal(1, (await LoadDisputeAsync(factory, earlier)).WorkflowVersion);
        var (_, latest) = await admin.ExchangeAsync(Get("/api/workflows/general-civil", "en"));
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        (_, versions) = await admin.ExchangeAsync(Get("/api/workflows/general-civil/versions", "en"));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal("published", v.GetProperty("status").GetString()));
        var mermaid = await admin.GetStringAsync("/api/workflows/general-civil/versions/2/mermaid");
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);

        // Published versions are immutable: publishing again is a conflict, and a new draft is version 3.
        var (again, conflict) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts/publish", "{}", "en");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("version 2 is its newest published version", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (next, nextDraft) = await admin.PostJsonAsync("/api/workflows/general-civil/drafts", json);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(3, nextDraft.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PublishDraft_WithErrors_Returns400WithEveryErrorByPathAndStaysDraft()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");
        var json = Shipped("labour")
            .Replace("\"calendar\": \"natural\"", "\"calendar\": \"mars\"", StringComparison.Ordinal)
            .Replace("\"to\": \"follow-up\"", "\"to\": \"nowhere\"", StringComparison.Ordinal);

        // Work in progress may be saved with errors; the response lists them.
        var (saved, draft) = await admin.PostJsonAsync("/api/workflows/labour/drafts", json, "en");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.False(draft.GetProperty("publishable").GetBoolean());
        Assert.Contains("UnknownCalendar", FirstError(draft, "$.calendar"), StringComparison.Ordinal);

        var (published, problem) = await admin.PostJsonAsync("/api/workflows/labour/drafts/publish", "{}", "en");

        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        Assert.Equal("application/problem+json", published.Content.Headers.ContentType?.MediaType);
        Assert.Contains("UnknownCalendar", FirstError(problem, "$.calendar"), StringComparison.Ordinal);
        Assert.Contains("'nowhere'", FirstError(problem, "$.steps[0].on[6].to"), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "UnknownStep");
        var (_, versions) = await admin.ExchangeAsync(Get("/api/workflows/labour/versions", "en"));
        Assert.Equal("draft", versions[1].GetProperty("status").GetString());

        // A draft with errors cannot run or be drawn either.
        var (simulated, notRunnable) = await admin.PostJsonAsync("/api/workflows/labour/drafts/simulate", Script, "en");
        Assert.Equal(HttpStatusCode.Conflict, simulated.StatusCode);
        Assert.True(notRunnable.GetProperty("errors").TryGetProperty("$.calendar", out _));
        using var mermaid = await admin.GetAsync("/api/workflows/labour/versions/2/mermaid");
        Assert.Equal(HttpStatusCode.Conflict, mermaid.StatusCode);
    }

    [Fact]
    public async Task SaveDraft_BadBodies_Return4xxWithPathsAndStoreNothing()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");

        var (malformed, syntax) = await admin.PostJsonAsync("/api/workflows/medical/drafts", "{\"key\": \"medical\", \"steps\": [", "en");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("InvalidJson", syntax.GetProperty("errors").EnumerateObject().Single().Value[0].GetString(), StringComparison.Ordinal);

        var (wrongType, typed) = await admin.PostJsonAsync("/api/workflows/medical/drafts", "{\"key\": \"medical\", \"version\": \"two\"}", "en");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(["$.version"], ErrorPaths(typed));

        var (unknownMember, unknown) = await admin.PostJsonAsync("/api/workflows/medical/drafts", "{\"key\": \"medical\", \"colour\": \"red\"}", "en");
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        Assert.Equal(["$.colour"], ErrorPaths(unknown));

        var (otherKey, mismatch) = await admin.PostJsonAsync("/api/workflows/medical/drafts", Shipped("labour"), "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, otherKey.StatusCode);
        Assert.Contains("与地址中的“medical”不一致", FirstError(mismatch, "$.key"), StringComparison.Ordinal);

        var (badKey, invalidKey) = await admin.PostJsonAsync("/api/workflows/Not_A_Key/drafts", Shipped("labour"), "en");
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(["$.key"], ErrorPaths(invalidKey));

        var huge = "{\"key\": \"medical\", \"description\": \"" + new string('x', Mediation.Api.Endpoints.WorkflowsEndpoints.MaxDefinitionBytes) + "\"}";
        var (tooLarge, _) = await admin.PostJsonAsync("/api/workflows/medical/drafts", huge, "en");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        var (_, versions) = await admin.ExchangeAsync(Get("/api/workflows/medical/versions", "en"));
        Assert.Single(versions.EnumerateArray());
    }

    [Fact]
    public async Task SaveDraft_NewWorkflowKey_StartsAtVersionOneAndIsListedWithoutLatest()
    {
        using var factory = new MediationApiFactory();
        using var admin = await factory.CreateClientForAsync("admin");
        var json = Shipped("general-civil").Replace("\"key\": \"general-civil\"", "\"key\": \"neighbour-basic\"", StringComparison.Ordinal);

        var (saved, draft) = await admin.PostJsonAsync("/api/workflows/neighbour-basic/drafts", json);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(1, draft.GetProperty("version").GetInt32());
        var (_, list) = await admin.ExchangeAsync(Get("/api/workflows", "en"));
        var item = list.EnumerateArray().Single(w => w.GetProperty("key").GetString() == "neighbour-basic");
        Assert.Equal(JsonValueKind.Null, item.GetProperty("latest").ValueKind);
        var (latest, _) = await admin.ExchangeAsync(Get("/api/workflows/neighbour-basic", "en"));
        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        var (simulated, trace) = await admin.PostJsonAsync("/api/workflows/neighbour-basic/versions/1/simulate", Script);
        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        Assert.Equal("draft", trace.GetProperty("status").GetString());
    }
}
