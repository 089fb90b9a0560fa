using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediation.Api.Auth;
using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Mediation.Api.Tests.Organisations.OrganisationTestSupport;

namespace Mediation.Api.Tests.Organisations;

public sealed class MediatorsApiTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    private const string StrongPassword = "Tiaojie#2026";

    private static List<string> Specialties(params string[] categories) => [.. categories];

    [Fact]
    public async Task List_ShowsSpecialtiesAndLoad_AccountNamesOnlyToTheirAdministrators()
    {
        var village = await OrganisationIdAsync(factory, "150302002001");
        await FileDisputeAsync(await factory.CreateClientForAsync("resident1"), "150302002001");

        var asResident = await ExpectAsync(HttpStatusCode.OK, await factory.CreateClientForAsync("resident1"), HttpMethod.Get, $"/api/organisations/{village}/mediators");
        var asAdmin = await ExpectAsync(HttpStatusCode.OK, await factory.CreateClientForAsync("orgadmin-150302"), HttpMethod.Get, $"/api/organisations/{village}/mediators");
        var asOtherAdmin = await ExpectAsync(HttpStatusCode.OK, await factory.CreateClientForAsync("orgadmin-150303"), HttpMethod.Get, $"/api/organisations/{village}/mediators");

        var mediator = Assert.Single(asResident.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, mediator.GetProperty("userName").ValueKind);
        Assert.Contains("neighbour", mediator.GetProperty("specialties").EnumerateArray().Select(s => s.GetString()));
        Assert.True(mediator.GetProperty("active").GetBoolean());
        Assert.Equal(0, mediator.GetProperty("load").GetInt32());
        Assert.Equal("mediator-150302002001", Assert.Single(asAdmin.EnumerateArray()).GetProperty("userName").GetString());
        Assert.Equal(JsonValueKind.Null, Assert.Single(asOtherAdmin.EnumerateArray()).GetProperty("userName").ValueKind);
    }

    [Fact]
    public async Task Create_ThenSignIn_TheNewAccountIsAMediatorOfTheOrganisation()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150303");
        var village = await OrganisationIdAsync(factory, "150303001002");

        using var response = await SendAsync(admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "mediator-hainan-wang", name = "王芳", password = StrongPassword, specialties = Specialties("family", "neighbour", "family") });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/mediators/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["family", "neighbour"], created.GetProperty("specialties").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("150303001002", created.GetProperty("organisationCode").GetString());
        var mediator = await factory.CreateClientForAsync("mediator-hainan-wang", StrongPassword);
        var list = await ExpectAsync(HttpStatusCode.OK, mediator, HttpMethod.Get, $"/api/organisations/{village}/mediators");
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        await ExpectProblemAsync(HttpStatusCode.Forbidden, mediator, HttpMethod.Post, $"/api/mediators/{id}/deactivate");
    }

    [Theory]
    [InlineData("en", "short", "The password must have at least 8 characters.")]
    [InlineData("en", "alllowercase", "The password must contain at least one upper-case letter.")]
    [InlineData("zh-CN", "NoSymbols2026", "密码须包含至少一个符号（非字母数字）。")]
    [InlineData("zh-CN", "NoDigits!!", "密码须包含至少一个数字。")]
    public async Task Create_WeakPassword_Returns400OnPassword(string language, string password, string expected)
    {
        var admin = await factory.CreateClientForAsync("admin");
        var village = await OrganisationIdAsync(factory, "150303001003");

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = $"weak-{Guid.NewGuid():N}", name = "李雷", password, specialties = Specialties() }, language);

        Assert.Contains(expected, FieldError(problem, "password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadUserNameAndSpecialties_Returns400PerField()
    {
        var admin = await factory.CreateClientForAsync("admin");
        var village = await OrganisationIdAsync(factory, "150303001003");

        var taken = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "resident1", name = "韩梅梅", password = StrongPassword, specialties = Specialties("neighbour", "astrology") }, "en");
        var invalid = await ExpectProblemAsync(HttpStatusCode.BadRequest, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "有 空格", password = StrongPassword }, "zh-CN");

        Assert.Equal("The mediator has errors; see the fields.", taken.GetProperty("title").GetString());
        Assert.Equal("调解员信息有错误，请按字段修改。", invalid.GetProperty("title").GetString());
        Assert.Equal("The user name 'resident1' is already taken.", FieldError(taken, "userName"));
        Assert.StartsWith("Unknown dispute category 'astrology'", FieldError(taken, "specialties[1]"), StringComparison.Ordinal);
        Assert.Contains("用户名“有 空格”无效", FieldError(invalid, "userName"), StringComparison.Ordinal);
        Assert.Equal("必须填写。", FieldError(invalid, "name"));
    }

    [Fact]
    public async Task Create_OutsideSubtree_Returns403()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150302");
        var village = await OrganisationIdAsync(factory, "150303001003");

        await ExpectProblemAsync(HttpStatusCode.Forbidden, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "mediator-outside", name = "外区", password = StrongPassword });
    }

    [Fact]
    public async Task Create_ForAProfessionalBody_BySystemAdmin()
    {
        var admin = await factory.CreateClientForAsync("admin");
        var body = await OrganisationIdAsync(factory, "LAB-1503");

        var created = await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, $"/api/organisations/{body}/mediators",
            new { userName = "mediator-labour-2", name = "劳动调解员二", password = StrongPassword, specialties = Specialties("labour") });
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("orgadmin-150302"), HttpMethod.Post, $"/api/organisations/{body}/mediators",
            new { userName = "mediator-labour-3", name = "劳动调解员三", password = StrongPassword });

        Assert.Equal("LAB-1503", created.GetProperty("organisationCode").GetString());
    }

    [Fact]
    public async Task Update_RenameAndMoveWithinTheDistrict()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150304");
        var from = await OrganisationIdAsync(factory, "150304001001");
        var to = await OrganisationIdAsync(factory, "150304001002");
        var created = await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, $"/api/organisations/{from}/mediators",
            new { userName = "mediator-wuda-zhao", name = "赵敏", password = StrongPassword, specialties = Specialties("debt") });
        var id = created.GetProperty("id").GetGuid();

        var moved = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Put, $"/api/mediators/{id}",
            new { name = "赵敏（调）", specialties = Specialties("debt", "contract"), active = true, organisationId = to });

        Assert.Equal("赵敏（调）", moved.GetProperty("name").GetString());
        Assert.Equal(to, moved.GetProperty("organisationId").GetGuid());
        Assert.Equal(["debt", "contract"], moved.GetProperty("specialties").EnumerateArray().Select(s => s.GetString()));
        var read = await ExpectAsync(HttpStatusCode.OK, await factory.CreateClientForAsync("resident1"), HttpMethod.Get, $"/api/mediators/{id}");
        Assert.Equal("150304001002", read.GetProperty("organisationCode").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("userName").ValueKind);
    }

    [Fact]
    public async Task Update_MoveToAnotherDistrict_Returns403_UnknownOrganisation404()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150304");
        var id = await MediatorIdAsync(factory, "mediator-150304002002");
        var foreign = await OrganisationIdAsync(factory, "150302001001");

        await ExpectProblemAsync(HttpStatusCode.Forbidden, admin, HttpMethod.Put, $"/api/mediators/{id}",
            new { name = "x", specialties = Specialties(), active = true, organisationId = foreign });
        var missing = await ExpectProblemAsync(HttpStatusCode.NotFound, admin, HttpMethod.Put, $"/api/mediators/{id}",
            new { name = "x", specialties = Specialties(), active = true, organisationId = Guid.NewGuid() });

        Assert.False(string.IsNullOrEmpty(FieldError(missing, "organisationId")));
    }

    [Fact]
    public async Task Update_ForeignMediator_Returns403_UnknownMediator404_BadBody400()
    {
        var id = await MediatorIdAsync(factory, "mediator-150302001002");

        await ExpectProblemAsync(HttpStatusCode.Forbidden, await factory.CreateClientForAsync("orgadmin-150303"), HttpMethod.Put, $"/api/mediators/{id}",
            new { name = "x", specialties = Specialties(), active = true, organisationId = Guid.NewGuid() });
        await ExpectProblemAsync(HttpStatusCode.NotFound, await factory.CreateClientForAsync("admin"), HttpMethod.Put, $"/api/mediators/{Guid.NewGuid()}",
            new { name = "x", specialties = Specialties(), active = true });
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, await factory.CreateClientForAsync("orgadmin-150302"), HttpMethod.Put, $"/api/mediators/{id}",
            "{\"name\": \"x\", \"specialties\": \"neighbour\", \"active\": true}", "en");

        Assert.Contains("line 1", FieldError(problem, "specialties"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAndOpenDisputes_BlockDeactivationAndMoves()
    {
        var admin = await factory.CreateClientForAsync("orgadmin-150303");
        var township = await OrganisationIdAsync(factory, "150303002");
        var villageJson = await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, "/api/organisations",
            new { kind = "village", parentId = township, code = "150303002301", name = "西卓子山第301社区", autoAssign = true });
        var village = villageJson.GetProperty("id").GetGuid();
        var mediator = (await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "mediator-301", name = "孙丽", password = StrongPassword, specialties = Specialties("neighbour") })).GetProperty("id").GetGuid();
        await FileDisputeAsync(await factory.CreateClientForAsync("resident1"), "150303002301");

        var list = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Get, $"/api/organisations/{village}/mediators");
        var deactivate = await ExpectProblemAsync(HttpStatusCode.Conflict, admin, HttpMethod.Post, $"/api/mediators/{mediator}/deactivate", language: "en");
        var move = await ExpectProblemAsync(HttpStatusCode.Conflict, admin, HttpMethod.Put, $"/api/mediators/{mediator}",
            new { name = "孙丽", specialties = Specialties("neighbour"), active = true, organisationId = township }, "zh-CN");
        var viaPut = await ExpectProblemAsync(HttpStatusCode.Conflict, admin, HttpMethod.Put, $"/api/mediators/{mediator}",
            new { name = "孙丽", specialties = Specialties("neighbour"), active = false, organisationId = village }, "en");

        Assert.Equal(1, Assert.Single(list.EnumerateArray()).GetProperty("load").GetInt32());
        Assert.Equal("Mediator '孙丽' still has 1 open dispute(s) and cannot be deactivated. Reassign them first.", deactivate.GetProperty("detail").GetString());
        Assert.Equal("调解员“孙丽”还有 1 件未结纠纷，不能调往其他组织。请先改派这些纠纷。", move.GetProperty("detail").GetString());
        Assert.Equal(1, viaPut.GetProperty("openDisputes").GetInt32());
    }

    [Fact]
    public async Task Deactivate_WithoutOpenDisputes_DeactivatesAndTheAccountNoLongerActsAsMediator()
    {
        var admin = await factory.CreateClientForAsync("admin");
        var village = await OrganisationIdAsync(factory, "150304003001");
        var mediator = (await ExpectAsync(HttpStatusCode.Created, admin, HttpMethod.Post, $"/api/organisations/{village}/mediators",
            new { userName = "mediator-leaving", name = "周杰", password = StrongPassword })).GetProperty("id").GetGuid();

        var deactivated = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Post, $"/api/mediators/{mediator}/deactivate");
        var again = await ExpectAsync(HttpStatusCode.OK, admin, HttpMethod.Post, $"/api/mediators/{mediator}/deactivate");

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.False(again.GetProperty("active").GetBoolean());
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var principal = await claims.CreateAsync((await users.FindByNameAsync("mediator-leaving"))!);
        Assert.Null(principal.FindFirst(MediationClaimsFactory.MediatorClaim));
    }
}
