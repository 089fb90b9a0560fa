using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Designer;

/// <summary>Who may open the designer: system administrators only.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class DesignerAccessTests(WebAppFixture app)
{
    private const string Designer = "/admin/workflows/medical/designer";

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_comes_back_to_the_designer()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(Designer);

        await Assertions.Expect(page).ToHaveURLAsync(LoginWithReturnUrl());
        await page.GetByTestId("login-username").FillAsync("admin");
        await page.GetByTestId("login-password").FillAsync(WebAppFixture.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Designer) + "$"));
        await Assertions.Expect(page.GetByTestId("canvas").Locator("g.x6-node[data-cell-id='committee']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("resident1")]
    [InlineData("mediator-150302001001")]
    [InlineData("orgadmin-150302")]
    public async Task Other_roles_are_denied(string userName)
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, userName);

        await page.GotoAsync(Designer);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
        await Assertions.Expect(page.GetByTestId("designer")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_workflow_is_explained()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");

        await page.GotoAsync("/admin/workflows/no-such-workflow/designer");

        await Assertions.Expect(page.GetByTestId("designer-not-found")).ToContainTextAsync("no-such-workflow");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/account/login\\?returnUrl=%2Fadmin%2Fworkflows%2Fmedical%2Fdesigner", RegexOptions.IgnoreCase)]
    private static partial Regex LoginWithReturnUrl();
}
