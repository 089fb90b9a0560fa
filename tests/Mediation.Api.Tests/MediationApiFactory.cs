using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mediation.Api.Tests;

/// <summary>
/// The real host over a real SQLite file of its own, in a temporary folder deleted afterwards, with the demo city and
/// its accounts seeded (password <see cref="DemoPassword"/>).
/// </summary>
public class MediationApiFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Mediation!2026";

    /// <summary>The data folder (SQLite file). Set it to start a second host on the data of a first one.</summary>
    public string DataFolder { get; init; } = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leaves <see cref="DataFolder"/> in place on dispose, for a host started after this one (restart tests).</summary>
    public bool KeepDataFolder { get; init; }

    /// <summary>
    /// When set, the host's <see cref="TimeProvider"/> is this clock instead of the system's, so a test can move time
    /// (deadlines, working days). Null (the default) leaves the system clock in place.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Seed:Demo", "true");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
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
        if (disposing && !KeepDataFolder && Directory.Exists(DataFolder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}
