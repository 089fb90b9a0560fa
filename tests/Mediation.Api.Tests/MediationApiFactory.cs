using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mediation.Api.Tests;

/// <summary>
/// The real host over a real SQLite file of its own, in a temporary folder deleted afterwards, with the demo city and
/// its accounts seeded (password <see cref="DemoPassword"/>).
/// </summary>
public class MediationApiFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Mediation!2026";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Seed:Demo", "true");
    }

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> CreateClientForAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
