using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mediation.Api.Tests.Workflows;

/// <summary>Reading workflows (any signed-in user), validation (administrators), calendars, OpenAPI and health.</summary>
public sealed class WorkflowsApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _client = await factory.CreateClientForAsync("resident1");
        _admin = await factory.CreateClientForAsync("admin");
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListWorkflows_Always_ReturnsTheFourShippedWorkflows()
    {
        var workflows = await _client.GetFromJsonAsync<JsonElement>("/api/workflows");

        var keys = workflows.EnumerateArray().Select(w => w.GetProperty("key").GetString()!).Order().ToArray();
        Assert.Equal(["general-civil", "labour", "land-contract", "medical"], keys);
    }

    [Fact]
    public async Task ListWorkflows_ShippedWorkflow_ShowsLatestVersionsAndNoDraft()
    {
        var workflows = await _client.GetFromJsonAsync<JsonElement>("/api/workflows");

        var medical = workflows.EnumerateArray().Single(w => w.GetProperty("key").GetString() == "medical");
        Assert.Equal(1, medical.GetProperty("latest").GetProperty("version").GetInt32());
        Assert.Equal("published", medical.GetProperty("versions")[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, medical.GetProperty("draft").ValueKind);
    }

    [Fact]
    public async Task ListVersions_ShippedWorkflow_ReturnsVersionOnePublished()
    {
        var versions = await _client.GetFromJsonAsync<JsonElement>("/api/workflows/labour/versions");

        var only = Assert.Single(versions.EnumerateArray());
        Assert.Equal((1, "published"), (only.GetProperty("version").GetInt32(), only.GetProperty("status").GetString()));
        Assert.NotEqual(JsonValueKind.Null, only.GetProperty("publishedAt").ValueKind);
    }

    [Fact]
    public async Task GetVersion_ExistingWorkflow_ReturnsTheDefinition()
    {
        var definition = await _client.GetFromJsonAsync<JsonElement>("/api/workflows/medical/versions/1");

        Assert.Equal("cn-mainland", definition.GetProperty("calendar").GetString());
        Assert.True(definition.GetProperty("closedMediation").GetBoolean());
    }

    [Theory]
    [InlineData("zh-CN", "找不到工作流“nope”")]
    [InlineData("en", "The workflow 'nope' was not found.")]
    public async Task GetLatest_UnknownWorkflow_Returns404ProblemInTheCallersLanguage(string language, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workflows/nope");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMermaid_ShippedWorkflow_ReturnsStateDiagram()
    {
        var text = await _client.GetStringAsync("/api/workflows/general-civil/versions/1/mermaid");

        Assert.StartsWith("stateDiagram-v2", text, StringComparison.Ordinal);
        Assert.Contains("village --> township : mediationFailed", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShippedDefinition_IsValid()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "labour.json"));

        using var response = await _admin.PostAsync("/api/workflows/validate", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Validate_UnknownStepAndCalendar_Returns400WithErrorsByJsonPath()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "labour.json"));
        json = json.Replace("\"calendar\": \"natural\"", "\"calendar\": \"mars\"", StringComparison.Ordinal)
            .Replace("\"to\": \"follow-up\"", "\"to\": \"nowhere\"", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/validate") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        using var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("UnknownCalendar", errors.GetProperty("$.calendar")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'nowhere'", errors.GetProperty("$.steps[0].on[6].to")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJson_Returns400WithThePath()
    {
        using var response = await _admin.PostAsync("/api/workflows/validate", new StringContent("{\"key\": \"x\", \"version\": \"one\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.version", out _));
    }

    [Fact]
    public async Task CalendarDays_SpringFestival2026_ShowsHolidaysAndMakeUpDays()
    {
        var days = await _client.GetFromJsonAsync<JsonElement>("/api/calendars/cn-mainland/days?from=2026-02-14&to=2026-02-16");

        var kinds = days.EnumerateArray().Select(d => d.GetProperty("kind").GetString()!).ToArray();
        Assert.Equal(["makeUpWorkingDay", "holiday", "holiday"], kinds);
    }

    [Fact]
    public async Task Swagger_Document_DescribesTheWorkflowEndpoints()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/workflows/validate", out _));
        foreach (var path in new[]
        {
            "/api/workflows/{key}/versions", "/api/workflows/{key}/drafts", "/api/workflows/{key}/drafts/simulate",
            "/api/workflows/{key}/versions/{version}/simulate", "/api/workflows/{key}/drafts/publish", "/api/workflows/{key}/migrations",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var draftBody = paths.GetProperty("/api/workflows/{key}/drafts").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("general-civil", draftBody.GetProperty("example").GetProperty("key").GetString());
        var scriptBody = paths.GetProperty("/api/workflows/{key}/drafts/simulate").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("neighbour", scriptBody.GetProperty("example").GetProperty("facts").GetProperty("category").GetString());
        var migrationBody = paths.GetProperty("/api/workflows/{key}/migrations").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.True(migrationBody.GetProperty("example").GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task Health_Always_ReportsHealthy()
    {
        Assert.Equal("Healthy", await _client.GetStringAsync("/health"));
    }
}
