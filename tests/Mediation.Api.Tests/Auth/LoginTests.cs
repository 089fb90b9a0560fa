using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Auth;

public sealed class LoginTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("resident1")]
    [InlineData("resident2")]
    [InlineData("mediator-150302001001")]
    [InlineData("mediator-medical")]
    [InlineData("orgadmin-150302")]
    public async Task Login_DemoAccount_ReturnsBearerToken(string userName)
    {
        var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = MediationApiFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Login_WrongPassword_Returns401Problem()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "resident1", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The user name or password is wrong.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DemoCity_HasTheSeedsSize()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Mediation.Api.Data.MediationDbContext>();

        var kinds = db.Organisations.AsEnumerable().GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, kinds[Mediation.Api.Data.Entities.OrganisationKind.District]);
        Assert.Equal(20, kinds[Mediation.Api.Data.Entities.OrganisationKind.Township]);
        Assert.Equal(83, kinds[Mediation.Api.Data.Entities.OrganisationKind.Village]);
        Assert.Equal(3, kinds[Mediation.Api.Data.Entities.OrganisationKind.ProfessionalBody]);
    }
}
