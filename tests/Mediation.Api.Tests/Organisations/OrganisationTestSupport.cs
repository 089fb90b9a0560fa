using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediation.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Organisations;

/// <summary>Requests, look-ups and dispute filing shared by the organisation and authorisation tests.</summary>
internal static class OrganisationTestSupport
{
    /// <summary>A village of 150302 (Haibowan) with a seeded mediator; a dispute filed here is handled by it.</summary>
    public const string Village = "150302001001";

    public static async Task<Guid> OrganisationIdAsync(MediationApiFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    public static async Task<Guid> MediatorIdAsync(MediationApiFactory factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Mediators.Where(m => m.UserId == userId).Select(m => m.Id).SingleAsync();
    }

    /// <summary>Sends <paramref name="body"/> as JSON (a string is sent as it is) in <paramref name="language"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? language = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends and reads the JSON answer, asserting the status.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpClient client, HttpMethod method, string url, object? body = null, string? language = null)
    {
        using var response = await SendAsync(client, method, url, body, language);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer and returns it.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpStatusCode status, HttpClient client, HttpMethod method, string url, object? body = null, string? language = null)
    {
        using var response = await SendAsync(client, method, url, body, language);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {url}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The first message for <paramref name="field"/> in a validation problem.</summary>
    public static string FieldError(JsonElement problem, string field)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}': {errors}");
        return string.Join(" | ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>Files a neighbour dispute at <paramref name="location"/> through <c>POST /api/disputes</c> as the resident signed in on <paramref name="resident"/>.</summary>
    public static async Task<Guid> FileDisputeAsync(HttpClient resident, string location = Village, string category = "neighbour")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes")
        {
            Content = JsonContent.Create(new
            {
                category,
                description = $"邻居在楼道堆放杂物，影响通行 {Guid.NewGuid():N}",
                request = "请对方清理楼道杂物",
                locationCode = location,
                applicant = new { name = "张伟", phone = "13800000001" },
                respondents = new[] { new { name = "赵强" } },
                consentToNotice = true,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await resident.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"filing failed: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
