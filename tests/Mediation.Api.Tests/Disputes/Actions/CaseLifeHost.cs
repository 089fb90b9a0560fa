using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>
/// The real host with the demo city on a clock the test moves, Quartz off: deadlines are fired by hand through the
/// timers' <see cref="DeadlineDispatcher"/>, as Quartz would when their time comes. Acts through HTTP as the demo
/// accounts, signing in afresh for each call (bearer tokens expire when the clock jumps weeks ahead).
/// </summary>
public sealed class CaseLifeHost : MediationApiFactory
{
    /// <summary>Monday 2 March 2026, 09:30 in Beijing: an ordinary working day.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    public const string VillageMediator = "mediator-150302001001";
    public const string TownshipMediator = "mediator-150302001";
    public const string DistrictMediator = "mediator-150302";
    public const string MedicalMediator = "mediator-medical";
    public const string LabourMediator = "mediator-labour";
    public const string DistrictAdmin = "orgadmin-150302";
    public const string Applicant = "resident1";
    public const string Respondent = "resident2";
    public const string Village = "150302001001";

    public CaseLifeHost()
        : this(DefaultStart)
    {
    }

    private CaseLifeHost(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start.ToUniversalTime());
    }

    /// <summary>A host whose clock starts at <paramref name="start"/>.</summary>
    public static CaseLifeHost StartingAt(DateTimeOffset start) => new(start);

    public FakeTimeProvider Time => Clock!;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Extra configuration for the host (e.g. an integration's base URL); set before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Timers:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/> and fires every deadline due by then, as the timers would.</summary>
    public async Task<int> MoveToAsync(DateTimeOffset instant)
    {
        Assert.True(instant >= Now, $"The clock only moves forward ({Now:O} → {instant:O}).");
        Time.SetUtcNow(instant.ToUniversalTime());
        return await FireDueAsync();
    }

    public Task<int> FireDueAsync() => Services.GetRequiredService<DeadlineDispatcher>().FireDueAsync(Now, CancellationToken.None);

    /// <summary>
    /// Files a dispute as <paramref name="filer"/> through <c>POST /api/disputes</c> (with <paramref name="client"/>, signed
    /// in as the filer, when given) and links its respondent to resident2.
    /// </summary>
    public async Task<Guid> FileAsync(
        string category = "neighbour", string filer = Applicant, DateTimeOffset? receivedAt = null, string location = Village, HttpClient? client = null)
    {
        var body = new JsonObject
        {
            ["category"] = category,
            ["description"] = $"案情描述 {Guid.NewGuid():N}",
            ["request"] = "请求调解",
            ["locationCode"] = location,
            ["applicant"] = new JsonObject { ["name"] = "张伟", ["phone"] = "13812345678", ["idNumber"] = "150302198503141234" },
            ["respondents"] = new JsonArray(new JsonObject { ["name"] = "王芳", ["phone"] = "13987654321", ["idNumber"] = "11010519491231002X" }),
            ["consentToNotice"] = true,
        };
        if (receivedAt is { } received)
        {
            body["receivedAt"] = received;
            body["channel"] = "walkIn";
        }

        using var own = client is null ? await ClientAsync(filer) : null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await (client ?? own!).SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        var id = json.GetProperty("id").GetGuid();

        // Account linking of the other side is not part of filing yet: the respondent is resident2 here.
        await DbAsync(async db =>
        {
            var resident2 = await db.Users.SingleAsync(u => u.UserName == Respondent);
            var respondent = await db.Parties.SingleAsync(p => p.DisputeId == id && p.Role == PartyRole.Respondent);
            respondent.UserId = resident2.Id;
            await db.SaveChangesAsync();
            return 0;
        });
        return id;
    }

    public async Task<HttpClient> ClientAsync(string userName, string? language = null)
    {
        var client = await CreateClientForAsync(userName);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Posts <c>/api/disputes/{id}/{action}</c> as <paramref name="userName"/>.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string userName, Guid id, string action, object? body = null, string? language = null)
    {
        using var client = await ClientAsync(userName, language);
        using var response = body is null
            ? await client.PostAsync(new Uri($"/api/disputes/{id}/{action}", UriKind.Relative), null)
            : await client.PostAsJsonAsync($"/api/disputes/{id}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Posts an action that must succeed; returns the dispute view.</summary>
    public async Task<JsonElement> ActAsync(string userName, Guid id, string action, object? body = null)
    {
        var (status, json) = await PostAsync(userName, id, action, body);
        Assert.True(status == HttpStatusCode.OK, $"{userName} {action}: {(int)status} {json}");
        return json;
    }

    public async Task<JsonElement> GetAsync(string userName, string url)
    {
        using var client = await ClientAsync(userName);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {json}");
        return json;
    }

    public Task<JsonElement> DisputeAsync(Guid id, string userName = "admin") => GetAsync(userName, $"/api/disputes/{id}");

    public Task<JsonElement> OutcomesAsync(Guid id, string userName = "admin") => GetAsync(userName, $"/api/disputes/{id}/outcomes");

    public async Task<List<string>> TimelineEventsAsync(Guid id) =>
        [.. (await GetAsync("admin", $"/api/disputes/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("event").GetString()!)];

    public async Task<T> DbAsync<T>(Func<MediationDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MediationDbContext>());
    }

    public Task<List<OutboxMessage>> OutboxAsync(Guid id) =>
        DbAsync(db => db.Outbox.AsNoTracking().Where(o => o.DisputeId == id).OrderBy(o => o.CreatedAt).ToListAsync());

    public Task<List<DeadlineRecord>> DeadlinesAsync(Guid id) =>
        DbAsync(db => db.Deadlines.AsNoTracking().Where(d => d.DisputeId == id).ToListAsync());

    /// <summary>The party ids of the case, applicant first.</summary>
    public Task<List<Guid>> PartyIdsAsync(Guid id) =>
        DbAsync(db => db.Parties.AsNoTracking().Where(p => p.DisputeId == id).OrderBy(p => p.Role).Select(p => p.Id).ToListAsync());

    public Task<Guid> OrganisationIdAsync(string code) =>
        DbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    /// <summary>Adds a second mediator account to the organisation with <paramref name="code"/>; returns its mediator id.</summary>
    public async Task<Guid> AddMediatorAsync(string userName, string code)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var user = new ApplicationUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Mediator)).Succeeded);
        var mediator = new Mediator
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            OrganisationId = await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync(),
            Name = userName,
            Specialties = ["neighbour"],
        };
        db.Mediators.Add(mediator);
        await db.SaveChangesAsync();
        return mediator.Id;
    }

    public Task<Guid> MediatorIdAsync(string userName) =>
        DbAsync(db => db.Mediators.Where(m => db.Users.Any(u => u.Id == m.UserId && u.UserName == userName)).Select(m => m.Id).SingleAsync());
}
