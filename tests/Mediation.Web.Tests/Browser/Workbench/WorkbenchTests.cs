using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Workbench;

/// <summary>
/// The village mediator's day: a dispute resident1 filed through the HTTP API is in the queue; the mediator takes it
/// up, records a session and a written agreement (a proposal awaiting the parties' signatures) and prints it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class WorkbenchTests(WebAppFixture app)
{
    private const string VillageMediator = "mediator-150302001001";

    [Fact]
    public async Task A_village_mediator_takes_up_a_dispute_records_a_session_and_a_written_agreement_and_prints_it()
    {
        var marker = $"楼上装修噪音 {Guid.NewGuid():N}"[..16];
        var (id, reference) = await FileAsync("resident1", marker);

        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, VillageMediator);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/workbench$"));

        // The queue: the new case is there, searchable by reference, with its countdown and the take-up button.
        await page.GetByTestId("filter-q").FillAsync(reference);
        await page.GetByTestId("filter-apply").ClickAsync();
        var row = page.Locator($"[data-testid=queue-row][data-reference='{reference}']");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("countdown")).ToHaveTextAsync(new Regex("^剩 \\d+ (个工作日|天|小时)$"));
        await page.GotoAsync("/workbench");
        await Assertions.Expect(page.Locator($"[data-testid=queue-row][data-reference='{reference}']")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "workbench-queue");

        await page.Locator($"[data-testid=queue-row][data-reference='{reference}']").GetByTestId("take-up").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/workbench/cases/{id}"));
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：受理");
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("调解中");
        await Assertions.Expect(page.GetByTestId("action-take-up")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("action-fail")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("party-phone").First).ToHaveTextAsync("138****5678");

        // Minutes of a session: a blank form is refused field by field, then recorded.
        await page.GetByTestId("session-new").Locator("summary").ClickAsync();
        await page.GetByTestId("session-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-place")).ToBeVisibleAsync();
        await page.GetByTestId("session-place").FillAsync("新华第1社区人民调解室");
        await page.GetByTestId("session-attendees").FillAsync("申请人张伟、被申请人王芳、调解员");
        await page.GetByTestId("session-discussion").FillAsync("双方陈述装修噪音的起止时间和影响，被申请人愿意调整施工时间。");
        await page.GetByTestId("session-result").FillAsync("双方同意签订调解协议");
        await page.GetByTestId("session-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：保存调解笔录");
        await Assertions.Expect(page.GetByTestId("session-result-text")).ToHaveTextAsync("双方同意签订调解协议");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-event=sessionRecorded]")).ToHaveCountAsync(1);

        // Evidence: uploaded from the case page, listed, and downloaded intact.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "现场照片.png", MimeType = "image/png", Buffer = png });
        await page.GetByTestId("evidence-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：上传证据");
        await Assertions.Expect(page.GetByTestId("attachment-row")).ToContainTextAsync("现场照片.png");
        var download = await page.Context.APIRequest.GetAsync(await page.GetByTestId("attachment-download").GetAttributeAsync("href") ?? "/missing");
        Assert.Equal(200, download.Status);
        Assert.Equal(png, await download.BodyAsync());

        // The written agreement (Art. 29), signed by the mediator only: a proposal awaiting the parties.
        await page.GetByTestId("agreement-new").Locator("summary").ClickAsync();
        await page.GetByTestId("agreement-facts").FillAsync("申请人与被申请人系上下楼邻居，被申请人装修施工持续至晚间。");
        await page.GetByTestId("agreement-matters").FillAsync("夜间施工噪音及造成的损失。");
        await page.GetByTestId("agreement-responsibility").FillAsync("被申请人未遵守装修时间规定，负主要责任。");
        await page.GetByTestId("agreement-terms").FillAsync("被申请人仅在工作日8:00–18:00施工，并赔偿申请人1500元。");
        await page.GetByTestId("agreement-performance").FillAsync("银行转账一次性支付");
        await page.GetByTestId("agreement-perform-by").FillAsync("2026-12-31");
        await page.GetByTestId("agreement-mediator-signed").CheckAsync();
        await page.GetByTestId("agreement-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：制作调解协议书");
        await Assertions.Expect(page.GetByTestId("proposal-awaiting")).ToContainTextAsync("张伟");
        await Assertions.Expect(page.GetByTestId("proposal-awaiting")).ToContainTextAsync("王芳");
        await Assertions.Expect(page.GetByTestId("action-confirm-seal")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("调解中");
        await Screenshots.SaveAsync(page, "workbench-case");

        // The printable document, from the proposal's fields.
        await page.GetByTestId("print-proposal").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/workbench/cases/{id}/agreements/[0-9a-f-]+/print"));
        await Assertions.Expect(page.GetByTestId("document-title")).ToHaveTextAsync("人民调解协议书");
        await Assertions.Expect(page.GetByTestId("document-number")).ToContainTextAsync(reference);
        await Assertions.Expect(page.GetByTestId("document-parties")).ToContainTextAsync("申请人：张伟");
        await Assertions.Expect(page.GetByTestId("document-parties")).ToContainTextAsync("138****5678");
        await Assertions.Expect(page.GetByTestId("document-matters")).ToContainTextAsync("夜间施工噪音及造成的损失。");
        await Assertions.Expect(page.GetByTestId("document-terms")).ToContainTextAsync("赔偿申请人1500元");
        await Assertions.Expect(page.GetByTestId("document-perform-by")).ToContainTextAsync("2026-12-31");
        await Assertions.Expect(page.GetByTestId("signature-mediator")).ToContainTextAsync("已于");
        await Assertions.Expect(page.GetByTestId("signature-party")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("seal-area")).ToContainTextAsync("新华第1社区");
        await Assertions.Expect(page.GetByTestId("document-effect")).ToContainTextAsync("签名");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("print-button")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("nav-workbench")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "workbench-agreement-print");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_shows_the_phone_layout_and_filters_by_party_name()
    {
        var marker = $"邻里 {Guid.NewGuid():N}"[..12];
        var (_, reference) = await FileAsync("resident2", marker, applicant: "李娜" + Guid.NewGuid().ToString("N")[..4]);

        var page = await app.NewPageAsync(phone: true);
        await WebAppFixture.SignInAsync(page, VillageMediator);
        var applicant = await page.Locator($"[data-testid=queue-row][data-reference='{reference}'] [data-testid=queue-parties]").TextContentAsync();
        await page.GotoAsync($"/workbench?q={Uri.EscapeDataString(applicant!.Split('、')[0])}&scope=unassigned");
        await Assertions.Expect(page.GetByTestId("queue-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("queue-row")).ToHaveAttributeAsync("data-reference", reference);
        await Screenshots.SaveAsync(page, "workbench-queue-phone");
        await page.GotoAsync($"/workbench?q={Uri.EscapeDataString(reference)}&scope=mine");
        await Assertions.Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_a_terminated_mediation_shows_the_notice_with_the_remedies()
    {
        var (declinedId, declined) = await FileAsync("resident1", $"拒绝受理 {Guid.NewGuid():N}"[..14]);
        var (id, reference) = await FileAsync("resident1", $"调解不成 {Guid.NewGuid():N}"[..14]);

        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, VillageMediator);

        // Decline from the queue, with a reason (the general workflow first reassigns it within the organisation).
        var row = page.Locator($"[data-testid=queue-row][data-reference='{declined}']");
        await row.GetByTestId("decline-reason").FillAsync("申请人与本调解员系近亲属");
        await row.GetByTestId("decline").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：不予受理");
        await page.GotoAsync($"/workbench/cases/{declinedId}");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-event=declined]")).ToContainTextAsync("申请人与本调解员系近亲属");

        // Take up on the case page, then terminate: without a reason the API's message shows under the reason box.
        await page.GotoAsync($"/workbench/cases/{id}");
        await page.GetByTestId("action-take-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：受理");
        await page.GetByTestId("action-termination").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-reason")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("action-problem")).ToBeVisibleAsync();
        await page.GetByTestId("action-reason").FillAsync("双方对赔偿数额分歧过大");
        await page.GetByTestId("action-termination").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：终止调解");

        var notice = page.GetByTestId("termination-notice");
        await Assertions.Expect(notice).ToContainTextAsync("双方对赔偿数额分歧过大");
        await Assertions.Expect(notice.GetByTestId("remedy").First).ToBeVisibleAsync();
        Assert.True(await notice.GetByTestId("remedy").CountAsync() >= 1);
        await Assertions.Expect(page.GetByTestId("action-termination")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "workbench-termination");
        _ = reference;
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_medical_committee_records_consent_takes_up_and_pauses_for_appraisal_then_resumes()
    {
        var (id, _) = await FileAsync("resident1", $"术后感染 {Guid.NewGuid():N}"[..14], category: "medical");

        var page = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(page, "mediator-medical");
        await page.GotoAsync($"/workbench/cases/{id}");
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("待对方同意");
        await Assertions.Expect(page.GetByTestId("action-take-up")).ToHaveCountAsync(0);

        await page.GetByTestId("action-consent").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：记录同意调解");
        await page.GetByTestId("action-take-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("调解中");
        await Assertions.Expect(page.GetByTestId("action-resume")).ToHaveCountAsync(0);

        await page.GetByTestId("action-reason").FillAsync("委托医疗损害鉴定");
        await page.GetByTestId("action-pause").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-done")).ToHaveTextAsync("已完成：暂停调解（鉴定等）");
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("暂停中");
        await Assertions.Expect(page.GetByTestId("action-pause")).ToHaveCountAsync(0);

        await page.GetByTestId("action-resume").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-phase")).ToHaveTextAsync("调解中");
        await Assertions.Expect(page.Locator("[data-testid=timeline-entry][data-event=clockPaused]")).ToContainTextAsync("委托医疗损害鉴定");
        await page.Context.CloseAsync();
    }

    /// <summary>Files a dispute at village 150302001001 through the HTTP API, as a resident would from the app.</summary>
    private async Task<(Guid Id, string Reference)> FileAsync(string resident, string description, string applicant = "张伟", string category = "neighbour")
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = resident, password = WebAppFixture.DemoPassword });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/disputes")
        {
            Content = JsonContent.Create(new
            {
                category,
                description,
                request = "请求停止夜间施工并赔偿损失",
                locationCode = "150302001001",
                applicant = new { name = applicant, phone = "13812345678", idNumber = "150302198503141234" },
                respondents = new[] { new { name = "王芳", phone = "13987654321" } },
                consentToNotice = true,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return (json.GetProperty("id").GetGuid(), json.GetProperty("reference").GetString()!);
    }
}
