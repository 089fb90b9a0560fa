using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Api.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Disputes;

/// <summary>Filing bodies and helpers shared by the dispute tests.</summary>
internal static class FilingTestData
{
    public const string Village = "150302001001";
    public const string OtherVillage = "150302001002";
    public const string Township = "150302001";

    /// <summary>Valid resident ID numbers (GB 11643 check digit correct).</summary>
    public const string ValidIdNumber = "150302198503141234";
    public const string OtherValidIdNumber = "11010519491231002X";

    /// <summary>A complete, valid filing by a resident; tweak it per test.</summary>
    public static JsonObject Body(string category = "neighbour", string location = Village, decimal? claimedAmount = null, string? description = null) => new()
    {
        ["category"] = category,
        ["description"] = description ?? $"楼上装修噪音持续三个月 {Guid.NewGuid():N}",
        ["request"] = "要求停止夜间施工并赔偿损失",
        ["locationCode"] = location,
        ["applicant"] = new JsonObject
        {
            ["name"] = "张伟",
            ["phone"] = "13812345678",
            ["idNumber"] = ValidIdNumber,
        },
        ["respondents"] = new JsonArray(new JsonObject
        {
            ["name"] = "王芳",
            ["phone"] = "13987654321",
            ["idNumber"] = OtherValidIdNumber,
            ["address"] = "3 号楼 502",
        }),
        ["claimedAmount"] = claimedAmount is null ? null : JsonValue.Create(claimedAmount.Value),
        ["tags"] = new JsonArray("噪音"),
        ["consentToNotice"] = true,
    };

    /// <summary>Posts <paramref name="body"/> with an Idempotency-Key (a fresh one unless given).</summary>
    public static async Task<HttpResponseMessage> FileAsync(HttpClient client, JsonNode body, string? idempotencyKey = "", string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey.Length == 0 ? Guid.NewGuid().ToString("N") : idempotencyKey);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Files and returns the dispute view, failing unless it was created.</summary>
    public static async Task<JsonElement> FileOkAsync(HttpClient client, JsonNode body)
    {
        using var response = await FileAsync(client, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {json}");
        return json;
    }

    /// <summary>Runs <paramref name="action"/> against the factory's database.</summary>
    public static async Task<T> WithDbAsync<T>(MediationApiFactory factory, Func<MediationDbContext, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return await action(db);
    }

    /// <summary>The validation errors of a problem response, by field.</summary>
    public static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
}
