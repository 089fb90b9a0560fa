using System.Net.Http.Json;
using System.Text.Json;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>The action endpoints are documented: bilingual summaries, request bodies with examples, the problems they answer.</summary>
public sealed class CaseLifeOpenApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    public static TheoryData<string, bool> Actions => new()
    {
        { "consent", true }, { "refuse-consent", true }, { "take-up", false }, { "decline", true }, { "pause", true }, { "resume", true },
        { "request-extension", true }, { "extend", true }, { "fail", true }, { "termination", true }, { "escalate", true }, { "withdraw", true },
        { "flag-risk", true }, { "agreement", true }, { "oral-agreement", true }, { "confirm", true }, { "agreement-effective", true },
        { "reject-agreement", true }, { "recusal", true }, { "performed", true }, { "performance-failed", true }, { "follow-up-visit", true },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task SwaggerDocument_EachAction_HasABilingualSummaryAndItsProblems(string action, bool hasBody)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty($"/api/disputes/{{id}}/{action}").GetProperty("post");

        Assert.Matches(@"^[A-Za-z].* / \p{IsCJKUnifiedIdeographs}", operation.GetProperty("summary").GetString());
        Assert.Equal(hasBody, operation.TryGetProperty("requestBody", out _));
        foreach (var status in new[] { "200", "400", "403", "404", "409" })
        {
            Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{action}: {status}");
        }
    }

    [Fact]
    public async Task SwaggerDocument_RequestBodies_CarryExamples()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        Assert.Equal("P15D", schemas.GetProperty("ExtensionRequest").GetProperty("properties").GetProperty("duration").GetProperty("example").GetString());
        Assert.Equal("2026-03-31", schemas.GetProperty("AgreementRequest").GetProperty("properties").GetProperty("performBy").GetProperty("example").GetString());
        Assert.True(schemas.GetProperty("ReasonRequest").GetProperty("properties").GetProperty("reason").TryGetProperty("example", out _));
        Assert.True((await DocumentAsync()).GetProperty("paths").TryGetProperty("/api/disputes/{id}/outcomes/{outcomeId}/corrections", out _));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
    }
}
