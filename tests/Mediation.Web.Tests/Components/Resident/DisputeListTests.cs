using Bunit;
using Mediation.Api.Components.Resident;

namespace Mediation.Web.Tests.Components.Resident;

public sealed class DisputeListTests : ComponentTestContext
{
    private static readonly DateTimeOffset Filed = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static DisputeCard Card(string reference, DeadlineInfo? deadline, string status = "open", string phase = "queued", string? organisation = "新华第1社区", string? mediator = null) =>
        new(Guid.NewGuid(), reference, "neighbour", "村（社区）调解", status, phase, organisation, mediator, deadline, Filed);

    [Fact]
    public void Each_dispute_shows_its_step_who_handles_it_and_the_working_days_left()
    {
        var due = new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.FromHours(8));
        var list = Render<DisputeList>(p => p.Add(l => l.Disputes, [Card("MT-2026-000007", new DeadlineInfo("takeUp", due, false, 3, null, false), phase: "inMediation", mediator: "王调解")]));

        var card = list.Find("[data-testid=dispute-card]");
        Assert.Equal("MT-2026-000007", card.GetAttribute("data-reference"));
        Assert.Equal("村（社区）调解", card.QuerySelector("[data-testid=dispute-step]")!.TextContent);
        Assert.Equal("新华第1社区 · 王调解", card.QuerySelector("[data-testid=dispute-handler]")!.TextContent);
        var deadline = card.QuerySelector("[data-testid=deadline]")!;
        // Due at 24:00 on 5 March (stored as 00:00 on the 6th): the last day shown is the 5th.
        Assert.Equal("还剩 3 个工作日 · 2026-03-05 到期", deadline.TextContent.Trim());
        Assert.Contains("app-due-later", deadline.ClassName, StringComparison.Ordinal);
        Assert.Equal("调解中", card.QuerySelector("[data-testid=status-chip]")!.TextContent.Trim());
        Assert.StartsWith("/my/disputes/", card.QuerySelector("a[data-testid=dispute-link]")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_soon_due_natural_day_and_closed_cases_read_differently()
    {
        var due = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));
        var list = Render<DisputeList>(p => p.Add(l => l.Disputes,
        [
            Card("MT-2026-000001", new DeadlineInfo("takeUp", due, true, 0, null, false)),
            Card("MT-2026-000002", new DeadlineInfo("takeUp", due, false, 1, null, false)),
            Card("MT-2026-000003", new DeadlineInfo("resolution", due, false, null, 12, false)),
            Card("MT-2026-000004", null, status: "closed", phase: "closed"),
            Card("MT-2026-000005", null, organisation: null),
        ]));

        var cards = list.FindAll("[data-testid=dispute-card]");
        var overdue = cards[0].QuerySelector("[data-testid=deadline]")!;
        Assert.StartsWith("已逾期", overdue.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("app-overdue", overdue.ClassName, StringComparison.Ordinal);
        Assert.Contains("app-due-soon", cards[1].QuerySelector("[data-testid=deadline]")!.ClassName, StringComparison.Ordinal);
        Assert.StartsWith("还剩 12 天", cards[2].QuerySelector("[data-testid=deadline]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(cards[3].QuerySelector("[data-testid=dispute-deadline]"));
        Assert.Equal("已结案", cards[3].QuerySelector("[data-testid=status-chip]")!.TextContent.Trim());
        Assert.Equal("待分派", cards[4].QuerySelector("[data-testid=dispute-handler]")!.TextContent);
        Assert.Equal("无", cards[4].QuerySelector("[data-testid=deadline-none]")!.TextContent);
    }

    [Fact]
    public void No_disputes_says_so()
    {
        var list = Render<DisputeList>(p => p.Add(l => l.Disputes, []));

        Assert.Equal("您还没有提交过纠纷申请。", list.Find("[data-testid=my-disputes-empty]").TextContent.Trim());
        Assert.Empty(list.FindAll("[data-testid=dispute-card]"));
    }
}
