using Mediation.Workflows.Calendars;
using static Mediation.Workflows.Tests.Calendars.CalendarTestData;

namespace Mediation.Workflows.Tests.Calendars;

public class CalendarRegistryTests
{
    [Fact]
    public void LoadFrom_ShippedCalendars_ContainsCnMainlandAndNatural()
    {
        var registry = CalendarRegistry.LoadFrom(CalendarsRoot);

        Assert.Equal(["cn-mainland", "natural"], registry.Names);
        Assert.True(registry.TryGet("cn-mainland", out var mainland));
        Assert.Equal([2025, 2026], Assert.IsType<WorkingDayCalendar>(mainland).YearsOnFile);
        Assert.True(registry.TryGet("natural", out var natural));
        Assert.IsType<NaturalCalendar>(natural);
        Assert.False(registry.TryGet("Natural", out _));
    }

    [Fact]
    public void Default_Always_ContainsOnlyNatural()
    {
        Assert.Equal(["natural"], CalendarRegistry.Default.Names);
    }

    [Fact]
    public void With_NewCalendar_ReturnsNewRegistryAndLeavesOriginal()
    {
        var original = CalendarRegistry.Default.With(Mainland);

        var updated = original.With(Mainland.WithSchedule(Made2027()));

        Assert.True(updated.TryGet("cn-mainland", out var replaced));
        Assert.Equal([2025, 2026, 2027], ((WorkingDayCalendar)replaced).YearsOnFile);
        Assert.True(original.TryGet("cn-mainland", out var kept));
        Assert.Same(Mainland, kept);
        Assert.Equal(["cn-mainland", "natural"], updated.Names);
    }

    [Fact]
    public void With_NonNaturalCalendarNamedNatural_Throws()
    {
        var impostor = new WorkingDayCalendar(Mainland.Info with { Name = "natural" }, []);

        Assert.Throws<ArgumentException>(() => CalendarRegistry.Default.With(impostor));
    }

    [Fact]
    public void LoadFrom_InvalidFolders_ThrowsListingEveryIssue()
    {
        using var temp = new TempDirectory();
        temp.Write("bad-zone/calendar.json", """
            { "name": "bad-zone", "displayName": { "zh-CN": "坏", "en": "Bad" }, "timeZone": "Nowhere/Nothing", "weekend": ["Saturday", "Sunday"] }
            """);
        temp.Write("no-info/2025.json", "{}");

        var exception = Assert.Throws<CalendarLoadException>(() => CalendarRegistry.LoadFrom(temp.Root));

        Assert.Equal(
            [
                "bad-zone/calendar.json:$.timeZone",
                "no-info/calendar.json",
                "no-info/2025.json:$.year",
                "no-info/2025.json:$.source",
                "no-info/2025.json:$.holidays",
                "no-info/2025.json:$.makeUpWorkingDays",
            ],
            exception.Issues.Select(issue => issue.Path));
        Assert.Contains("bad-zone/calendar.json:$.timeZone", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no-info/calendar.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFrom_MissingRoot_ThrowsDirectoryNotFound()
    {
        using var temp = new TempDirectory();

        Assert.Throws<DirectoryNotFoundException>(() => CalendarRegistry.LoadFrom(Path.Combine(temp.Root, "missing")));
    }
}
