using System.Net;
using static Mediation.Api.Tests.Workflows.WorkflowTestSupport;

namespace Mediation.Api.Tests.Workflows;

/// <summary>Who may do what with workflows, and unknown keys and versions in both languages.</summary>
public sealed class WorkflowAccessTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    private const string Migration = """{ "fromVersion": 1, "toVersion": 2, "stepMapping": {}, "dryRun": true }""";

    [Theory]
    [InlineData("GET", "/api/workflows")]
    [InlineData("GET", "/api/workflows/medical")]
    [InlineData("GET", "/api/workflows/medical/versions")]
    [InlineData("GET", "/api/workflows/medical/versions/1/mermaid")]
    [InlineData("POST", "/api/workflows/validate")]
    [InlineData("POST", "/api/workflows/medical/drafts")]
    [InlineData("POST", "/api/workflows/medical/versions/1/simulate")]
    [InlineData("POST", "/api/workflows/medical/drafts/publish")]
    [InlineData("POST", "/api/workflows/medical/migrations")]
    public async Task AnyEndpoint_Anonymous_Returns401(string method, string uri)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (method == "POST")
        {
            request.Content = Json("{}");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/workflows/validate")]
    [InlineData("/api/workflows/medical/drafts")]
    [InlineData("/api/workflows/medical/drafts/simulate")]
    [InlineData("/api/workflows/medical/versions/1/simulate")]
    [InlineData("/api/workflows/medical/drafts/publish")]
    [InlineData("/api/workflows/medical/migrations")]
    public async Task DesignAndAdministration_Resident_Returns403(string uri)
    {
        using var resident = await factory.CreateClientForAsync("resident1");

        var (response, _) = await resident.PostJsonAsync(uri, Migration);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Read_Resident_IsAllowed()
    {
        using var resident = await factory.CreateClientForAsync("resident1");

        var (response, _) = await resident.ExchangeAsync(Get("/api/workflows/medical/versions", "en"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OrganisationAdmin_MaySaveAndSimulateDrafts_ButNotPublishOrMigrate()
    {
        using var orgAdmin = await factory.CreateClientForAsync("orgadmin-150302");

        var (saved, _) = await orgAdmin.PostJsonAsync("/api/workflows/land-contract/drafts", Shipped("land-contract"));
        var (simulated, _) = await orgAdmin.PostJsonAsync("/api/workflows/land-contract/drafts/simulate", Script.Replace("\"neighbour\"", "\"landContract\"", StringComparison.Ordinal));
        var (publish, _) = await orgAdmin.PostJsonAsync("/api/workflows/land-contract/drafts/publish", "{}");
        var (migrate, _) = await orgAdmin.PostJsonAsync("/api/workflows/land-contract/migrations", Migration);

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, migrate.StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "GET", "/api/workflows/nope", "找不到工作流“nope”。")]
    [InlineData("en", "GET", "/api/workflows/nope", "The workflow 'nope' was not found.")]
    [InlineData("zh-CN", "GET", "/api/workflows/nope/versions", "找不到工作流“nope”。")]
    [InlineData("en", "GET", "/api/workflows/nope/versions", "The workflow 'nope' was not found.")]
    [InlineData("zh-CN", "GET", "/api/workflows/medical/versions/7", "找不到工作流“medical”的第 7 版。")]
    [InlineData("en", "GET", "/api/workflows/medical/versions/7", "Version 7 of the workflow 'medical' was not found.")]
    [InlineData("en", "GET", "/api/workflows/medical/versions/7/mermaid", "Version 7 of the workflow 'medical' was not found.")]
    [InlineData("zh-CN", "POST", "/api/workflows/medical/versions/7/simulate", "找不到工作流“medical”的第 7 版。")]
    [InlineData("en", "POST", "/api/workflows/nope/versions/1/simulate", "Version 1 of the workflow 'nope' was not found.")]
    [InlineData("zh-CN", "POST", "/api/workflows/nope/drafts/simulate", "工作流“nope”没有草稿。")]
    [InlineData("en", "POST", "/api/workflows/nope/drafts/publish", "The workflow 'nope' was not found.")]
    [InlineData("zh-CN", "POST", "/api/workflows/nope/migrations", "找不到工作流“nope”。")]
    public async Task UnknownKeyOrVersion_Returns404ProblemInTheCallersLanguage(string language, string method, string uri, string expected)
    {
        using var admin = await factory.CreateClientForAsync("admin");
        using var request = method == "GET" ? Get(uri, language) : Post(uri, Script, language);

        var (response, problem) = await admin.ExchangeAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, problem.GetProperty("detail").GetString());
    }
}
