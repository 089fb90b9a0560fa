using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Admin;

/// <summary>The administrator console and the dashboard in Chromium against the real host with the demo city.</summary>
[Collection(BrowserTests.Name)]
public sealed class AdminConsoleTests(WebAppFixture app)
{
    /// <summary>
    /// Interactive pages answer clicks once their circuit is connected; until then the prerendered page ignores them.
    /// Clicks <paramref name="target"/> until <paramref name="expected"/> shows.
    /// </summary>
    private static async Task ClickUntilVisibleAsync(ILocator target, ILocator expected)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await target.ClickAsync();
            try
            {
                await expected.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        await Assertions.Expect(expected).ToBeVisibleAsync();
    }

    /// <summary>The input or text area of a MudBlazor field, whichever element carries the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    [Fact]
    public async Task An_administrator_adds_a_mediator_to_a_township()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/organisations");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("组织机构与调解员");

        await ClickUntilVisibleAsync(page.GetByTestId("org-name-150302"), page.GetByTestId("org-detail"));
        await ClickUntilVisibleAsync(page.GetByTestId("org-name-150302001"), page.GetByTestId("org-detail-name").GetByText("新华街道"));
        await Assertions.Expect(page.GetByTestId("mediators-table")).ToContainTextAsync("mediator-150302001");

        var userName = $"mediator-h5-{Guid.NewGuid():N}"[..24];
        await page.GetByTestId("mediator-add").ClickAsync();
        await Field(page, "mediator-username").FillAsync(userName);
        await Field(page, "mediator-name").FillAsync("赵调解");
        await Field(page, "mediator-password").FillAsync("short");
        await page.GetByTestId("mediator-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mediator-form")).ToContainTextAsync("8");

        await Field(page, "mediator-password").FillAsync("Mediation#2026");
        await page.GetByTestId("mediator-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"mediator-row-{userName}")).ToHaveTextAsync("赵调解");
        await Screenshots.SaveAsync(page, "admin-organisations");

        // A village under the township: a code that does not extend the parent's is refused at its field, then accepted.
        await page.GetByTestId("org-add-child").ClickAsync();
        await Field(page, "organisation-code").FillAsync("150303001901");
        await Field(page, "organisation-name").FillAsync("新华第9社区");
        await page.GetByTestId("organisation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("organisation-form").Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("150302001");
        var code = $"150302001{Random.Shared.Next(900, 1000)}";
        await Field(page, "organisation-code").FillAsync(code);
        await page.GetByTestId("organisation-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("organisation-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("org-detail-name")).ToHaveTextAsync("新华第9社区");
        await Assertions.Expect(page.GetByTestId($"org-name-{code}")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_district_admin_sees_only_their_district()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "orgadmin-150302");
        await page.GotoAsync("/admin/organisations");

        await Assertions.Expect(page.GetByTestId("org-name-150302")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("org-name-150303")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_checks_and_adds_a_calendar_year()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/calendars");
        await Assertions.Expect(page.GetByTestId("calendar-year-2026")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("calendar-holidays")).ToContainTextAsync("春节");

        // A year far ahead, so that no other test's deadline moves.
        var json = """
            { "year": 2040, "source": { "title": "测试 2040", "documentNumber": null, "published": "2039-11-01" },
              "holidays": [ { "name": { "zh-CN": "元旦", "en": "New Year's Day" }, "from": "2040-01-01", "to": "2039-01-03" } ],
              "makeUpWorkingDays": [ { "date": "2040-01-09", "for": { "zh-CN": "元旦", "en": "New Year's Day" } } ] }
            """;
        var textarea = Field(page, "calendar-year-json");
        await textarea.FillAsync(json);
        await ClickUntilVisibleAsync(page.GetByTestId("calendar-year-submit"), page.GetByTestId("calendar-year-issues"));
        await Assertions.Expect(page.GetByTestId("calendar-year-issues")).ToContainTextAsync("$.holidays[0].to");
        await Assertions.Expect(page.GetByTestId("calendar-year-issues")).ToContainTextAsync("$.makeUpWorkingDays[0].date");
        await Screenshots.SaveAsync(page, "admin-calendars");

        await textarea.FillAsync(json.Replace("2039-01-03", "2040-01-03", StringComparison.Ordinal).Replace("2040-01-09", "2040-01-07", StringComparison.Ordinal));
        await page.GetByTestId("calendar-year-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-year-added")).ToContainTextAsync("2040");
        await Assertions.Expect(page.GetByTestId("calendar-year-2040")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("calendar-holiday")).ToContainTextAsync("2040-01-01");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_lists_the_workflows_with_their_versions()
    {
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/workflows");

        var general = page.GetByTestId("workflow-general-civil");
        await Assertions.Expect(general).ToContainTextAsync("general-civil");
        await Assertions.Expect(general.GetByTestId("workflow-current")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("workflow-designer-general-civil")).ToHaveAttributeAsync("href", "/admin/workflows/general-civil/designer");
        await Assertions.Expect(page.GetByTestId("workflow-medical")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-workflows");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_district_admin_reads_the_dashboard_and_drills_down_to_a_case()
    {
        var reference = await FileDisputeAsync();
        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "orgadmin-150302");
        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("统计分析");
        await Assertions.Expect(page.GetByTestId("dashboard-scope")).ToContainTextAsync("海勃湾区");
        var filed = int.Parse(await page.GetByTestId("kpi-filed").GetByTestId("kpi-value").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(filed >= 1, $"filed {filed}");
        await Screenshots.SaveAsync(page, "dashboard");

        await page.GetByTestId("kpi-filed").GetByTestId("kpi-value").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("set=filed"));
        var link = page.GetByTestId("dashboard-case-link").GetByText(reference);
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-csv")).ToHaveAttributeAsync("href", new Regex(@"^/api/figures/cases\.csv\?from=.*&set=filed$"));
        await page.Context.CloseAsync();
    }

    /// <summary>Files a dispute in village 150302001001 through the API as resident1; returns its reference.</summary>
    private async Task<string> FileDisputeAsync()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "resident1", password = WebAppFixture.DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes")
        {
            Content = JsonContent.Create(new
            {
                category = "neighbour",
                description = "楼上漏水影响楼下住户",
                request = "请求修复并赔偿",
                locationCode = "150302001001",
                applicant = new { name = "张伟", phone = "13800000001" },
                respondents = new[] { new { name = "赵强" } },
                consentToNotice = true,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("reference").GetString()!;
    }
}
