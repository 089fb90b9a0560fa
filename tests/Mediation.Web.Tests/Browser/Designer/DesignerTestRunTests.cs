using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Designer;

/// <summary>The designer's test run and live validation, on the medical workflow (nothing is saved).</summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerTestRunTests(WebAppFixture app)
{
    [Fact]
    public async Task A_test_run_simulates_a_scripted_dispute_and_highlights_its_path()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/workflows/medical/designer");
        var board = page.GetByTestId("canvas");
        await Assertions.Expect(board.Locator("g.x6-node[data-cell-id='committee']")).ToBeVisibleAsync();

        await page.GetByTestId("tab-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("simulation-script")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"category\": \"medical\""));
        await page.GetByTestId("simulation-run").ClickAsync();

        await Assertions.Expect(page.GetByTestId("simulation-path")).ToContainTextAsync("committee → referred-litigation");
        Assert.True(await page.GetByTestId("simulation-entry").CountAsync() >= 3);
        await Assertions.Expect(board.Locator("g.x6-node[data-cell-id='committee'] rect")).ToHaveAttributeAsync("stroke", "#ef6c00");
        await Screenshots.SaveAsync(page, "designer-test-run");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_broken_deadline_shows_on_its_node_in_the_list_and_blocks_publishing_until_undone()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/workflows/medical/designer");
        var committee = page.GetByTestId("canvas").Locator("g.x6-node[data-cell-id='committee']");
        await Assertions.Expect(committee).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("designer-publish")).ToBeEnabledAsync();

        await committee.ClickAsync();
        await page.GetByTestId("step-resolution-within").FillAsync("thirty days");
        await page.GetByTestId("step-resolution-within").PressAsync("Tab");

        await Assertions.Expect(committee).ToContainTextAsync("⚠ 1");
        await Assertions.Expect(page.GetByTestId("step-issue")).ToContainTextAsync("$.steps[0].resolution.within");
        await Assertions.Expect(page.GetByTestId("designer-publish")).ToBeDisabledAsync();
        await page.GetByTestId("tab-issues").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=issue][data-code=BadDuration]")).ToHaveAttributeAsync("data-step", "committee");

        await page.GetByTestId("designer-undo").ClickAsync();
        await Assertions.Expect(page.GetByTestId("issues-none")).ToBeVisibleAsync();
        await Assertions.Expect(committee).Not.ToContainTextAsync("⚠");
        await Assertions.Expect(page.GetByTestId("designer-publish")).ToBeEnabledAsync();
        await page.Context.CloseAsync();
    }
}
