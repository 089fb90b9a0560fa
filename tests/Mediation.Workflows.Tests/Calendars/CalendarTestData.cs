using System.Globalization;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Tests.Calendars;

/// <summary>The shipped calendar data and small helpers for writing instants in Beijing time.</summary>
internal static class CalendarTestData
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly Lazy<WorkingDayCalendar> _mainland = new(LoadMainland);

    public static string CalendarsRoot => Path.Combine(AppContext.BaseDirectory, "workflows", "calendars");

    /// <summary>The shipped cn-mainland calendar (2025 and 2026 on file).</summary>
    public static WorkingDayCalendar Mainland => _mainland.Value;

    /// <summary>A local Beijing instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Beijing);

    /// <summary>24:00 Beijing time of the given day.</summary>
    public static DateTimeOffset EndOf(int year, int month, int day) => At(year, month, day).AddDays(1);

    /// <summary>24:00 Beijing time of a yyyy-MM-dd day.</summary>
    public static DateTimeOffset EndOf(string day) => EndOf(Day(day));

    public static DateTimeOffset EndOf(DateOnly day) => EndOf(day.Year, day.Month, day.Day);

    public static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static LocalizedText Text(string zhCn, string en) => new(zhCn, en);

    /// <summary>A made-up 2027 schedule: New Year's Day Fri 1 – Sun 3 January, Spring Festival Sat 6 – Sun 14 February, make-up Sat 20 February.</summary>
    public static HolidaySchedule Made2027() => new(
        2027,
        new ScheduleSource("测试用 2027 年安排", null, new DateOnly(2026, 11, 1)),
        [
            new HolidayPeriod(Text("元旦", "New Year's Day"), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3)),
            new HolidayPeriod(Text("春节", "Spring Festival"), new DateOnly(2027, 2, 6), new DateOnly(2027, 2, 14)),
        ],
        [new MakeUpWorkingDay(new DateOnly(2027, 2, 20), Text("春节", "Spring Festival"))]);

    private static WorkingDayCalendar LoadMainland()
    {
        var result = CalendarJson.LoadDirectory(Path.Combine(CalendarsRoot, "cn-mainland"));
        return result.Calendar ?? throw new InvalidOperationException(string.Join("\n", result.Issues));
    }
}

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mediation-calendar-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/>, creating folders; returns the folder.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return Path.GetDirectoryName(path)!;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
