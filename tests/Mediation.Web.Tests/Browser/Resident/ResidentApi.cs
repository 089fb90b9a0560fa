using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mediation.Web.Tests.Browser.Resident;

/// <summary>Prepares cases through the HTTP API of the running host with bearer tokens, as an API client would.</summary>
internal sealed class ResidentApi(Uri baseAddress)
{
    public const string Village = "150302001001";
    public const string VillageMediator = "mediator-150302001001";

    public async Task<HttpClient> SignInAsync(string userName, string password = WebAppFixture.DemoPassword)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Files a neighbour dispute at <see cref="Village"/> as the resident signed in on <paramref name="resident"/>.</summary>
    public static async Task<Guid> FileAsync(HttpClient resident, string description)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes")
        {
            Content = JsonContent.Create(new
            {
                category = "neighbour",
                description,
                request = "请对方清理楼道杂物",
                locationCode = Village,
                applicant = new { name = "张伟", phone = "13800000001" },
                respondents = new[] { new { name = "赵强", phone = "13912345678" } },
                consentToNotice = true,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return (await SendAsync(resident, request)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        return await SendAsync(client, request);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync(client, request);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
