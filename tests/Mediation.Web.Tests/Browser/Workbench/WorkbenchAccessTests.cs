using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Workbench;

/// <summary>The workbench pages are for mediators and organisation admins.</summary>
[Collection(BrowserTests.Name)]
public sealed class WorkbenchAccessTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/workbench")]
    [InlineData("/workbench/cases/6b1f0e3c-7a1e-4c55-9a57-1b0f7d9e2c11")]
    [InlineData("/workbench/cases/6b1f0e3c-7a1e-4c55-9a57-1b0f7d9e2c11/agreements/0e9d7c1b-2222-4c55-9a57-1b0f7d9e2c11/print")]
    public async Task A_visitor_is_sent_to_sign_in_and_comes_back(string path)
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(path);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=" + Regex.Escape(Uri.EscapeDataString(path)), RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_resident_is_denied_and_an_organisation_admin_sees_the_queue()
    {
        var resident = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(resident, "resident1");
        await resident.GotoAsync("/workbench");
        await Assertions.Expect(resident).ToHaveURLAsync(new Regex("/account/denied"));
        await resident.Context.CloseAsync();

        var admin = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(admin, "orgadmin-150302");
        await admin.GotoAsync("/workbench");
        await Assertions.Expect(admin.GetByTestId("queue-heading")).ToHaveTextAsync("本单位待办案件");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_case_the_mediator_may_not_see_reads_as_not_found()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "mediator-medical");

        await page.GotoAsync($"/workbench/cases/{Guid.NewGuid()}");

        await Assertions.Expect(page.GetByTestId("case-not-found")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
