using Mediation.Workflows.Calendars;
using static Mediation.Workflows.Tests.Calendars.CalendarTestData;

namespace Mediation.Workflows.Tests.Calendars;

public class CalendarJsonTests
{
    private const string ValidCalendar = """
        { "name": "test", "displayName": { "zh-CN": "测试", "en": "Test" }, "timeZone": "Asia/Shanghai", "weekend": ["Saturday", "Sunday"] }
        """;

    public static TheoryData<string, string[]> InvalidSchedules => new()
    {
        // A 2025 file listing a day of 2026.
        { Year(Holiday("2025-12-31", "2026-01-01"), string.Empty), ["$.holidays[0].to"] },
        { Year(string.Empty, MakeUp("2026-01-04")), ["$.makeUpWorkingDays[0].date"] },

        // from after to.
        { Year(Holiday("2025-02-04", "2025-01-28"), string.Empty), ["$.holidays[0].to"] },

        // Jan 28 - Feb 4 and Feb 3 - Feb 5 share Feb 3 and 4.
        { Year(Holiday("2025-01-28", "2025-02-04") + "," + Holiday("2025-02-03", "2025-02-05"), string.Empty), ["$.holidays[1]"] },

        // Mon 27 Jan 2025 is not a weekend day.
        { Year(string.Empty, MakeUp("2025-01-27")), ["$.makeUpWorkingDays[0].date"] },

        // Sat 1 Feb 2025 is inside Spring Festival.
        { Year(Holiday("2025-01-28", "2025-02-04"), MakeUp("2025-02-01")), ["$.makeUpWorkingDays[0].date"] },

        // The same make-up day twice.
        { Year(string.Empty, MakeUp("2025-01-26") + "," + MakeUp("2025-01-26")), ["$.makeUpWorkingDays[1].date"] },

        // Not yyyy-MM-dd.
        { Year(Holiday("2025/01/28", "2025-02-04"), string.Empty), ["$.holidays[0].from"] },

        // A name without Chinese.
        { Year("""{ "name": { "en": "Spring Festival" }, "from": "2025-01-28", "to": "2025-02-04" }""", string.Empty), ["$.holidays[0].name['zh-CN']"] },

        // The year as a string.
        { Year(string.Empty, string.Empty).Replace("\"year\": 2025", "\"year\": \"2025\"", StringComparison.Ordinal), ["$.year"] },

        // A misspelt property is reported, and so is the property it should have been.
        { Year(string.Empty, string.Empty).Replace("makeUpWorkingDays", "makeupWorkingDays", StringComparison.Ordinal), ["$.makeupWorkingDays", "$.makeUpWorkingDays"] },
    };

    [Theory]
    [MemberData(nameof(InvalidSchedules))]
    public void ParseSchedule_InvalidSchedule_ReportsPathInChineseAndEnglish(string json, string[] expectedPaths)
    {
        var result = CalendarJson.ParseSchedule(json);

        Assert.Null(result.Schedule);
        Assert.Equal(expectedPaths, result.Issues.Select(issue => issue.Path));
        Assert.All(result.Issues, issue =>
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.Message.ZhCn));
            Assert.False(string.IsNullOrWhiteSpace(issue.Message.En));
        });
    }

    [Fact]
    public void ParseSchedule_MalformedJson_ReportsLineAndPosition()
    {
        var result = CalendarJson.ParseSchedule("{\n  \"year\": 2025,\n  \"holidays\": [\n");

        Assert.Null(result.Schedule);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("$", issue.Path);
        Assert.StartsWith("Malformed JSON at line 4", issue.Message.En, StringComparison.Ordinal);
        Assert.StartsWith("JSON 格式错误（第 4 行", issue.Message.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSchedule_DuplicateProperty_IsMalformed()
    {
        var result = CalendarJson.ParseSchedule(Year(string.Empty, string.Empty).Replace("\"year\": 2025,", "\"year\": 2025, \"year\": 2026,", StringComparison.Ordinal));

        Assert.Null(result.Schedule);
        Assert.StartsWith("Malformed JSON", Assert.Single(result.Issues).Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSchedule_ValidYear_ReturnsScheduleWithoutIssues()
    {
        var result = CalendarJson.ParseSchedule(Year(Holiday("2025-01-28", "2025-02-04"), MakeUp("2025-01-26") + "," + MakeUp("2025-02-08")));

        Assert.Empty(result.Issues);
        var schedule = Assert.IsType<HolidaySchedule>(result.Schedule);
        Assert.Equal(2025, schedule.Year);
        Assert.Null(schedule.Source.DocumentNumber);
        Assert.Equal(new HolidayPeriod(Text("春节", "Spring Festival"), new DateOnly(2025, 1, 28), new DateOnly(2025, 2, 4)), Assert.Single(schedule.Holidays));
        Assert.Equal([new DateOnly(2025, 1, 26), new DateOnly(2025, 2, 8)], schedule.MakeUpWorkingDays.Select(day => day.Date));
    }

    [Fact]
    public void ParseSchedule_OtherWeekend_ChecksMakeUpDaysAgainstIt()
    {
        // With a Friday-Saturday weekend, Sat 8 Feb 2025 may be worked but Sun 26 Jan is already a working day.
        var json = Year(string.Empty, MakeUp("2025-01-26") + "," + MakeUp("2025-02-08"));

        var result = CalendarJson.ParseSchedule(json, [DayOfWeek.Friday, DayOfWeek.Saturday]);

        Assert.Equal(["$.makeUpWorkingDays[0].date"], result.Issues.Select(issue => issue.Path));
    }

    [Fact]
    public void SerializeSchedule_RoundTrip_PreservesEveryField()
    {
        var schedule = Made2027();

        var parsed = CalendarJson.ParseSchedule(CalendarJson.SerializeSchedule(schedule));

        Assert.Empty(parsed.Issues);
        var copy = Assert.IsType<HolidaySchedule>(parsed.Schedule);
        Assert.Equal(schedule.Year, copy.Year);
        Assert.Equal(schedule.Source, copy.Source);
        Assert.Equal(schedule.Holidays, copy.Holidays);
        Assert.Equal(schedule.MakeUpWorkingDays, copy.MakeUpWorkingDays);
    }

    [Theory]
    [InlineData("2025.json")]
    [InlineData("2026.json")]
    public void SerializeSchedule_ShippedYear_ReproducesFileExactly(string file)
    {
        var text = File.ReadAllText(Path.Combine(CalendarsRoot, "cn-mainland", file));
        var schedule = Assert.IsType<HolidaySchedule>(CalendarJson.ParseSchedule(text).Schedule);

        Assert.Equal(text, CalendarJson.SerializeSchedule(schedule));
    }

    [Fact]
    public void LoadDirectory_ShippedCnMainland_LoadsWithoutIssues()
    {
        var result = CalendarJson.LoadDirectory(Path.Combine(CalendarsRoot, "cn-mainland"));

        Assert.Empty(result.Issues);
        var calendar = Assert.IsType<WorkingDayCalendar>(result.Calendar);
        Assert.Equal("cn-mainland", calendar.Name);
        Assert.Equal("Mainland China statutory working days", calendar.DisplayName.En);
        Assert.Equal("Asia/Shanghai", calendar.Info.TimeZone);
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], calendar.Info.Weekend);
        Assert.Equal([2025, 2026], calendar.YearsOnFile);
    }

    [Fact]
    public void LoadDirectory_Shipped2025_HasNoticeHolidaysAndMakeUpDays()
    {
        var schedule = Mainland.Schedules[0];

        Assert.Equal(new ScheduleSource("国务院办公厅关于2025年部分节假日安排的通知", "国办发明电〔2024〕12号", new DateOnly(2024, 11, 12)), schedule.Source);

        // 元旦 1 + 春节 8 (Jan 28-Feb 4) + 清明 3 + 劳动 5 + 端午 3 (May 31-Jun 2) + 国庆中秋 8 = 28 days in 6 periods.
        Assert.Equal(6, schedule.Holidays.Count);
        Assert.Equal(28, schedule.HolidayDayCount);
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节、中秋节"], schedule.Holidays.Select(holiday => holiday.Name.ZhCn));
        Assert.Equal(
            [Day("2025-01-26"), Day("2025-02-08"), Day("2025-04-27"), Day("2025-09-28"), Day("2025-10-11")],
            schedule.MakeUpWorkingDays.Select(day => day.Date));
    }

    [Fact]
    public void LoadDirectory_Shipped2026_HasNoticeHolidaysAndMakeUpDays()
    {
        var schedule = Mainland.Schedules[1];

        Assert.Equal(new ScheduleSource("国务院办公厅关于2026年部分节假日安排的通知", null, new DateOnly(2025, 11, 4)), schedule.Source);

        // 元旦 3 + 春节 9 (Feb 15-23) + 清明 3 + 劳动 5 + 端午 3 + 中秋 3 + 国庆 7 = 33 days in 7 periods.
        Assert.Equal(7, schedule.Holidays.Count);
        Assert.Equal(33, schedule.HolidayDayCount);
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], schedule.Holidays.Select(holiday => holiday.Name.ZhCn));
        Assert.Equal(
            [Day("2026-01-04"), Day("2026-02-14"), Day("2026-02-28"), Day("2026-05-09"), Day("2026-09-20"), Day("2026-10-10")],
            schedule.MakeUpWorkingDays.Select(day => day.Date));
    }

    [Fact]
    public void LoadDirectory_DuplicateYear_ReportsSecondFile()
    {
        using var temp = new TempDirectory();
        temp.Write("test/calendar.json", ValidCalendar);
        temp.Write("test/2025.json", Year(string.Empty, string.Empty));
        var folder = temp.Write("test/2025-revised.json", Year(string.Empty, string.Empty));

        var result = CalendarJson.LoadDirectory(folder);

        Assert.Null(result.Calendar);
        Assert.Equal(["test/2025-revised.json:$.year"], result.Issues.Select(issue => issue.Path));
        Assert.Contains("test/2025.json", result.Issues[0].Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_FileNameDiffersFromYear_ReportsYear()
    {
        using var temp = new TempDirectory();
        temp.Write("test/calendar.json", ValidCalendar);
        var folder = temp.Write("test/2026.json", Year(string.Empty, string.Empty));

        var result = CalendarJson.LoadDirectory(folder);

        Assert.Equal(["test/2026.json:$.year"], result.Issues.Select(issue => issue.Path));
    }

    [Fact]
    public void LoadDirectory_UnknownTimeZone_ReportsTimeZone()
    {
        using var temp = new TempDirectory();
        var folder = temp.Write("test/calendar.json", ValidCalendar.Replace("Asia/Shanghai", "Mars/Olympus_Mons", StringComparison.Ordinal));

        var result = CalendarJson.LoadDirectory(folder);

        Assert.Null(result.Calendar);
        var issue = Assert.Single(result.Issues);
        Assert.Equal("test/calendar.json:$.timeZone", issue.Path);
        Assert.Contains("Mars/Olympus_Mons", issue.Message.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_BadWeekday_ReportsWeekendEntry()
    {
        using var temp = new TempDirectory();
        var folder = temp.Write("test/calendar.json", ValidCalendar.Replace("\"Sunday\"", "\"Sun\"", StringComparison.Ordinal));

        var result = CalendarJson.LoadDirectory(folder);

        Assert.Equal(["test/calendar.json:$.weekend[1]"], result.Issues.Select(issue => issue.Path));
    }

    [Fact]
    public void LoadDirectory_MissingCalendarFileAndBrokenYears_ReportsEveryProblem()
    {
        using var temp = new TempDirectory();
        temp.Write("test/2025.json", Year(Holiday("2025-02-04", "2025-01-28"), string.Empty));
        var folder = temp.Write("test/2026.json", "{ \"year\": 2026,");

        var result = CalendarJson.LoadDirectory(folder);

        Assert.Null(result.Calendar);
        Assert.Equal(
            ["test/calendar.json", "test/2025.json:$.holidays[0].to", "test/2026.json:$"],
            result.Issues.Select(issue => issue.Path));
    }

    [Fact]
    public void LoadDirectory_MissingFolder_ReportsFolder()
    {
        using var temp = new TempDirectory();

        var result = CalendarJson.LoadDirectory(Path.Combine(temp.Root, "nowhere"));

        Assert.Null(result.Calendar);
        Assert.Equal(["nowhere"], result.Issues.Select(issue => issue.Path));
    }

    private static string Year(string holidays, string makeUpDays) => $$"""
        {
          "year": 2025,
          "source": { "title": "测试通知", "documentNumber": null, "published": "2024-11-12" },
          "holidays": [{{holidays}}],
          "makeUpWorkingDays": [{{makeUpDays}}]
        }
        """;

    private static string Holiday(string from, string to) =>
        $$"""{ "name": { "zh-CN": "春节", "en": "Spring Festival" }, "from": "{{from}}", "to": "{{to}}" }""";

    private static string MakeUp(string date) =>
        $$"""{ "date": "{{date}}", "for": { "zh-CN": "春节", "en": "Spring Festival" } }""";
}
