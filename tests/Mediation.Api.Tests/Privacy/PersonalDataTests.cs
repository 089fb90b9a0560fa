using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Tests.Court;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Privacy;

/// <summary>Masking in every list and view, the full-details read and its access log, through the API.</summary>
public sealed class PersonalDataTests
{
    internal const string ApplicantPhone = "13812345678";
    internal const string ApplicantId = "150302198503141234";
    internal const string RespondentPhone = "13987654321";
    internal const string RespondentId = "11010519491231002X";
    internal static readonly string[] FullNumbers = [ApplicantPhone, ApplicantId, RespondentPhone, RespondentId];

    [Fact]
    public async Task ListsViewsTimelineOutcomesAndJudicialConfirmation_NeverShowFullNumbers()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = JudicialConfirmationTests.Host(court);
        var id = await JudicialConfirmationTests.AgreementInForceAsync(host);
        await host.ActAsync(Applicant, id, "judicial-confirmation/consent");

        foreach (var user in new[] { Applicant, Respondent, VillageMediator, DistrictAdmin, "admin" })
        {
            foreach (var url in new[]
            {
                "/api/disputes", $"/api/disputes?q={Uri.EscapeDataString("案情")}", $"/api/disputes/{id}", $"/api/disputes/{id}/timeline",
                $"/api/disputes/{id}/outcomes", $"/api/disputes/{id}/judicial-confirmation",
            })
            {
                var text = (await host.GetAsync(user, url)).GetRawText();
                foreach (var number in FullNumbers)
                {
                    Assert.False(text.Contains(number, StringComparison.Ordinal), $"{user} {url} shows {number}: {text}");
                }
            }
        }

        var list = await host.GetAsync("admin", "/api/disputes");
        var parties = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id).GetProperty("parties");
        Assert.Equal("138****5678", parties[0].GetProperty("phone").GetString());
        Assert.Equal("150302********1234", parties[0].GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task StaffOpenFullDetails_WithAReason_OneAccessLogEntry_AdminsFindIt_OthersCannot()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var parties = await host.PartyIdsAsync(id);
        var url = $"/api/disputes/{id}/parties/{parties[1]}/full-details";

        using var mediator = await host.ClientAsync(VillageMediator);
        using var response = await mediator.PostAsJsonAsync(url, new { reason = "电话通知被申请人调解时间" });
        var details = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, details.ToString());
        Assert.Equal(RespondentPhone, details.GetProperty("phone").GetString());
        Assert.Equal(RespondentId, details.GetProperty("idNumber").GetString());
        Assert.Equal("王芳", details.GetProperty("name").GetString());

        var entries = await host.DbAsync(db => db.PersonalDataAccessLog.AsNoTracking().ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(id, entry.DisputeId);
        Assert.Equal(parties[1], entry.PartyId);
        Assert.Equal("电话通知被申请人调解时间", entry.Reason);
        Assert.Equal("mediator", entry.ActorRole);
        Assert.Equal(host.Now, entry.At);
        Assert.Equal(details.GetProperty("accessLogId").GetInt64(), entry.Id);

        // The system admin and the district's admin find it by user, by case and by party; another district's admin does not.
        foreach (var query in new[] { $"userName={VillageMediator}", $"disputeId={id}", $"partyId={parties[1]}", $"reference={entry.DisputeReference}", "" })
        {
            foreach (var admin in new[] { "admin", DistrictAdmin })
            {
                var page = await host.GetAsync(admin, $"/api/personal-data/access-log?{query}");
                var found = Assert.Single(page.GetProperty("items").EnumerateArray());
                Assert.Equal(VillageMediator, found.GetProperty("actorUserName").GetString());
                Assert.Equal("电话通知被申请人调解时间", found.GetProperty("reason").GetString());
                Assert.Equal(1, page.GetProperty("total").GetInt32());
            }
        }

        Assert.Equal(0, (await host.GetAsync("admin", $"/api/personal-data/access-log?userName={DistrictAdmin}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await host.GetAsync("admin", $"/api/personal-data/access-log?from={Uri.EscapeDataString(host.Now.AddSeconds(1).ToString("O"))}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await host.GetAsync("orgadmin-150303", "/api/personal-data/access-log")).GetProperty("total").GetInt32());

        foreach (var user in new[] { VillageMediator, Applicant, Respondent })
        {
            using var client = await host.ClientAsync(user);
            using var search = await client.GetAsync(new Uri("/api/personal-data/access-log", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, search.StatusCode);
        }

        // Residents cannot open full details (not even their own party's record here); nothing more is logged.
        using var resident = await host.ClientAsync(Applicant);
        using var forbidden = await resident.PostAsJsonAsync(url, new { reason = "查看对方联系方式" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await host.DbAsync(db => db.PersonalDataAccessLog.CountAsync()));
    }

    [Fact]
    public async Task FullDetails_WithoutAReason_IsAFieldError_InBothLanguages_AndNotLogged()
    {
        await using var host = new CaseLifeHost();
        var id = await host.FileAsync();
        var parties = await host.PartyIdsAsync(id);

        foreach (var (language, expected) in new[] { ("zh-CN", "理由"), ("en", "reason") })
        {
            using var client = await host.ClientAsync(VillageMediator, language);
            using var response = await client.PostAsJsonAsync($"/api/disputes/{id}/parties/{parties[0]}/full-details", new { reason = " " });
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        }

        using var other = await host.ClientAsync("mediator-150303001001");
        using var hidden = await other.PostAsJsonAsync($"/api/disputes/{id}/parties/{parties[0]}/full-details", new { reason = "核实身份信息" });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(0, await host.DbAsync(db => db.PersonalDataAccessLog.CountAsync()));
    }

    [Fact]
    public async Task AccessLogSearch_BadPaging_IsAFieldError()
    {
        await using var host = new CaseLifeHost();
        using var admin = await host.ClientAsync("admin");
        using var response = await admin.GetAsync(new Uri("/api/personal-data/access-log?page=0&pageSize=500", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }
}
