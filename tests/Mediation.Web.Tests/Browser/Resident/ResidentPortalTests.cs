using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Resident;

/// <summary>The resident portal on a phone (390×844): register, file with evidence, follow the case, sign the agreement.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class ResidentPortalTests(WebAppFixture app)
{
    /// <summary>The smallest PNG: a 1×1 pixel.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_new_resident_registers_and_files_a_dispute_on_a_phone_then_sees_it_with_its_step_and_deadline()
    {
        var page = await app.NewPageAsync(phone: true);
        var suffix = Random.Shared.Next(10_000_000, 99_999_999);

        await page.GotoAsync("/account/register");
        await page.GetByTestId("register-username").FillAsync($"phone-resident-{suffix}");
        await page.GetByTestId("register-displayname").FillAsync("王芳");
        await page.GetByTestId("register-mobile").FillAsync($"137{suffix}");
        await page.GetByTestId("register-password").FillAsync("Phone#2026");
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/disputes$"));
        await Assertions.Expect(page.GetByTestId("my-disputes-empty")).ToBeVisibleAsync();

        await page.GetByTestId("nav-file").ClickAsync();
        await Assertions.Expect(page.GetByTestId("filing-form")).ToBeVisibleAsync();
        // The applicant is the signed-in resident: name and mobile come from the account.
        await Assertions.Expect(page.GetByTestId("applicant-name")).ToHaveValueAsync("王芳");
        await Assertions.Expect(page.GetByTestId("applicant-phone")).ToHaveValueAsync($"137{suffix}");

        // Submitting without the required parts shows each problem at its field, in Chinese.
        await page.GetByTestId("file-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("filing-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filing-errors")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("error-category")).ToHaveTextAsync("必须填写。");
        await Assertions.Expect(page.GetByTestId("error-consentToNotice")).ToBeVisibleAsync();

        await page.GetByTestId("category-medical").ClickAsync();
        // District → township → village: each choice narrows the next list (the form posts itself, keeping what was typed).
        await page.GetByTestId("respondent-name").FillAsync("乌海市某医院");
        await page.GetByTestId("district").SelectOptionAsync("150302");
        await Assertions.Expect(page.GetByTestId("township").Locator("option[value='150303001']")).ToHaveCountAsync(0);
        await page.GetByTestId("township").SelectOptionAsync("150302001");
        await Assertions.Expect(page.GetByTestId("location").Locator("option[value='150302002001']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("respondent-name")).ToHaveValueAsync("乌海市某医院");
        await Assertions.Expect(page.GetByTestId("category-medical").Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("section-location")).ToBeInViewportAsync();
        await page.GetByTestId("location").SelectOptionAsync(ResidentApi.Village);
        await page.GetByTestId("description").FillAsync("2026年3月在该院做手术后伤口感染，再次住院二十天。");
        await page.GetByTestId("request").FillAsync("请医院赔偿医疗费和误工费。");
        await page.GetByTestId("claimed-amount").FillAsync("18000");
        await page.GetByTestId("evidence").SetInputFilesAsync(new FilePayload { Name = "病历照片.png", MimeType = "image/png", Buffer = Png });
        await page.GetByTestId("mediation-closed").ClickAsync();
        await page.GetByTestId("consent").CheckAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, "resident-file-phone");
        await page.GetByTestId("file-submit").ClickAsync();

        // The answer is the filing page itself, scrolled to the reference, with a link to the case.
        await Assertions.Expect(page.GetByTestId("filed-notice")).ToContainTextAsync("MT-");
        await Assertions.Expect(page.GetByTestId("filed-notice")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("evidence-refused")).ToHaveCountAsync(0);
        await page.GetByTestId("filed-view").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my/disputes/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("attachment")).ToContainTextAsync("病历照片.png");
        await Assertions.Expect(page.GetByTestId("dispute-step")).ToHaveTextAsync("医调委调解");
        var reference = await page.GetByTestId("dispute-reference").TextContentAsync();

        await page.GetByTestId("nav-my-disputes").ClickAsync();
        var card = page.GetByTestId("dispute-card").Filter(new() { HasText = reference! });
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByTestId("dispute-step")).ToHaveTextAsync("医调委调解");
        await Assertions.Expect(card.GetByTestId("dispute-handler")).ToContainTextAsync("医疗纠纷人民调解委员会");
        await Assertions.Expect(card.GetByTestId("status-chip")).ToHaveTextAsync("等待对方同意");
        // The medical committee counts in working days (cn-mainland calendar): the respondent has 5 to consent.
        await Assertions.Expect(card.GetByTestId("deadline")).ToContainTextAsync(WorkingDays());
        await Screenshots.SaveAsync(page, "resident-my-disputes-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resident1_confirms_the_proposed_agreement_and_it_is_in_force()
    {
        var api = new ResidentApi(app.BaseAddress);
        using var resident = await api.SignInAsync("resident1");
        using var mediator = await api.SignInAsync(ResidentApi.VillageMediator);
        var id = await ResidentApi.FileAsync(resident, $"邻居在楼道堆放杂物，影响通行 {Guid.NewGuid():N}");
        var takenUp = await ResidentApi.PostAsync(mediator, $"/api/disputes/{id}/take-up");
        var respondent = takenUp.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "respondent").GetProperty("id").GetGuid();
        // The mediator proposes the written agreement with the respondent's paper signature, their own and the seal:
        // only the applicant's signature is missing, so resident1's confirmation puts it in force (人民调解法 Art. 29).
        var proposed = await ResidentApi.PostAsync(mediator, $"/api/disputes/{id}/agreement", new
        {
            facts = "双方系上下楼邻居，被申请人在楼道堆放杂物。",
            mattersInDispute = "楼道杂物影响通行。",
            responsibility = "被申请人负主要责任。",
            terms = "被申请人三日内清理楼道杂物，今后不再堆放。",
            performance = "被申请人自行清理。",
            performBy = "2026-12-31",
            signatures = new object[] { new { signer = respondent.ToString() }, new { signer = "mediator" }, new { signer = "seal" } },
        });
        Assert.Equal("inMediation", proposed.GetProperty("phase").GetString());

        var page = await app.NewPageAsync(phone: true);
        await WebAppFixture.SignInAsync(page, "resident1");
        await page.GotoAsync($"/my/disputes/{id}");
        var proposal = page.GetByTestId("proposal");
        await Assertions.Expect(proposal).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("proposal-terms")).ToContainTextAsync("三日内清理楼道杂物");
        await Assertions.Expect(page.GetByTestId("proposal-facts")).ToContainTextAsync("被申请人负主要责任");
        await Assertions.Expect(proposal).ToContainTextAsync("人民调解员");
        // The other party's contact details are masked.
        await Assertions.Expect(page.GetByTestId("party-phone").Last).ToHaveTextAsync(new Regex(@"139\*{4}5678"));

        await page.GetByTestId("confirm-agreement").ClickAsync();

        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("您已签署调解协议。");
        await Assertions.Expect(page.GetByTestId("agreement-in-force")).ToContainTextAsync("调解协议已生效");
        await Assertions.Expect(page.GetByTestId("proposal")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline-entry").Filter(new() { HasText = "签署调解协议" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("agreement-in-force")).ToBeInViewportAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, "resident-confirm-phone");
        await page.Context.CloseAsync();

        var after = await ResidentApi.GetAsync(resident, $"/api/disputes/{id}");
        Assert.Equal("followUp", after.GetProperty("phase").GetString());
    }

    [GeneratedRegex("还剩 \\d+ 个工作日|今天到期")]
    private static partial Regex WorkingDays();
}
