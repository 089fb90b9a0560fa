using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Mediation.Api.Tests.Organisations.OrganisationTestSupport;

namespace Mediation.Api.Tests.Auth;

/// <summary><c>POST /api/auth/register</c>: residents create their own account, with field errors in zh-CN and en.</summary>
public sealed class RegistrationTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    private static object Body(string userName, string mobile, string password = "Resident#2026", string displayName = "王芳") =>
        new { userName, displayName, mobile, password };

    [Fact]
    public async Task Register_CreatesAResident_WhoSignsInAndFiles_ButIsNotStaff()
    {
        using var anonymous = factory.CreateClient();
        var created = await ExpectAsync(HttpStatusCode.Created, anonymous, HttpMethod.Post, "/api/auth/register", Body("wangfang-reg1", "13912340001"));
        Assert.Equal("wangfang-reg1", created.GetProperty("userName").GetString());
        Assert.Equal("王芳", created.GetProperty("displayName").GetString());
        Assert.Equal("139****0001", created.GetProperty("mobile").GetString());

        using var resident = await factory.CreateClientForAsync("wangfang-reg1", "Resident#2026");
        var id = await FileDisputeAsync(resident);
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/disputes");
        Assert.Equal(id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await ExpectProblemAsync(HttpStatusCode.Forbidden, resident, HttpMethod.Post, "/api/workflows/land-contract/drafts/publish");
    }

    [Fact]
    public async Task Register_ReportsEveryFieldInChinese()
    {
        using var anonymous = factory.CreateClient();
        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, anonymous, HttpMethod.Post, "/api/auth/register",
            new { userName = "有 空格", displayName = "", mobile = "12345", password = "short" });

        Assert.Equal("注册信息有误，请按提示修改。", problem.GetProperty("title").GetString());
        Assert.Contains("用户名", FieldError(problem, "userName"), StringComparison.Ordinal);
        Assert.Equal("必须填写。", FieldError(problem, "displayName"));
        Assert.Contains("手机号码格式不正确", FieldError(problem, "mobile"), StringComparison.Ordinal);
        var password = FieldError(problem, "password");
        Assert.Contains("密码至少 8 位", password, StringComparison.Ordinal);
        Assert.Contains("数字", password, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InEnglish_AndTakenNameAndMobile_AreRefused()
    {
        using var anonymous = factory.CreateClient();
        await ExpectAsync(HttpStatusCode.Created, anonymous, HttpMethod.Post, "/api/auth/register", Body("liming-reg2", "13912340002"));

        var problem = await ExpectProblemAsync(HttpStatusCode.BadRequest, anonymous, HttpMethod.Post, "/api/auth/register", Body("liming-reg2", "13912340002"), language: "en");

        Assert.Equal("The registration has errors; please correct the fields shown.", problem.GetProperty("title").GetString());
        Assert.Equal("This mobile number is already registered; please sign in.", FieldError(problem, "mobile"));
        Assert.Contains("liming-reg2", FieldError(problem, "userName"), StringComparison.Ordinal);

        var missing = await ExpectProblemAsync(HttpStatusCode.BadRequest, anonymous, HttpMethod.Post, "/api/auth/register", new { }, language: "en");
        foreach (var field in new[] { "userName", "displayName", "mobile", "password" })
        {
            Assert.Equal("This field is required.", FieldError(missing, field));
        }
    }
}
