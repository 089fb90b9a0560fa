using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Tests.Disputes.Actions;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes;

/// <summary>Minutes of mediation sessions: <c>GET/POST /api/disputes/{id}/sessions</c>.</summary>
public sealed class SessionsApiTests
{
    private static object Minutes(DateTimeOffset heldAt, string result = "双方同意三日后再次协商赔偿数额") => new
    {
        heldAt,
        place = "新华第1社区人民调解室",
        attendees = "申请人张伟、被申请人王芳、调解员",
        discussion = "双方陈述装修噪音的起止时间和影响；被申请人愿意调整施工时间。",
        result,
    };

    [Fact]
    public async Task The_case_mediator_records_sessions_which_the_parties_and_staff_read_in_the_order_held()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        await host.MoveToAsync(host.Now.AddDays(2));

        var second = host.Now.AddHours(-1);
        var first = host.Now.AddDays(-1);
        var (status, created) = await PostAsync(host, VillageMediator, id, Minutes(second, "约定下周签订协议"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("village", created.GetProperty("stepId").GetString());
        Assert.Equal("约定下周签订协议", created.GetProperty("result").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("recordedBy").GetString()));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(host, VillageMediator, id, Minutes(first))).Status);

        foreach (var reader in new[] { Applicant, DistrictAdmin, VillageMediator })
        {
            var list = (await host.GetAsync(reader, $"/api/disputes/{id}/sessions")).EnumerateArray().ToList();
            Assert.Equal(2, list.Count);
            Assert.Equal(first, list[0].GetProperty("heldAt").GetDateTimeOffset());
            Assert.Equal("约定下周签订协议", list[1].GetProperty("result").GetString());
        }

        Assert.Equal(2, (await host.TimelineEventsAsync(id)).Count(e => e == "sessionRecorded"));
    }

    [Fact]
    public async Task Only_the_case_mediator_records_and_only_while_the_case_is_taken_up_and_open()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var minutes = Minutes(host.Now);

        var (queued, problem) = await PostAsync(host, VillageMediator, id, minutes);
        Assert.Equal(HttpStatusCode.Conflict, queued);
        Assert.Equal("SessionNotInMediation", problem.GetProperty("code").GetString());

        await host.ActAsync(VillageMediator, id, "take-up");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(host, Applicant, id, minutes)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(host, DistrictAdmin, id, minutes)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(host, MedicalMediator, id, minutes)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(host, Applicant, Guid.NewGuid(), minutes)).Status);

        await host.ActAsync(VillageMediator, id, "oral-agreement", new { content = "被申请人当日清理楼道杂物" });
        await host.ActAsync(VillageMediator, id, "performed");
        var (closed, closedProblem) = await PostAsync(host, VillageMediator, id, minutes);
        Assert.Equal(HttpStatusCode.Conflict, closed);
        Assert.Equal("SessionNotInMediation", closedProblem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Bad_minutes_are_refused_field_by_field_in_the_callers_language()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");

        var (empty, errors) = await PostAsync(host, VillageMediator, id, new { place = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        var fields = errors.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["attendees", "discussion", "heldAt", "place", "result"], fields);

        var (future, futureErrors) = await PostAsync(host, VillageMediator, id, Minutes(host.Now.AddHours(1)));
        Assert.Equal(HttpStatusCode.BadRequest, future);
        Assert.Equal("调解时间不能晚于当前时间。", futureErrors.GetProperty("errors").GetProperty("heldAt")[0].GetString());

        var (early, earlyErrors) = await PostAsync(host, VillageMediator, id, Minutes(host.Now.AddDays(-30)), "en");
        Assert.Equal(HttpStatusCode.BadRequest, early);
        Assert.Equal("The session cannot be held before the dispute was filed.", earlyErrors.GetProperty("errors").GetProperty("heldAt")[0].GetString());

        Assert.Empty((await host.GetAsync(VillageMediator, $"/api/disputes/{id}/sessions")).EnumerateArray());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(CaseLifeHost host, string userName, Guid id, object body, string? language = null)
    {
        using var client = await host.ClientAsync(userName, language);
        using var response = await client.PostAsJsonAsync($"/api/disputes/{id}/sessions", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
