using System.Net;
using System.Net.Http.Json;

namespace Mediation.Web.Tests.Browser.Resident;

/// <summary>Who may open the resident pages: visitors are sent to sign in, staff are refused, residents get the page.</summary>
[Collection(BrowserTests.Name)]
public sealed class ResidentPageAccessTests(WebAppFixture app)
{
    public static TheoryData<string> ResidentRoutes() => new() { "/my/disputes", "/file", $"/my/disputes/{Guid.NewGuid()}" };

    [Theory]
    [MemberData(nameof(ResidentRoutes))]
    public async Task A_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to(string route)
    {
        using var client = await ClientAsync(null);

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/login?", location, StringComparison.Ordinal);
        Assert.Contains("eturnUrl=" + Uri.EscapeDataString(route), location, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResidentRoutes))]
    public async Task A_mediator_is_refused(string route)
    {
        using var client = await ClientAsync("mediator-150302001001");

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/my/disputes", "data-testid=\"file-new\"")]
    [InlineData("/file", "data-testid=\"filing-form\"")]
    public async Task A_resident_gets_the_page(string route, string marker)
    {
        using var client = await ClientAsync("resident2");

        using var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_residents_dispute_is_not_shown()
    {
        var api = new ResidentApi(app.BaseAddress);
        using var owner = await api.SignInAsync("resident1");
        var id = await ResidentApi.FileAsync(owner, $"他人的纠纷 {Guid.NewGuid():N}");
        using var client = await ClientAsync("resident2");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/my/disputes/{id}"));

        Assert.Contains("data-testid=\"dispute-not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("找不到该纠纷", html, StringComparison.Ordinal);
        Assert.DoesNotContain("他人的纠纷", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_page_is_open_to_visitors()
    {
        using var client = await ClientAsync(null);

        using var response = await client.GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"register-submit\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in with the web cookie when a user is given.</summary>
    private async Task<HttpClient> ClientAsync(string? userName)
    {
#pragma warning disable CA2000 // The client owns the handler.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }, disposeHandler: true) { BaseAddress = app.BaseAddress };
#pragma warning restore CA2000
        if (userName is not null)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password = WebAppFixture.DemoPassword });
            response.EnsureSuccessStatusCode();
        }

        return client;
    }
}
