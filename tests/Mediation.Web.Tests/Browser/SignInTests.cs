using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser;

[Collection(BrowserTests.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task Chinese_is_the_default_and_a_wrong_password_is_explained()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录调解平台");

        await page.GetByTestId("login-username").FillAsync("resident1");
        await page.GetByTestId("login-password").FillAsync("wrong-password");
        await page.GetByTestId("login-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码不正确。");
        await Screenshots.SaveAsync(page, "sign-in-error-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_resident_lands_on_their_disputes_and_can_switch_to_English()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "resident1");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my/disputes"));
        await page.GotoAsync("/account/denied");
        await Assertions.Expect(page.GetByTestId("nav-file")).ToHaveTextAsync("申请调解");

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-file")).ToHaveTextAsync("File a dispute");
        await Assertions.Expect(page.GetByTestId("nav-workbench")).ToHaveCountAsync(0);

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
