using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Admin;

/// <summary>Who may open the console's pages: visitors are sent to sign in, other roles are refused, administrators get the page.</summary>
[Collection(BrowserTests.Name)]
public sealed class AdminPageAccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/admin/organisations")]
    [InlineData("/admin/calendars")]
    [InlineData("/admin/workflows")]
    [InlineData("/dashboard")]
    public async Task A_visitor_is_sent_to_sign_in(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/account/login\\?returnUrl={Regex.Escape(Uri.EscapeDataString(path))}", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("resident1", "/admin/organisations", false)]
    [InlineData("resident1", "/dashboard", false)]
    [InlineData("mediator-150302001001", "/admin/organisations", false)]
    [InlineData("mediator-150302001001", "/dashboard", false)]
    [InlineData("orgadmin-150302", "/admin/calendars", false)]
    [InlineData("orgadmin-150302", "/admin/workflows", false)]
    [InlineData("orgadmin-150302", "/admin/organisations", true)]
    [InlineData("orgadmin-150302", "/dashboard", true)]
    [InlineData("admin", "/admin/calendars", true)]
    [InlineData("admin", "/admin/workflows", true)]
    [InlineData("admin", "/dashboard", true)]
    public async Task Only_administrators_open_their_pages(string userName, string path, bool allowed)
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, userName);
        await page.GotoAsync(path);

        if (allowed)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
            await Assertions.Expect(page.Locator("h1.app-h1")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        }

        await page.Context.CloseAsync();
    }
}
