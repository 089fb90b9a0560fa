using System.Globalization;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Calendars;

/// <summary>
/// One year's statutory holiday arrangement as the State Council publishes it: the holidays (days off, including
/// weekdays taken off in exchange) and the make-up working days (weekend days that are worked, 调休).
/// </summary>
/// <param name="Year">The year the schedule covers; every date in it must fall in this year.</param>
/// <param name="Source">The notice the schedule was taken from.</param>
/// <param name="Holidays">The holiday periods, each a run of consecutive days off.</param>
/// <param name="MakeUpWorkingDays">The weekend days that are working days this year.</param>
public sealed record HolidaySchedule(
    int Year,
    ScheduleSource Source,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays)
{
    /// <summary>The number of days off the holiday periods cover.</summary>
    public int HolidayDayCount
    {
        get
        {
            var count = 0;
            foreach (var holiday in Holidays)
            {
                count += Math.Max(0, holiday.To.DayNumber - holiday.From.DayNumber + 1);
            }

            return count;
        }
    }

    /// <summary>
    /// Checks the schedule's dates against each other and against <paramref name="weekend"/>: every date in
    /// <see cref="Year"/>, no period ending before it starts, no overlapping periods, make-up working days only on
    /// weekend days, outside every holiday and listed once. Locations are JSON paths into the year file.
    /// </summary>
    /// <param name="weekend">The days of the week that are not worked in the calendar the schedule belongs to.</param>
    /// <returns>The problems found; empty when the schedule is consistent.</returns>
    public IReadOnlyList<CalendarIssue> Validate(IReadOnlyCollection<DayOfWeek> weekend)
    {
        ArgumentNullException.ThrowIfNull(weekend);
        var issues = new List<CalendarIssue>();
        if (Year is < 1 or > 9999)
        {
            issues.Add(new CalendarIssue("$.year", new LocalizedText(
                Invariant($"年份 {Year} 超出范围（1–9999）。"),
                Invariant($"Year {Year} is out of range (1-9999)."))));
            return issues;
        }

        for (var i = 0; i < Holidays.Count; i++)
        {
            var holiday = Holidays[i];
            CheckYear(holiday.From, Invariant($"$.holidays[{i}].from"), issues);
            CheckYear(holiday.To, Invariant($"$.holidays[{i}].to"), issues);
            if (holiday.From > holiday.To)
            {
                issues.Add(new CalendarIssue(Invariant($"$.holidays[{i}].to"), new LocalizedText(
                    Invariant($"“{holiday.Name.ZhCn}”的结束日期 {Format(holiday.To)} 早于开始日期 {Format(holiday.From)}。"),
                    Invariant($"'{holiday.Name.En}' ends on {Format(holiday.To)}, before it starts on {Format(holiday.From)}."))));
            }
        }

        for (var i = 0; i < Holidays.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = Holidays[j];
                var b = Holidays[i];
                if (a.From <= a.To && b.From <= b.To && b.From <= a.To && a.From <= b.To)
                {
                    issues.Add(new CalendarIssue(Invariant($"$.holidays[{i}]"), new LocalizedText(
                        Invariant($"“{b.Name.ZhCn}”（{Format(b.From)} 至 {Format(b.To)}）与 $.holidays[{j}]“{a.Name.ZhCn}”（{Format(a.From)} 至 {Format(a.To)}）重叠。"),
                        Invariant($"'{b.Name.En}' ({Format(b.From)} to {Format(b.To)}) overlaps $.holidays[{j}] '{a.Name.En}' ({Format(a.From)} to {Format(a.To)})."))));
                }
            }
        }

        for (var i = 0; i < MakeUpWorkingDays.Count; i++)
        {
            var date = MakeUpWorkingDays[i].Date;
            var path = Invariant($"$.makeUpWorkingDays[{i}].date");
            CheckYear(date, path, issues);
            if (!Contains(weekend, date.DayOfWeek))
            {
                issues.Add(new CalendarIssue(path, new LocalizedText(
                    Invariant($"调休上班日 {Format(date)} 是{ChineseDayName(date.DayOfWeek)}，不是周末；调休上班日只能是周末。"),
                    Invariant($"Make-up working day {Format(date)} is a {date.DayOfWeek}, not a weekend day; only weekend days can be make-up working days."))));
            }

            for (var j = 0; j < Holidays.Count; j++)
            {
                var holiday = Holidays[j];
                if (holiday.From <= date && date <= holiday.To)
                {
                    issues.Add(new CalendarIssue(path, new LocalizedText(
                        Invariant($"调休上班日 {Format(date)} 落在假期 $.holidays[{j}]“{holiday.Name.ZhCn}”（{Format(holiday.From)} 至 {Format(holiday.To)}）之内。"),
                        Invariant($"Make-up working day {Format(date)} falls inside holiday $.holidays[{j}] '{holiday.Name.En}' ({Format(holiday.From)} to {Format(holiday.To)})."))));
                }
            }

            for (var j = 0; j < i; j++)
            {
                if (MakeUpWorkingDays[j].Date == date)
                {
                    issues.Add(new CalendarIssue(path, new LocalizedText(
                        Invariant($"调休上班日 {Format(date)} 与 $.makeUpWorkingDays[{j}] 重复。"),
                        Invariant($"Make-up working day {Format(date)} repeats $.makeUpWorkingDays[{j}]."))));
                }
            }
        }

        return issues;
    }

    private void CheckYear(DateOnly date, string path, List<CalendarIssue> issues)
    {
        if (date.Year != Year)
        {
            issues.Add(new CalendarIssue(path, new LocalizedText(
                Invariant($"日期 {Format(date)} 不在 {Year} 年内；年度文件只列本年的日期（跨年假期中上一年或下一年的日期请写入那一年的文件）。"),
                Invariant($"{Format(date)} is not in {Year}; a year file lists only that year's dates (put the other year's days of a period that spans New Year in that year's file)."))));
        }
    }

    private static bool Contains(IReadOnlyCollection<DayOfWeek> days, DayOfWeek day)
    {
        foreach (var candidate in days)
        {
            if (candidate == day)
            {
                return true;
            }
        }

        return false;
    }

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string ChineseDayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>The published notice a <see cref="HolidaySchedule"/> was taken from.</summary>
/// <param name="Title">The notice's title, e.g. 国务院办公厅关于2026年部分节假日安排的通知.</param>
/// <param name="DocumentNumber">The notice's document number (文号), e.g. 国办发明电〔2024〕12号, or null when not verified.</param>
/// <param name="Published">The day the notice was published.</param>
public sealed record ScheduleSource(string Title, string? DocumentNumber, DateOnly Published);

/// <summary>A run of consecutive days off, first and last day included.</summary>
/// <param name="Name">The holiday's name.</param>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off.</param>
public sealed record HolidayPeriod(LocalizedText Name, DateOnly From, DateOnly To);

/// <summary>A weekend day that is worked in exchange for a holiday (调休).</summary>
/// <param name="Date">The weekend day that is worked.</param>
/// <param name="For">The holiday it is worked for.</param>
public sealed record MakeUpWorkingDay(DateOnly Date, LocalizedText For);

/// <summary>What a working-day calendar is, apart from its yearly schedules (a calendar folder's calendar.json).</summary>
/// <param name="Name">The name workflow definitions use, e.g. cn-mainland.</param>
/// <param name="DisplayName">The name shown to people.</param>
/// <param name="TimeZone">The IANA time zone id that decides which day an instant falls on, e.g. Asia/Shanghai.</param>
/// <param name="Weekend">The days of the week that are not worked unless a schedule makes them make-up working days.</param>
public sealed record WorkingDayCalendarInfo(
    string Name,
    LocalizedText DisplayName,
    string TimeZone,
    IReadOnlyList<DayOfWeek> Weekend);
