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

    [Fact]
    public async Task A_definition_is_exported_and_imported_as_JSON()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/workflows/medical/designer");
        await Assertions.Expect(page.GetByTestId("canvas").Locator("g.x6-node[data-cell-id='committee']")).ToBeVisibleAsync();
        await page.GetByTestId("tab-json").ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("json-export").ClickAsync());
        Assert.Equal("medical.json", download.SuggestedFilename);
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("medical", exported["key"]!.GetValue<string>());
        Assert.NotNull(exported["layout"]!["nodes"]!["committee"]);

        exported["steps"]![0]!["name"]!["zh-CN"] = "医调委调解（导入）";
        var file = Path.Combine(Path.GetTempPath(), $"designer-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, exported.ToJsonString());
        try
        {
            await page.GetByTestId("json-import").SetInputFilesAsync(file);
            await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已导入");
            await Assertions.Expect(page.GetByTestId("canvas").Locator("g.x6-node[data-cell-id='committee']")).ToContainTextAsync("医调委调解（导入）");

            await page.GetByTestId("json-import").SetInputFilesAsync(new FilePayload
            {
                Name = "broken.json",
                MimeType = "application/json",
                Buffer = System.Text.Encoding.UTF8.GetBytes("""{ "key": "medical", "steps": [ { "id": "x", "kind": "terminal", "takeup": 1 } ] }"""),
            });
            await Assertions.Expect(page.GetByTestId("import-issue")).ToContainTextAsync("$.steps[0].takeup");
        }
        finally
        {
            File.Delete(file);
        }

        await page.Context.CloseAsync();
    }
}
