using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser.Resident;

/// <summary>The other things a resident does on their case page: reject a proposal, ask for recusal, withdraw, rate.</summary>
[Collection(BrowserTests.Name)]
public sealed class ResidentActionsTests(WebAppFixture app)
{
    [Fact]
    public async Task Resident1_rejects_a_proposal_asks_for_recusal_withdraws_and_rates_the_service()
    {
        var api = new ResidentApi(app.BaseAddress);
        using var resident = await api.SignInAsync("resident1");
        using var mediator = await api.SignInAsync(ResidentApi.VillageMediator);
        var id = await ResidentApi.FileAsync(resident, $"邻居占用车位 {Guid.NewGuid():N}");
        await ResidentApi.PostAsync(mediator, $"/api/disputes/{id}/take-up");
        await ResidentApi.PostAsync(mediator, $"/api/disputes/{id}/agreement", new
        {
            facts = "双方系邻居。", mattersInDispute = "车位占用。", responsibility = "被申请人负责。",
            terms = "被申请人每月支付车位费一百元。", performance = "微信转账。", performBy = "2026-12-31",
        });

        var page = await app.NewPageAsync(phone: true);
        await WebAppFixture.SignInAsync(page, "resident1");
        await page.GotoAsync($"/my/disputes/{id}");

        await page.GetByTestId("reject-reason").FillAsync("金额太低");
        await page.GetByTestId("reject-agreement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("您已拒绝该调解方案，调解员会与您继续沟通。");
        await Assertions.Expect(page.GetByTestId("proposal")).ToHaveCountAsync(0);

        // A recusal needs a reason: the API's message is shown at the field.
        await page.GetByTestId("recusal-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recusal").GetByTestId("error-reason")).ToBeVisibleAsync();
        await page.GetByTestId("recusal-reason").FillAsync("调解员与对方是亲戚");
        await page.GetByTestId("recusal-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("已受理您的回避申请，案件将由其他调解员办理。");

        await page.GetByTestId("withdraw-reason").FillAsync("已与邻居自行协商解决");
        await page.GetByTestId("withdraw-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("申请已撤回。");
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已结案");
        await Assertions.Expect(page.GetByTestId("withdraw")).ToHaveCountAsync(0);

        // After closure the service is rated once.
        await page.GetByTestId("rating-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-score")).ToHaveTextAsync("必须填写。");
        await page.GetByTestId("score-5").ClickAsync();
        await page.GetByTestId("rating-comment").FillAsync("处理及时");
        await page.GetByTestId("rating-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("感谢您的评价。");
        // The answer scrolls the phone back up to the notice instead of leaving it at the form.
        await Assertions.Expect(page.GetByTestId("done-notice")).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("my-rating")).ToContainTextAsync("您的评价：5 分");
        await Assertions.Expect(page.GetByTestId("rating-form")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, "resident-rated-phone");
        await page.Context.CloseAsync();

        var timeline = await ResidentApi.GetAsync(resident, $"/api/disputes/{id}/timeline");
        var events = timeline.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("agreementRejected", events);
        Assert.Contains("recusal", events);
        Assert.Equal("withdrawn", events[^1]);
    }
}
