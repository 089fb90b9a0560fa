using Bunit;
using Mediation.Api.Calendars;
using Mediation.Api.Components.Admin;
using Mediation.Api.Data.Entities;
using Mediation.Api.Figures;

namespace Mediation.Web.Tests.Components.Admin;

/// <summary>The console in English: the same components read the English resources.</summary>
public sealed class AdminComponentEnglishTests : ComponentTestContext, IAsyncLifetime
{
    public AdminComponentEnglishTests()
        : base("en")
    {
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void Dashboard_InEnglish()
    {
        var summary = new FiguresSummary(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, null, DateTimeOffset.UnixEpoch, 4, 3, 2, 2.0 / 3,
            [new(OrganisationKind.Village, 2, 1)], 3, 1, 1.5, 0, new SatisfactionFigure(0, null, null, [0, 0, 0, 0, 0]), []);

        var view = Render<DashboardView>(p => p.Add(v => v.Summary, summary).Add(v => v.Set, "resolved"));

        Assert.Equal("Resolution rate", view.Find("[data-testid=kpi-resolved] .app-kpi-label").TextContent);
        Assert.Equal("2 of 3", view.Find("[data-testid=kpi-resolved] .app-kpi-note").TextContent);
        Assert.Equal("Cases resolved", view.Find("[data-testid=dashboard-cases] .mud-typography-h6").TextContent);
        Assert.Contains("Village or community", view.Find("[data-testid=tier-village]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarYearForm_InEnglish()
    {
        var form = Render<CalendarYearForm>(p => p.Add(f => f.Calendar, "cn-mainland").Add(f => f.Added, new CalendarYearAdded("cn-mainland", 2027, 7, 32, 6, [2027], 0)));

        Assert.Equal("Added 2027 to cn-mainland: 32 days off, 6 make-up working days; provisional deadlines of 0 open case(s) recounted.",
            form.Find("[data-testid=calendar-year-added]").TextContent.Trim());
        Assert.Equal("Check and add", form.Find("[data-testid=calendar-year-submit]").TextContent.Trim());
    }
}
