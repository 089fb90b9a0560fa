using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Mediation.Api.Tests;

public sealed class WorkflowsApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListWorkflows_Always_ReturnsTheFourShippedWorkflows()
    {
        var workflows = await _client.GetFromJsonAsync<JsonElement>("/api/workflows");

        var keys = workflows.EnumerateArray().Select(w => w.GetProperty("key").GetString()!).Order().ToArray();
        Assert.Equal(["general-civil", "labour", "land-contract", "medical"], keys);
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

        using var response = await _client.PostAsync("/api/workflows/validate", new StringContent(json, Encoding.UTF8, "application/json"));

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

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("UnknownCalendar", errors.GetProperty("$.calendar")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'nowhere'", errors.GetProperty("$.steps[0].on[6].to")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedJson_Returns400WithThePath()
    {
        using var response = await _client.PostAsync("/api/workflows/validate", new StringContent("{\"key\": \"x\", \"version\": \"one\"}", Encoding.UTF8, "application/json"));

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

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/workflows/validate", out _));
    }

    [Fact]
    public async Task Health_Always_ReportsHealthy()
    {
        Assert.Equal("Healthy", await _client.GetStringAsync("/health"));
    }
}
