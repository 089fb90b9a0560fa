using System.Net;
using static Mediation.Api.Tests.Workflows.WorkflowTestSupport;

namespace Mediation.Api.Tests.Workflows;

/// <summary>Simulating published versions over HTTP; scripts with mistakes are 400s at their JSON paths.</summary>
public sealed class WorkflowSimulationApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>, IAsyncLifetime
{
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await factory.CreateClientForAsync("admin");

    public Task DisposeAsync()
    {
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Simulate_PublishedVersion_ReturnsTracePathAndFinalState()
    {
        var (response, body) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", Script, "en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("general-civil", 1, "published"), (body.GetProperty("key").GetString(), body.GetProperty("version").GetInt32(), body.GetProperty("status").GetString()));
        Assert.Equal(["village", "follow-up", "closed"], body.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        var trace = body.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal("filed", trace[0].GetProperty("event").GetString());
        var takenUp = trace.Single(e => e.GetProperty("event").GetString() == "takenUp");
        Assert.Equal(("applied", "village", "queued", "village", "inMediation"), (
            takenUp.GetProperty("outcome").GetString(), takenUp.GetProperty("fromStep").GetString(), takenUp.GetProperty("fromPhase").GetString(),
            takenUp.GetProperty("toStep").GetString(), takenUp.GetProperty("toPhase").GetString()));
        Assert.Contains(takenUp.GetProperty("effects").EnumerateArray(), e => e.GetProperty("type").GetString() == "cancelDeadline");
        var final = body.GetProperty("final");
        Assert.Equal(("closed", "closed", true), (final.GetProperty("stepId").GetString(), final.GetProperty("outcome").GetString(), final.GetProperty("isClosed").GetBoolean()));
    }

    [Theory]
    [InlineData("en", "'performed' is not allowed in step 'village'")]
    [InlineData("zh-CN", "在步骤“village”（queued）中不允许“performed”")]
    public async Task Simulate_EventNotAllowed_TraceCarriesTheProblemInTheCallersLanguage(string language, string expected)
    {
        const string script = """
            { "facts": { "category": "neighbour", "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00" },
              "events": [ { "event": "performed", "after": "PT1H" } ], "until": "2026-03-03T00:00:00+08:00" }
            """;

        var (response, body) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", script, language);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = body.GetProperty("trace").EnumerateArray().Single(e => e.GetProperty("event").GetString() == "performed");
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Equal("EventNotPermitted", rejected.GetProperty("problem").GetProperty("code").GetString());
        Assert.Contains(expected, rejected.GetProperty("problem").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ScriptWithMistakes_Returns400WithEveryPath()
    {
        const string script = """
            {
              "facts": { "category": "neighbour", "partyCount": "two", "location": "150302001001", "filedAt": "2026-03-02T09:00:00" },
              "events": [
                { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00", "colour": "red" },
                { "event": "agreementReached", "agreementForm": "sung" },
                { "event": "teleported" },
                { "event": "mediationFailed", "extension": "P5D" }
              ]
            }
            """;

        var (response, problem) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", script, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The simulation script has errors; see each field.", problem.GetProperty("title").GetString());
        Assert.Equal(
            ["$.events[0].colour", "$.events[1].agreementForm", "$.events[2].event", "$.events[3].extension", "$.facts.filedAt", "$.facts.partyCount"],
            ErrorPaths(problem));
        Assert.Contains("'mediationFailed' does not take 'extension'", FirstError(problem, "$.events[3].extension"), StringComparison.Ordinal);
        Assert.Contains("with an offset", FirstError(problem, "$.facts.filedAt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_EventsOutOfOrder_Returns400AtTheEventInChinese()
    {
        const string script = """
            { "facts": { "category": "neighbour", "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00" },
              "events": [ { "event": "takenUp", "after": "P2D" }, { "event": "mediationFailed", "at": "2026-03-03T09:00:00+08:00" } ] }
            """;

        var (response, problem) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", script, "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("事件须按时间先后排列", FirstError(problem, "$.events[1].at"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_MonthsInWorkingDayCalendar_Returns400AtAfter()
    {
        const string script = """
            { "facts": { "category": "medical", "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00" },
              "events": [ { "event": "takenUp", "after": "P1M" } ] }
            """;

        var (response, problem) = await _admin.PostJsonAsync("/api/workflows/medical/versions/1/simulate", script, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be counted in the calendar 'cn-mainland'", FirstError(problem, "$.events[0].after"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"facts\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"facts\": {}, \"facts\": {}}")]
    public async Task Simulate_MalformedJson_Returns400(string script)
    {
        var (response, problem) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", script, "en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(ErrorPaths(problem));
    }

    [Fact]
    public async Task Simulate_OversizedScript_Returns413()
    {
        var script = "{\"facts\": {\"category\": \"" + new string('x', Mediation.Api.Endpoints.WorkflowsEndpoints.MaxRequestBytes) + "\"}}";

        var (response, _) = await _admin.PostJsonAsync("/api/workflows/general-civil/versions/1/simulate", script, "en");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SimulateDraft_NoDraft_Returns404()
    {
        var (response, problem) = await _admin.PostJsonAsync("/api/workflows/medical/drafts/simulate", Script, "en");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The workflow 'medical' has no draft.", problem.GetProperty("detail").GetString());
    }
}
