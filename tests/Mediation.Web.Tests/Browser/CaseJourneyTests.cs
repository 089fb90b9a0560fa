using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser;

/// <summary>
/// One case through the three pairs of hands, in the browser only: resident1 files on a phone, the village mediator
/// takes it up and draws up the written agreement, resident1 signs it online, and the mediator attests the respondent's
/// paper signature, which puts the agreement in force (人民调解法 Art. 29).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CaseJourneyTests(WebAppFixture app)
{
    [Fact]
    public async Task A_dispute_filed_on_a_phone_is_taken_up_agreed_signed_and_in_force()
    {
        var marker = $"晾衣杆滴水 {Guid.NewGuid():N}"[..14];

        // 1. resident1 files on a phone.
        var resident = await app.NewPageAsync(phone: true);
        await WebAppFixture.SignInAsync(resident, "resident1");
        await resident.GetByTestId("nav-file").ClickAsync();
        await resident.GetByTestId("category-neighbour").ClickAsync();
        await resident.GetByTestId("respondent-name").FillAsync("王芳");
        // Each choice posts the form and narrows the next list: wait for the narrowed list before choosing from it.
        await resident.GetByTestId("district").SelectOptionAsync("150302");
        await Assertions.Expect(resident.GetByTestId("township").Locator("option[value='150303001']")).ToHaveCountAsync(0);
        await resident.GetByTestId("township").SelectOptionAsync("150302001");
        await Assertions.Expect(resident.GetByTestId("location").Locator("option[value='150302002001']")).ToHaveCountAsync(0);
        await resident.GetByTestId("location").SelectOptionAsync("150302001001");
        await resident.GetByTestId("applicant-phone").FillAsync("13812345678");
        await resident.GetByTestId("description").FillAsync($"{marker}：楼上住户晾衣服滴水到我家阳台，多次沟通无果。");
        await resident.GetByTestId("request").FillAsync("请对方改用晾衣架并赔偿清洗费用。");
        await resident.GetByTestId("consent").CheckAsync();
        await resident.GetByTestId("file-submit").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("filed-notice")).ToContainTextAsync("MT-");
        await resident.GetByTestId("filed-view").ClickAsync();
        await resident.WaitForURLAsync(new Regex("/my/disputes/[0-9a-f-]{36}$"));
        var reference = (await resident.GetByTestId("dispute-reference").TextContentAsync())!.Trim();
        var caseUrl = new Uri(resident.Url).AbsolutePath;
        await Screenshots.SaveAsync(resident, "journey-1-filed-phone");

        // 2. The village mediator finds it in the queue, takes it up and records the written agreement with their signature.
        var mediator = await app.NewPageAsync();
        await WebAppFixture.SignInAsync(mediator, "mediator-150302001001");
        await mediator.GetByTestId("filter-q").FillAsync(reference);
        await mediator.GetByTestId("filter-apply").ClickAsync();
        await mediator.Locator($"[data-testid=queue-row][data-reference='{reference}']").GetByTestId("take-up").ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("action-done")).ToHaveTextAsync("已完成：受理");
        await mediator.GetByTestId("agreement-new").Locator("summary").ClickAsync();
        await mediator.GetByTestId("agreement-facts").FillAsync("双方系上下楼邻居，被申请人晾晒衣物滴水至申请人阳台。");
        await mediator.GetByTestId("agreement-matters").FillAsync("晾衣滴水及清洗费用。");
        await mediator.GetByTestId("agreement-responsibility").FillAsync("被申请人负全部责任。");
        await mediator.GetByTestId("agreement-terms").FillAsync("被申请人改用室内晾衣架，并支付清洗费200元。");
        await mediator.GetByTestId("agreement-performance").FillAsync("现金当面支付");
        await mediator.GetByTestId("agreement-perform-by").FillAsync("2026-12-31");
        await mediator.GetByTestId("agreement-mediator-signed").CheckAsync();
        await mediator.GetByTestId("agreement-submit").ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("action-done")).ToHaveTextAsync("已完成：制作调解协议书");
        await Assertions.Expect(mediator.GetByTestId("case-phase")).ToHaveTextAsync("调解中");

        // 3. resident1 sees the proposal on the phone and signs it; the respondent's signature is still missing.
        await resident.GotoAsync(caseUrl);
        await Assertions.Expect(resident.GetByTestId("proposal-terms")).ToContainTextAsync("支付清洗费200元");
        await resident.GetByTestId("confirm-agreement").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("done-notice")).ToHaveTextAsync("您已签署调解协议。");
        await Assertions.Expect(resident.GetByTestId("proposal-signatures")).ToContainTextAsync("王芳");
        await Assertions.Expect(resident.GetByTestId("agreement-in-force")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(resident, "journey-2-signed-phone");

        // 4. The respondent signed the paper copy in the mediation room: the mediator attests it and the agreement is in force.
        await mediator.ReloadAsync();
        await mediator.GetByTestId("action-agreement-effective").ClickAsync();
        await Assertions.Expect(mediator.GetByTestId("action-done")).ToBeVisibleAsync();
        await resident.GotoAsync(caseUrl);
        await Assertions.Expect(resident.GetByTestId("agreement-in-force")).ToContainTextAsync("调解协议已生效");

        // 5. The 30-day window for judicial confirmation is open (人民调解法 Art. 33): resident1 consents to the joint
        //    application to the district's basic court; the respondent's consent is still awaited.
        await Assertions.Expect(resident.GetByTestId("judicial-window")).ToContainTextAsync("海勃湾区人民法院");
        await resident.GetByTestId("judicial-consent").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("done-notice")).ToHaveTextAsync("已记录您同意申请司法确认。");
        await Assertions.Expect(resident.GetByTestId("judicial-status")).ToHaveTextAsync("申请已准备，等待双方同意。");
        await Assertions.Expect(resident.GetByTestId("judicial-awaiting")).ToContainTextAsync("王芳");
        await Assertions.Expect(resident.GetByTestId("judicial-consent")).ToHaveCountAsync(0);
        await Assertions.Expect(resident.Locator("[data-testid=timeline-entry][data-event=judicialConfirmationConsented]")).ToContainTextAsync("同意申请司法确认");
        await Screenshots.SaveAsync(resident, "journey-3-in-force-phone");

        await mediator.Context.CloseAsync();
        await resident.Context.CloseAsync();
    }
}
