using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Designer;

/// <summary>
/// An administrator changes the general civil workflow by drawing it: shortens the village take-up deadline, drags a
/// new end step from the palette and connects it, publishes. A dispute filed afterwards runs on the new version; one
/// filed before stays on the old one. This is the only browser test that publishes general-civil.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerBrowserTests(WebAppFixture app)
{
    [Fact]
    public async Task Admin_changes_the_general_workflow_in_the_designer_and_only_new_disputes_follow_it()
    {
        using var resident = await ApiClientAsync("resident1");
        var before = await FileAsync(resident);
        var oldVersion = before.GetProperty("workflow").GetProperty("version").GetInt32();
        Assert.Equal("general-civil", before.GetProperty("workflow").GetProperty("key").GetString());

        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/workflows/general-civil/designer");
        var board = page.GetByTestId("canvas");
        var village = board.Locator("g.x6-node[data-cell-id='village']");
        await Assertions.Expect(village).ToBeVisibleAsync();

        // Shorten the village take-up deadline in the property panel.
        await village.ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-panel")).ToHaveAttributeAsync("data-step", "village");
        await Assertions.Expect(page.GetByTestId("step-takeup-within")).ToHaveValueAsync("P3D");
        await page.GetByTestId("step-takeup-within").FillAsync("P2D");
        await page.GetByTestId("step-takeup-within").PressAsync("Tab");
        await Assertions.Expect(village).ToContainTextAsync("P2D");

        // Drag an end step from the palette onto an empty part of the canvas.
        var canvas = await page.GetByTestId("canvas").BoundingBoxAsync();
        var palette = await page.GetByTestId("palette-terminal").BoundingBoxAsync();
        Assert.NotNull(canvas);
        Assert.NotNull(palette);
        await DragAsync(page, palette!.X + (palette.Width / 2), palette.Y + (palette.Height / 2), canvas!.X + 120, canvas.Y + canvas.Height - 90);
        var added = board.Locator("g.x6-node[data-cell-id='step-1']");
        await Assertions.Expect(added).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("step-panel")).ToHaveAttributeAsync("data-step", "step-1");

        // Not connected yet: the validator's UnreachableStep shows on the new node and in the status line.
        await Assertions.Expect(added).ToContainTextAsync("⚠ 1");
        await Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync("1 个错误，0 个警告");

        // Connect the village step's output to the new step: a risk flag ends mediation and refers the parties to the police.
        var port = await village.Locator("[port='out']").BoundingBoxAsync();
        var target = await added.BoundingBoxAsync();
        Assert.NotNull(port);
        Assert.NotNull(target);
        await DragAsync(page, port!.X + (port.Width / 2), port.Y + (port.Height / 2), target!.X + (target.Width / 2), target.Y + (target.Height / 2));
        var transition = page.Locator("[data-testid=transition][data-to='step-1']");
        await Assertions.Expect(transition).ToHaveCountAsync(1);
        await Assertions.Expect(transition).ToHaveAttributeAsync("data-event", "riskFlagged");
        await Assertions.Expect(board.Locator("g.x6-edge[data-cell-id='village->step-1']")).ToHaveCountAsync(1);

        await added.ClickAsync();
        await page.GetByTestId("step-referral").SelectOptionAsync("police");
        await page.GetByTestId("step-name-zh").FillAsync("风险预警，移交公安机关");
        await page.GetByTestId("step-name-zh").PressAsync("Tab");
        await page.GetByTestId("step-name-en").FillAsync("Risk flagged; referred to the police");
        await page.GetByTestId("step-name-en").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("designer-status")).ToHaveTextAsync("0 个错误，0 个警告");

        await page.GetByTestId("tab-diff").ClickAsync();
        await Assertions.Expect(page.GetByTestId("diff-row").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "designer");

        await page.GetByTestId("designer-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已发布第");

        using var admin = await ApiClientAsync("admin");
        var latest = await GetAsync(admin, "/api/workflows/general-civil");
        var newVersion = latest.GetProperty("version").GetInt32();
        Assert.True(newVersion > oldVersion, $"published {newVersion} after {oldVersion}");
        var village2 = latest.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "village");
        Assert.Equal("P2D", village2.GetProperty("takeUp").GetProperty("within").GetString());
        Assert.Contains(village2.GetProperty("on").EnumerateArray(), t => t.GetProperty("event").GetString() == "riskFlagged" && t.GetProperty("to").GetString() == "step-1");
        var step1 = latest.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "step-1");
        Assert.Equal("police", step1.GetProperty("referral").GetString());
        Assert.True(latest.GetProperty("layout").GetProperty("nodes").TryGetProperty("step-1", out _), "the layout is saved with the version");

        var after = await FileAsync(resident);
        Assert.Equal(newVersion, after.GetProperty("workflow").GetProperty("version").GetInt32());
        var beforeNow = await GetAsync(resident, $"/api/disputes/{before.GetProperty("id").GetGuid()}");
        Assert.Equal(oldVersion, beforeNow.GetProperty("workflow").GetProperty("version").GetInt32());

        // The migration tab maps the old version's steps onto the new one; a dry run changes nothing.
        await page.GetByTestId("tab-migrate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("migration-row")).ToHaveCountAsync(4);
        await page.GetByTestId("migration-from").SelectOptionAsync(oldVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("migration-dry-run").ClickAsync();
        var beforeId = before.GetProperty("id").GetGuid().ToString();
        await Assertions.Expect(page.Locator($"[data-testid=migration-case][data-id='{beforeId}']")).ToHaveAttributeAsync("data-outcome", "WouldMigrate");
        var stillOld = await GetAsync(resident, $"/api/disputes/{beforeId}");
        Assert.Equal(oldVersion, stillOld.GetProperty("workflow").GetProperty("version").GetInt32());

        await page.Context.CloseAsync();
    }

    /// <summary>A mouse drag in small steps, as a person does it (the canvas follows mouse moves, not a jump).</summary>
    private static async Task DragAsync(IPage page, double fromX, double fromY, double toX, double toY)
    {
        await page.Mouse.MoveAsync((float)fromX, (float)fromY);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(fromX + 10), (float)(fromY + 10), new MouseMoveOptions { Steps = 3 });
        await page.Mouse.MoveAsync((float)toX, (float)toY, new MouseMoveOptions { Steps = 15 });
        await page.Mouse.UpAsync();
    }

    private async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = WebAppFixture.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> FileAsync(HttpClient client)
    {
        var body = new JsonObject
        {
            ["category"] = "neighbour",
            ["description"] = $"邻居装修噪音（设计器测试）{Guid.NewGuid():N}",
            ["request"] = "要求停止夜间施工",
            ["locationCode"] = "150302001001",
            ["applicant"] = new JsonObject { ["name"] = "张伟", ["phone"] = "13812345678", ["idNumber"] = "150302198503141234" },
            ["respondents"] = new JsonArray(new JsonObject { ["name"] = "王芳", ["phone"] = "13987654321", ["idNumber"] = "11010519491231002X", ["address"] = "3 号楼 502" }),
            ["consentToNotice"] = true,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {json}");
        return json;
    }
}
