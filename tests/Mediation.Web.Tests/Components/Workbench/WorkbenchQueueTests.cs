using Bunit;
using Mediation.Api.Components.Workbench;
using Mediation.Api.Web.Workbench;

namespace Mediation.Web.Tests.Components.Workbench;

public sealed class WorkbenchQueueTests : ComponentTestContext
{
    private static readonly string[] Phases = ["Queued", "InMediation"];
    private static readonly string[] Categories = ["debt", "neighbour"];
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private static QueueRow Row(string reference, Countdown countdown, bool canTakeUp = false, bool canDecline = false, string? mediator = null) =>
        new(Guid.NewGuid(), reference, "neighbour", "村（社区）调解", "Queued", ["张伟", "王芳"], mediator, countdown, canTakeUp, canDecline);

    [Fact]
    public void Overdue_cases_come_first_then_by_deadline_and_cases_without_one_last()
    {
        var later = Row("MT-later", Countdown.Of(Now.AddDays(10), 8, null, Now));
        var none = Row("MT-none", Countdown.NoDeadline);
        var soon = Row("MT-soon", Countdown.Of(Now.AddDays(1), 1, null, Now));
        var overdueLong = Row("MT-overdue-long", Countdown.Of(Now.AddDays(-5), null, null, Now));
        var overdueShort = Row("MT-overdue-short", Countdown.Of(Now.AddHours(-3), null, null, Now));

        var queue = Render<WorkbenchQueue>(p => p.Add(c => c.Rows, new[] { later, none, soon, overdueShort, overdueLong }).Add(c => c.Total, 5));

        var order = queue.FindAll("[data-testid=queue-row]").Select(r => r.GetAttribute("data-reference")!).ToArray();
        Assert.Equal(["MT-overdue-long", "MT-overdue-short", "MT-soon", "MT-later", "MT-none"], order);
        Assert.Equal("共 5 件", queue.Find("[data-testid=queue-total]").TextContent);
    }

    [Fact]
    public void Countdowns_are_red_when_overdue_orange_when_due_soon_and_green_later()
    {
        var queue = Render<WorkbenchQueue>(p => p.Add(c => c.Rows, new[]
        {
            Row("MT-1", Countdown.Of(Now.AddDays(-2), null, null, Now)),
            Row("MT-2", Countdown.Of(Now.AddDays(2), 2, null, Now)),
            Row("MT-3", Countdown.Of(Now.AddDays(12), 9, null, Now)),
            Row("MT-4", Countdown.Of(Now.AddHours(5), null, null, Now)),
        }));

        var chips = queue.FindAll("[data-testid=countdown]");
        Assert.Equal("已逾期 2 天", chips[0].TextContent);
        Assert.Contains("app-overdue", chips[0].ClassList);
        Assert.Equal("剩 5 小时", chips[1].TextContent);
        Assert.Contains("app-due-soon", chips[1].ClassList);
        Assert.Equal("剩 2 个工作日", chips[2].TextContent);
        Assert.Contains("app-due-soon", chips[2].ClassList);
        Assert.Equal("剩 9 个工作日", chips[3].TextContent);
        Assert.Contains("app-due-later", chips[3].ClassList);
        Assert.Contains("wb-urgency-overdue", queue.FindAll("[data-testid=queue-row]")[0].ClassList);
    }

    [Fact]
    public void Take_up_and_decline_are_offered_only_where_the_workflow_allows_them()
    {
        var queue = Render<WorkbenchQueue>(p => p.Add(c => c.Rows, new[]
        {
            Row("MT-queued", Countdown.Of(Now.AddDays(3), 3, null, Now), canTakeUp: true, canDecline: true),
            Row("MT-mine", Countdown.Of(Now.AddDays(20), 14, null, Now), mediator: "李调解"),
        }));

        var rows = queue.FindAll("[data-testid=queue-row]");
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=take-up]"));
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=decline]"));
        Assert.NotNull(rows[0].QuerySelector("input[name=reason][required]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=take-up]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=decline]"));
        Assert.Contains("李调解", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("未分配", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filters_keep_their_values_and_offer_steps_phases_categories_and_scope()
    {
        var filter = new QueueFilter { Step = "township", Phase = "InMediation", Category = "debt", OverdueOnly = true, Scope = QueueFilter.ScopeUnassigned, Q = "张伟" };

        var queue = Render<WorkbenchQueue>(p => p
            .Add(c => c.Rows, Array.Empty<QueueRow>())
            .Add(c => c.Filter, filter)
            .Add(c => c.Steps, new[] { new FilterOption("village", "村（社区）调解"), new FilterOption("township", "乡镇（街道）调解") })
            .Add(c => c.Phases, Phases)
            .Add(c => c.Categories, Categories));

        Assert.Equal("GET", queue.Find("[data-testid=queue-filters]").GetAttribute("method")!.ToUpperInvariant());
        Assert.Equal("township", queue.Find("[data-testid=filter-step] option[selected]").GetAttribute("value"));
        Assert.Equal("调解中", queue.Find("[data-testid=filter-phase] option[selected]").TextContent);
        Assert.Equal("债务纠纷", queue.Find("[data-testid=filter-category] option[selected]").TextContent);
        Assert.Equal("unassigned", queue.Find("[data-testid=filter-scope] option[selected]").GetAttribute("value"));
        Assert.True(queue.Find("[data-testid=filter-overdue]").HasAttribute("checked"));
        Assert.Equal("张伟", queue.Find("[data-testid=filter-q]").GetAttribute("value"));
        Assert.Equal("没有符合条件的案件。", queue.Find("[data-testid=queue-empty]").TextContent);
    }

    [Fact]
    public void Countdown_counts_working_days_then_hours_on_the_last_day_and_overdue_time()
    {
        Assert.Equal(new Countdown(Urgency.Later, CountdownUnit.WorkingDays, 3, Now.AddDays(5)), Countdown.Of(Now.AddDays(5), 3, null, Now));
        Assert.Equal(new Countdown(Urgency.DueSoon, CountdownUnit.Days, 3, Now.AddDays(3)), Countdown.Of(Now.AddDays(3), null, 3, Now));
        Assert.Equal(new Countdown(Urgency.Later, CountdownUnit.Days, 4, Now.AddDays(4)), Countdown.Of(Now.AddDays(4), null, 4, Now));
        Assert.Equal(new Countdown(Urgency.DueSoon, CountdownUnit.Hours, 15, Now.AddHours(14.5)), Countdown.Of(Now.AddHours(14.5), 0, null, Now));
        Assert.Equal(new Countdown(Urgency.Later, CountdownUnit.Hours, 72, Now.AddHours(72)), Countdown.Of(Now.AddHours(72), null, null, Now));
        Assert.Equal(new Countdown(Urgency.Overdue, CountdownUnit.Hours, 1, Now), Countdown.Of(Now, 0, null, Now));
        Assert.Equal(new Countdown(Urgency.Overdue, CountdownUnit.Days, 3, Now.AddHours(-80)), Countdown.Of(Now.AddHours(-80), null, null, Now));
        Assert.Equal(Countdown.NoDeadline, Countdown.Of(null, null, null, Now));
    }
}

public sealed class WorkbenchQueueEnglishTests() : ComponentTestContext("en")
{
    [Fact]
    public void English_is_selectable()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8));
        var row = new QueueRow(Guid.NewGuid(), "MT-1", "debt", "Village mediation", "Queued", ["Zhang Wei"], null, Countdown.Of(now.AddDays(-3), null, null, now), true, false);

        var queue = Render<WorkbenchQueue>(p => p.Add(c => c.Rows, new[] { row }).Add(c => c.Total, 1));

        Assert.Equal("Overdue by 3 days", queue.Find("[data-testid=countdown]").TextContent);
        Assert.Equal("Take up", queue.Find("[data-testid=take-up]").TextContent.Trim());
        Assert.Contains("Debt", queue.Find("[data-testid=queue-row]").TextContent, StringComparison.Ordinal);
    }
}
