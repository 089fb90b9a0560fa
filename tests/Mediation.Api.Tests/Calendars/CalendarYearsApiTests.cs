using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Tests.Calendars;

/// <summary><c>POST /api/calendars/{name}/years</c>: checked, stored, applied at once, kept across restarts, provisional deadlines recounted.</summary>
public sealed class CalendarYearsApiTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A schedule for <paramref name="year"/>: New Year's Day off 1 to 3 January, the third Saturday of February worked (for 2027: Saturday 20 February).</summary>
    public static string Schedule2027(int year = 2027) => $$"""
        {
          "year": {{year}},
          "source": { "title": "测试用 {{year}} 年节假日安排", "documentNumber": null, "published": "{{year - 1}}-11-01" },
          "holidays": [
            { "name": { "zh-CN": "元旦", "en": "New Year's Day" }, "from": "{{year}}-01-01", "to": "{{year}}-01-03" }
          ],
          "makeUpWorkingDays": [
            { "date": "{{MakeUpDay(year):yyyy-MM-dd}}", "for": { "zh-CN": "春节", "en": "Spring Festival" } }
          ]
        }
        """;

    /// <summary>The third Saturday of February.</summary>
    public static DateOnly MakeUpDay(int year)
    {
        var day = new DateOnly(year, 2, 1);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        return day.AddDays(14);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AddYear_RecountsProvisionalDeadlinesOfOpenCases()
    {
        // Wednesday 30 December 2026: a medical dispute's consent period (5 working days) runs into 2027, not yet on file.
        await using var host = CaseLifeHost.StartingAt(new DateTimeOffset(2026, 12, 30, 9, 30, 0, Beijing));
        var id = await host.FileAsync("medical");
        var before = Assert.Single(await host.DeadlinesAsync(id), d => d.Kind == Mediation.Workflows.Runtime.DeadlineKind.Consent && d.Status == DeadlineStatus.Pending);
        Assert.True(before.Provisional);

        using var admin = await host.ClientAsync("admin");
        using var response = await admin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json(Schedule2027()));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(2027, body.GetProperty("year").GetInt32());
        Assert.Equal(3, body.GetProperty("holidayDays").GetInt32());
        Assert.Contains(2027, body.GetProperty("yearsOnFile").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(1, body.GetProperty("recomputedDisputes").GetInt32());

        // Thu 31 Dec, then (1–3 January off) Mon 4 … Thu 7 January: one day later than counted on weekends alone.
        var after = Assert.Single(await host.DeadlinesAsync(id), d => d.DeadlineId == before.DeadlineId);
        Assert.False(after.Provisional);
        Assert.Equal(DeadlineStatus.Pending, after.Status);
        Assert.Equal(before.DueAt.AddDays(1), after.DueAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 8, 0, 0, 0, Beijing), after.DueAt);
        Assert.Contains("deadlinesRecomputed", await host.TimelineEventsAsync(id));

        // A case filed now counts with the new year from the start.
        var next = await host.FileAsync("medical");
        Assert.DoesNotContain(await host.DeadlinesAsync(next), d => d.Provisional && d.Status == DeadlineStatus.Pending && d.DueAt.Year == 2027);

        var days = await host.GetAsync("admin", "/api/calendars/cn-mainland/days?from=2027-01-01&to=2027-01-01");
        Assert.Equal("holiday", days[0].GetProperty("kind").GetString());
        Assert.False(days[0].GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public async Task AddedYear_SurvivesARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new MediationApiFactory { DataFolder = folder, KeepDataFolder = true })
        {
            using var admin = await first.CreateClientForAsync("admin");
            using var response = await admin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json(Schedule2027(2031)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await using var second = new MediationApiFactory { DataFolder = folder };
        using var client = await second.CreateClientForAsync("resident1");
        var calendars = await client.GetFromJsonAsync<JsonElement>("/api/calendars");
        var mainland = calendars.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cn-mainland");
        Assert.Contains(2031, mainland.GetProperty("yearsOnFile").EnumerateArray().Select(y => y.GetInt32()));
        var day = (await client.GetFromJsonAsync<JsonElement>($"/api/calendars/cn-mainland/days?from={MakeUpDay(2031):yyyy-MM-dd}&to={MakeUpDay(2031):yyyy-MM-dd}"))[0];
        Assert.Equal("makeUpWorkingDay", day.GetProperty("kind").GetString());
        Assert.Equal(1, await second.Services.GetRequiredServiceDb(db => db.CalendarYears.CountAsync(c => c.Year == 2031)));
    }

    [Fact]
    public async Task InvalidSchedule_ProblemsAtTheirJsonPaths_InTheCallersLanguage()
    {
        await using var host = new MediationApiFactory();
        using var admin = await host.CreateClientForAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var json = Schedule2027().Replace("\"to\": \"2027-01-03\"", "\"to\": \"2026-12-31\"", StringComparison.Ordinal)
            .Replace("2027-02-20", "2027-02-22", StringComparison.Ordinal);

        using var response = await admin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.holidays[0].to", out var to), errors.ToString());
        Assert.Contains("2026", to[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("$.makeUpWorkingDays[0].date", out var makeUp), errors.ToString());
        Assert.Contains("Monday", makeUp[0].GetString(), StringComparison.Ordinal);

        using var malformed = await admin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json("{ \"year\": 2027, "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        // Nothing was stored.
        Assert.Equal(0, await host.Services.GetRequiredServiceDb(db => db.CalendarYears.CountAsync()));
    }

    [Fact]
    public async Task YearOnFile_NaturalCalendar_UnknownCalendar_AreRefused()
    {
        await using var host = new MediationApiFactory();
        using var admin = await host.CreateClientForAsync("admin");

        using var onFile = await admin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json(Schedule2027(2026)));
        Assert.Equal(HttpStatusCode.Conflict, onFile.StatusCode);
        Assert.Contains("2026", (await onFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var natural = await admin.PostAsync(new Uri("/api/calendars/natural/years", UriKind.Relative), Json(Schedule2027()));
        Assert.Equal(HttpStatusCode.BadRequest, natural.StatusCode);

        using var unknown = await admin.PostAsync(new Uri("/api/calendars/mars/years", UriKind.Relative), Json(Schedule2027()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var districtAdmin = await host.CreateClientForAsync("orgadmin-150302");
        using var forbidden = await districtAdmin.PostAsync(new Uri("/api/calendars/cn-mainland/years", UriKind.Relative), Json(Schedule2027()));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

internal static class ServiceProviderDb
{
    public static async Task<T> GetRequiredServiceDb<T>(this IServiceProvider services, Func<Mediation.Api.Data.MediationDbContext, Task<T>> action)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(services);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Mediation.Api.Data.MediationDbContext>(scope.ServiceProvider);
        return await action(db);
    }
}
