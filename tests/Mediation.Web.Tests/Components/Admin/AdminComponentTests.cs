using AngleSharp.Dom;
using Bunit;
using Mediation.Api.Calendars;
using Mediation.Api.Components.Admin;
using Mediation.Api.Data.Entities;
using Mediation.Api.Figures;
using Mediation.Api.Web.Admin;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using MudBlazor;

namespace Mediation.Web.Tests.Components.Admin;

/// <summary>The administrator console's components rendered from data: the organisation tree, the mediator form, the calendar year form and view, the workflow list and the dashboard.</summary>
public sealed class AdminComponentTests : ComponentTestContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's input services dispose asynchronously only: dispose the context that way before xUnit's synchronous Dispose.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Township = Guid.NewGuid();
    private static readonly Guid Village = Guid.NewGuid();
    private static readonly Guid OtherDistrict = Guid.NewGuid();

    private static IReadOnlyList<OrgItem> Tree() =>
    [
        new(District, "150302", "海勃湾区", "District", true, true,
        [
            new(Township, "150302001", "新华街道", "Township", true, true,
            [
                new(Village, "150302001001", "新华第1社区", "Village", false, true, []),
            ]),
        ]),
        new(OtherDistrict, "150303", "海南区", "District", true, false, []),
    ];

    private static IElement Input(IRenderedComponent<MediatorForm> form, string testId)
    {
        var element = form.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public void OrganisationTree_ShowsTheLevels_MarksInactive_AndReportsTheSelection()
    {
        Guid? selected = null;
        var tree = Render<OrganisationTreeView>(p => p
            .Add(t => t.Items, Tree())
            .Add(t => t.ExpandLevels, 3)
            .Add(t => t.SelectedIdChanged, id => selected = id));

        Assert.Equal("海勃湾区", tree.Find("[data-testid=org-name-150302]").TextContent);
        Assert.Equal("新华街道", tree.Find("[data-testid=org-name-150302001]").TextContent);
        Assert.Contains("村（社区）", tree.Find("[data-testid=org-name-150302001001]").ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("已停用", tree.Find("[data-testid=org-inactive-150302001001]").TextContent.Trim());
        Assert.Empty(tree.FindAll("[data-testid=org-inactive-150302001]"));

        tree.Find("[data-testid=org-name-150302001]").Closest(".mud-treeview-item-content")!.Click();
        Assert.Equal(Township, selected);
    }

    [Fact]
    public void OrganisationTree_OpensThePathToTheSelectedOrganisation()
    {
        var collapsed = Render<OrganisationTreeView>(p => p.Add(t => t.Items, Tree()).Add(t => t.ExpandLevels, 0));
        Assert.False(Expanded(collapsed, "150302001"));

        var selected = Render<OrganisationTreeView>(p => p.Add(t => t.Items, Tree()).Add(t => t.ExpandLevels, 0).Add(t => t.SelectedId, Village));
        Assert.True(Expanded(selected, "150302"));
        Assert.True(Expanded(selected, "150302001"));
        Assert.Equal("新华第1社区", selected.Find("[data-testid=org-name-150302001001]").TextContent);

        static bool Expanded(IRenderedComponent<OrganisationTreeView> tree, string code) =>
            tree.Find($"[data-testid=org-node-{code}] .mud-treeview-item-expand-button").ClassList.Contains("mud-transform");
    }

    [Fact]
    public void OrganisationTree_OtherAreas_AreNotSelectable()
    {
        Guid? selected = null;
        var tree = Render<OrganisationTreeView>(p => p.Add(t => t.Items, Tree()).Add(t => t.SelectedIdChanged, id => selected = id));

        tree.Find("[data-testid=org-name-150303]").Closest(".mud-treeview-item-content")!.Click();

        Assert.Null(selected);
    }

    [Fact]
    public void MediatorForm_NewMediator_AsksForAccountAndPassword_AndShowsEachFieldsError()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["userName"] = ["用户名“王 五”无效。"],
            ["password"] = ["密码至少需要 8 个字符。"],
            ["specialties[0]"] = ["未知的纠纷类别“cooking”。"],
        };
        var form = Render<MediatorForm>(p => p
            .Add(f => f.Model, new MediatorFormModel())
            .Add(f => f.Errors, errors)
            .Add(f => f.Message, "调解员信息有误")
            .Add(f => f.SpecialtyOptions, [new Choice("neighbour", "neighbour")]));

        Assert.Equal("新增调解员", form.Find(".mud-typography-subtitle1").TextContent);
        Assert.Equal("调解员信息有误", form.Find("[data-testid=mediator-form-error]").TextContent.Trim());
        var helperTexts = form.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("用户名“王 五”无效。", helperTexts);
        Assert.Contains("密码至少需要 8 个字符。", helperTexts);
        Assert.Contains("未知的纠纷类别“cooking”。", helperTexts);
        Assert.Empty(form.FindAll("[data-testid=mediator-organisation]"));
        Assert.Empty(form.FindAll("[data-testid=mediator-active]"));
    }

    [Fact]
    public void MediatorForm_Edit_OffersMoveAndActive_NoPassword_AndSubmitsWhatWasTyped()
    {
        MediatorFormModel? submitted = null;
        var model = new MediatorFormModel { Id = Guid.NewGuid(), Name = "王芳", UserName = "mediator-wang", Specialties = ["neighbour"], OrganisationId = Village };
        var form = Render<MediatorForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.SpecialtyOptions, [new Choice("neighbour", "neighbour"), new Choice("family", "family")])
            .Add(f => f.OrganisationOptions, [new Choice(Village.ToString(), "新华第1社区 (150302001001)"), new Choice(Township.ToString(), "新华街道 (150302001)")])
            .Add(f => f.OnSubmit, m => submitted = m));

        Assert.Equal("修改调解员：王芳", form.Find(".mud-typography-subtitle1").TextContent);
        Assert.Empty(form.FindAll("[data-testid=mediator-password]"));
        Assert.Empty(form.FindAll("[data-testid=mediator-username]"));
        Assert.NotEmpty(form.FindAll("[data-testid=mediator-organisation]"));

        Input(form, "mediator-name").Change("王芳芳");
        form.Find("[data-testid=mediator-save]").Click();

        Assert.NotNull(submitted);
        Assert.Equal("王芳芳", submitted.Name);
        Assert.Equal(["neighbour"], submitted.Specialties);
        Assert.Equal(Village, submitted.OrganisationId);
    }

    [Fact]
    public void CalendarYearForm_ListsEveryProblemAtItsJsonPath()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["$.holidays[0].to"] = ["“元旦”的结束日期 2026-12-31 早于开始日期 2027-01-01。"],
            ["$.makeUpWorkingDays[0].date"] = ["调休上班日 2027-02-22 是周一，不是周末。"],
        };
        var form = Render<CalendarYearForm>(p => p.Add(f => f.Calendar, "cn-mainland").Add(f => f.Json, "{}").Add(f => f.Errors, errors));

        var rows = form.FindAll("[data-testid=calendar-year-issue]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("$.holidays[0].to", rows[0].QuerySelector("code")!.TextContent);
        Assert.Contains("早于开始日期", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("$.makeUpWorkingDays[0].date", rows[1].QuerySelector("code")!.TextContent);
        Assert.Empty(form.FindAll("[data-testid=calendar-year-added]"));
    }

    [Fact]
    public void CalendarYearForm_ReportsTheYearAdded_AndSubmitsThePastedJson()
    {
        string? submitted = null;
        var added = new CalendarYearAdded("cn-mainland", 2027, 7, 32, 6, [2025, 2026, 2027], 3);
        var form = Render<CalendarYearForm>(p => p
            .Add(f => f.Calendar, "cn-mainland")
            .Add(f => f.Json, "{\"year\":2027}")
            .Add(f => f.Added, added)
            .Add(f => f.OnSubmit, json => submitted = json));

        Assert.Equal("已新增 cn-mainland 的 2027 年安排：节假日 32 天，调休上班 6 天；3 件在办案件的暂定期限已重新计算。", form.Find("[data-testid=calendar-year-added]").TextContent.Trim());
        form.Find("[data-testid=calendar-year-submit]").Click();
        Assert.Equal("{\"year\":2027}", submitted);
    }

    [Fact]
    public void CalendarYearForm_WithoutJson_CannotSubmit()
    {
        var form = Render<CalendarYearForm>(p => p.Add(f => f.Calendar, "cn-mainland"));

        Assert.True(form.Find("[data-testid=calendar-year-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void CalendarYearView_ShowsHolidaysAndMakeUpDays_OrSaysTheYearIsProvisional()
    {
        var schedule = new HolidaySchedule(2026, new ScheduleSource("国务院办公厅关于2026年部分节假日安排的通知", null, new DateOnly(2025, 11, 4)),
            [new HolidayPeriod(new LocalizedText("春节", "Spring Festival"), new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23))],
            [new MakeUpWorkingDay(new DateOnly(2026, 2, 14), new LocalizedText("春节", "Spring Festival"))]);
        var view = Render<CalendarYearView>(p => p.Add(v => v.Year, 2026).Add(v => v.Schedule, schedule).Add(v => v.WorkingDays, 250));

        var holiday = view.Find("[data-testid=calendar-holiday]");
        Assert.Contains("春节", holiday.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-02-15（周日）", holiday.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("9", holiday.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("2026-02-14（周六）", view.Find("[data-testid=calendar-makeup-day]").TextContent, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid=calendar-year-provisional]"));

        var provisional = Render<CalendarYearView>(p => p.Add(v => v.Year, 2027));
        Assert.Contains("2027 年的节假日安排尚未登记", provisional.Find("[data-testid=calendar-year-provisional]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowList_ShowsVersionsStatusRunningCases_AndLinksToDesignerAndExport()
    {
        var list = Render<WorkflowList>(p => p.Add(l => l.Workflows,
        [
            new WorkflowSummaryItem("general-civil", "一般民间纠纷", ["neighbour", "family"],
            [
                new WorkflowVersionRow(3, false, false, null, 0),
                new WorkflowVersionRow(2, true, true, new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), 5),
                new WorkflowVersionRow(1, true, false, new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), 2),
            ]),
        ]));

        Assert.Equal("/admin/workflows/general-civil/designer", list.Find("[data-testid=workflow-designer-general-civil]").GetAttribute("href"));
        var current = list.Find("[data-testid=workflow-version-general-civil-2]");
        Assert.Contains("当前版本", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("已发布", current.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", current.QuerySelector("[data-testid=workflow-running]")!.TextContent);
        Assert.Contains("2026-11-01 10:00", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("草稿", list.Find("[data-testid=workflow-version-general-civil-3]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/api/workflows/general-civil/versions/1", list.Find("[data-testid=workflow-version-general-civil-1] [data-testid=workflow-export]").GetAttribute("href"));
        Assert.Single(list.FindAll("[data-testid=workflow-current]"));
    }

    [Fact]
    public void Dashboard_RendersFiguresChartsAndDrillDown_FromTheSummary()
    {
        var overdue = new FigureCase(Guid.NewGuid(), "MT-2026-000004", "medical", "150302001001", "乌海市医疗纠纷人民调解委员会", OrganisationKind.ProfessionalBody,
            new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero), null, null, null, null, new DateTimeOffset(2026, 3, 20, 16, 0, 0, TimeSpan.Zero), true, true);
        var summary = new FiguresSummary(
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "150302", "海勃湾区", DateTimeOffset.UnixEpoch,
            Filed: 4, Concluded: 3, Resolved: 2, ResolutionRate: 2.0 / 3,
            ResolvedByTier: [new(OrganisationKind.Village, 1, 0.5), new(OrganisationKind.Township, 1, 0.5), new(OrganisationKind.District, 0, 0), new(OrganisationKind.ProfessionalBody, 0, 0)],
            OnTime: 2, OnTimeRate: 2.0 / 3, AverageWorkingDays: 5.0 / 3, Overdue: 1,
            Satisfaction: new SatisfactionFigure(2, 4, 0.5, [0, 0, 1, 0, 1]),
            Categories: [new CategoryFigure("neighbour", 4, 3, 2)]);

        var view = Render<DashboardView>(p => p
            .Add(v => v.Summary, summary)
            .Add(v => v.Cases, [overdue])
            .Add(v => v.Set, "overdue")
            .Add(v => v.Query, "from=2026-03-01&to=2026-03-31&area=150302"));

        Assert.Equal("4", view.Find("[data-testid=kpi-filed] [data-testid=kpi-value]").TextContent);
        Assert.Equal("66.7%", view.Find("[data-testid=kpi-resolved] [data-testid=kpi-value]").TextContent);
        Assert.Equal("2 / 3 件", view.Find("[data-testid=kpi-resolved] .app-kpi-note").TextContent);
        Assert.Equal("1.7", view.Find("[data-testid=kpi-late] [data-testid=kpi-value]").TextContent);
        Assert.Equal("4.0", view.Find("[data-testid=kpi-satisfaction] [data-testid=kpi-value]").TextContent);
        Assert.Equal("/dashboard?from=2026-03-01&to=2026-03-31&area=150302&set=resolved#cases", view.Find("[data-testid=kpi-resolved] a").GetAttribute("href"));
        Assert.Equal("/dashboard?from=2026-03-01&to=2026-03-31&area=150302&set=village#cases", view.Find("[data-testid=tier-village] a").GetAttribute("href"));
        Assert.Contains("50.0%", view.Find("[data-testid=tier-township]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(view.FindAll("[data-testid=chart-tiers] svg"));
        Assert.NotEmpty(view.FindAll("[data-testid=chart-satisfaction] svg"));

        Assert.Equal("超期未结案件", view.Find("[data-testid=dashboard-cases] .mud-typography-h6").TextContent);
        Assert.Equal($"/workbench/cases/{overdue.Id}", view.Find("[data-testid=dashboard-case-link]").GetAttribute("href"));
        Assert.Equal("已超期", view.Find("[data-testid=dashboard-case-overdue]").TextContent);
        Assert.Equal("不公开", view.Find("[data-testid=dashboard-case-closed-mediation]").TextContent.Trim());
        Assert.Equal("/api/figures/cases.csv?from=2026-03-01&to=2026-03-31&area=150302&set=overdue", view.Find("[data-testid=dashboard-csv]").GetAttribute("href"));
    }

    [Fact]
    public void Dashboard_WithoutData_SaysSoInsteadOfEmptyCharts()
    {
        var summary = new FiguresSummary(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), null, null, DateTimeOffset.UnixEpoch, 0, 0, 0, null,
            [new(OrganisationKind.Village, 0, null)], 0, null, null, 0, new SatisfactionFigure(0, null, null, [0, 0, 0, 0, 0]), []);

        var view = Render<DashboardView>(p => p.Add(v => v.Summary, summary).Add(v => v.Set, "filed"));

        Assert.Equal("—", view.Find("[data-testid=kpi-resolved] [data-testid=kpi-value]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=chart-tiers] svg"));
        Assert.Equal("没有符合条件的案件。", view.Find("[data-testid=dashboard-cases-empty]").TextContent);
    }
}
