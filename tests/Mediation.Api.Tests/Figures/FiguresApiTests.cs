using System.Net;
using System.Text;
using System.Text.Json;
using Mediation.Api.Data.Entities;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.EntityFrameworkCore;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Figures;

/// <summary>
/// The dashboard's figures from known data: four disputes filed through the API in March 2026 in district 150302 and
/// taken through their lives on a moving clock, then every figure of docs/figures.md asserted.
/// A — taken up, oral agreement at the village the next day (1 working day); B — withdrawn the day it was filed
/// (0 working days); E — the village missed take-up, the township agreed on Friday (4 working days, late);
/// D — the village missed take-up, still open at the township: overdue.
/// </summary>
public sealed class FiguresApiTests(FiguresApiTests.Fixture fixture) : IClassFixture<FiguresApiTests.Fixture>
{
    private readonly CaseLifeHost _host = fixture.Host;
    private readonly Guid _a = fixture.A;
    private readonly Guid _b = fixture.B;
    private readonly Guid _d = fixture.D;
    private readonly Guid _e = fixture.E;

    /// <summary>The host with the four disputes lived through once for the whole class.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

        public CaseLifeHost Host { get; } = new();

        public Guid A { get; private set; }

        public Guid B { get; private set; }

        public Guid D { get; private set; }

        public Guid E { get; private set; }

        public async Task InitializeAsync()
        {
            A = await Host.FileAsync();
            B = await Host.FileAsync();
            D = await Host.FileAsync();
            E = await Host.FileAsync();
            await Host.ActAsync(VillageMediator, A, "take-up");
            await Host.ActAsync(VillageMediator, B, "take-up");
            await Host.ActAsync(Applicant, B, "withdraw");

            await Host.MoveToAsync(new DateTimeOffset(2026, 3, 3, 10, 0, 0, Beijing));
            await Host.ActAsync(VillageMediator, A, "oral-agreement", new { content = "被申请人当日清理楼道杂物" });

            // Thursday 5 March 24:00 the village's take-up deadline of D and E passes: both go to the township.
            await Host.MoveToAsync(new DateTimeOffset(2026, 3, 6, 10, 0, 0, Beijing));
            await Host.ActAsync(TownshipMediator, E, "take-up");
            await Host.ActAsync(TownshipMediator, E, "oral-agreement", new { content = "双方同意各自承担一半维修费用" });

            // Two ratings in March: 5 on A, 3 on E.
            await Host.DbAsync(async db =>
            {
                var resident = await db.Users.SingleAsync(u => u.UserName == Applicant);
                db.ServiceRatings.Add(new ServiceRating { Id = Guid.NewGuid(), DisputeId = A, UserId = resident.Id, Score = 5, RatedAt = Host.Now });
                db.ServiceRatings.Add(new ServiceRating { Id = Guid.NewGuid(), DisputeId = E, UserId = resident.Id, Score = 3, RatedAt = Host.Now });
                await db.SaveChangesAsync();
                return 0;
            });
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task Summary_ForMarch_CountsEachFigureAsDefined()
    {
        var summary = await _host.GetAsync(DistrictAdmin, "/api/figures/summary?from=2026-03-01&to=2026-03-31");

        Assert.Equal("150302", summary.GetProperty("areaCode").GetString());
        Assert.Equal("海勃湾区", summary.GetProperty("areaName").GetString());
        Assert.Equal(4, summary.GetProperty("filed").GetInt32());
        Assert.Equal(3, summary.GetProperty("concluded").GetInt32());
        Assert.Equal(2, summary.GetProperty("resolved").GetInt32());
        Assert.Equal(2.0 / 3, summary.GetProperty("resolutionRate").GetDouble(), 6);
        var tiers = summary.GetProperty("resolvedByTier").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("resolved").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["village"] = 1, ["township"] = 1, ["district"] = 0, ["professionalBody"] = 0 }, tiers);
        Assert.Equal(0.5, summary.GetProperty("resolvedByTier")[0].GetProperty("share").GetDouble(), 6);
        Assert.Equal(2, summary.GetProperty("onTime").GetInt32());
        Assert.Equal(2.0 / 3, summary.GetProperty("onTimeRate").GetDouble(), 6);
        Assert.Equal((1 + 0 + 4) / 3.0, summary.GetProperty("averageWorkingDays").GetDouble(), 6);
        Assert.Equal(1, summary.GetProperty("overdue").GetInt32());

        var satisfaction = summary.GetProperty("satisfaction");
        Assert.Equal(2, satisfaction.GetProperty("ratings").GetInt32());
        Assert.Equal(4.0, satisfaction.GetProperty("average").GetDouble(), 6);
        Assert.Equal(0.5, satisfaction.GetProperty("satisfiedShare").GetDouble(), 6);
        Assert.Equal([0, 0, 1, 0, 1], satisfaction.GetProperty("distribution").EnumerateArray().Select(d => d.GetInt32()).ToArray());

        var neighbour = Assert.Single(summary.GetProperty("categories").EnumerateArray());
        Assert.Equal("neighbour", neighbour.GetProperty("category").GetString());
        Assert.Equal((4, 3, 2), (neighbour.GetProperty("filed").GetInt32(), neighbour.GetProperty("concluded").GetInt32(), neighbour.GetProperty("resolved").GetInt32()));
    }

    [Theory]
    [InlineData("filed", "A B D E")]
    [InlineData("concluded", "A B E")]
    [InlineData("resolved", "A E")]
    [InlineData("village", "A")]
    [InlineData("township", "E")]
    [InlineData("district", "")]
    [InlineData("onTime", "A B")]
    [InlineData("late", "E")]
    [InlineData("overdue", "D")]
    public async Task Cases_DrillDownToTheCasesBehindEachFigure(string set, string expected)
    {
        var cases = await _host.GetAsync(DistrictAdmin, $"/api/figures/cases?from=2026-03-01&to=2026-03-31&set={set}");

        var names = new Dictionary<Guid, string> { [_a] = "A", [_b] = "B", [_d] = "D", [_e] = "E" };
        Assert.Equal(expected, string.Join(' ', cases.EnumerateArray().Select(c => names[c.GetProperty("id").GetGuid()]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Cases_CarryOutcomeWorkingDaysAndTier_NoPartyData()
    {
        var cases = await _host.GetAsync(DistrictAdmin, "/api/figures/cases?from=2026-03-01&to=2026-03-31&set=concluded");
        var byId = cases.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetGuid());

        Assert.Equal(("agreement", 1, true, "village"), Row(byId[_a]));
        Assert.Equal(("withdrawal", 0, true, "village"), Row(byId[_b]));
        Assert.Equal(("agreement", 4, false, "township"), Row(byId[_e]));
        Assert.DoesNotContain("张伟", cases.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("案情描述", cases.ToString(), StringComparison.Ordinal);

        var overdue = Assert.Single((await _host.GetAsync(DistrictAdmin, "/api/figures/cases?set=overdue&from=2026-03-01&to=2026-03-31")).EnumerateArray());
        Assert.True(overdue.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("concludedAt").ValueKind);
        Assert.Equal("150302001", await _host.DbAsync(db => db.Organisations.Where(o => o.Name == overdue.GetProperty("organisationName").GetString()).Select(o => o.Code).SingleAsync()));

        static (string?, int, bool, string?) Row(JsonElement c) => (
            c.GetProperty("outcome").GetString(), c.GetProperty("workingDays").GetInt32(), c.GetProperty("onTime").GetBoolean(), c.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Summary_OtherPeriod_CountsNothingFiledOrConcluded_ButOverdueIsAsOfNow()
    {
        var april = await _host.GetAsync(DistrictAdmin, "/api/figures/summary?from=2026-04-01&to=2026-04-30");

        Assert.Equal(0, april.GetProperty("filed").GetInt32());
        Assert.Equal(0, april.GetProperty("concluded").GetInt32());
        Assert.Equal(JsonValueKind.Null, april.GetProperty("resolutionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, april.GetProperty("averageWorkingDays").ValueKind);
        Assert.Equal(0, april.GetProperty("satisfaction").GetProperty("ratings").GetInt32());
        Assert.Equal(1, april.GetProperty("overdue").GetInt32());
    }

    [Fact]
    public async Task Area_ScopedToTheAdministrator()
    {
        var other = await _host.GetAsync("orgadmin-150303", "/api/figures/summary?from=2026-03-01&to=2026-03-31");
        Assert.Equal("150303", other.GetProperty("areaCode").GetString());
        Assert.Equal(0, other.GetProperty("filed").GetInt32());
        Assert.Equal(0, other.GetProperty("overdue").GetInt32());

        var village = await _host.GetAsync("admin", "/api/figures/summary?from=2026-03-01&to=2026-03-31&area=150302001001");
        Assert.Equal(4, village.GetProperty("filed").GetInt32());
        var everything = await _host.GetAsync("admin", "/api/figures/summary?from=2026-03-01&to=2026-03-31");
        Assert.Equal(JsonValueKind.Null, everything.GetProperty("areaCode").ValueKind);
        Assert.Equal(4, everything.GetProperty("filed").GetInt32());

        using var client = await _host.ClientAsync("orgadmin-150303", "en");
        using var response = await client.GetAsync(new Uri("/api/figures/summary?area=150302", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("outside the area you oversee", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_AreProblemsPerField()
    {
        using var client = await _host.ClientAsync(DistrictAdmin);
        using var reversed = await client.GetAsync(new Uri("/api/figures/summary?from=2026-03-31&to=2026-03-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        var problem = JsonDocument.Parse(await reversed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("结束日期不能早于开始日期。", problem.GetProperty("errors").GetProperty("to")[0].GetString());

        using var unknown = await client.GetAsync(new Uri("/api/figures/cases?set=everything", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("set", out _));

        using var area = await client.GetAsync(new Uri("/api/figures/summary?area=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, area.StatusCode);
    }

    [Fact]
    public async Task Csv_ListsTheSameCasesWithLocalisedHeaders()
    {
        using var client = await _host.ClientAsync(DistrictAdmin);
        using var response = await client.GetAsync(new Uri("/api/figures/cases.csv?from=2026-03-01&to=2026-03-31&set=resolved", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("案件编号,纠纷类别,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var references = await _host.DbAsync(db => db.Disputes.Where(d => d.Id == _a || d.Id == _e).Select(d => d.Reference).ToListAsync());
        foreach (var reference in references)
        {
            Assert.Contains(lines, l => l.StartsWith(reference + ",neighbour,150302001001,", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains(",agreement,0,4,", StringComparison.Ordinal));
    }
}
