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
            issues.Add(new CalendarIssue("$.year", Text.Get("ScheduleYearOutOfRange", Year)));
            return issues;
        }

        for (var i = 0; i < Holidays.Count; i++)
        {
            var holiday = Holidays[i];
            CheckYear(holiday.From, Invariant($"$.holidays[{i}].from"), issues);
            CheckYear(holiday.To, Invariant($"$.holidays[{i}].to"), issues);
            if (holiday.From > holiday.To)
            {
                issues.Add(new CalendarIssue(
                    Invariant($"$.holidays[{i}].to"),
                    Text.Get("ScheduleHolidayEndsBeforeStart", holiday.Name, holiday.To, holiday.From)));
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
                    issues.Add(new CalendarIssue(
                        Invariant($"$.holidays[{i}]"),
                        Text.Get("ScheduleHolidaysOverlap", b.Name, b.From, b.To, j, a.Name, a.From, a.To)));
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
                issues.Add(new CalendarIssue(path, Text.Get("ScheduleMakeUpDayNotWeekend", date, DayName(date.DayOfWeek))));
            }

            for (var j = 0; j < Holidays.Count; j++)
            {
                var holiday = Holidays[j];
                if (holiday.From <= date && date <= holiday.To)
                {
                    issues.Add(new CalendarIssue(
                        path,
                        Text.Get("ScheduleMakeUpDayInHoliday", date, j, holiday.Name, holiday.From, holiday.To)));
                }
            }

            for (var j = 0; j < i; j++)
            {
                if (MakeUpWorkingDays[j].Date == date)
                {
                    issues.Add(new CalendarIssue(path, Text.Get("ScheduleMakeUpDayRepeated", date, j)));
                }
            }
        }

        return issues;
    }

    private void CheckYear(DateOnly date, string path, List<CalendarIssue> issues)
    {
        if (date.Year != Year)
        {
            issues.Add(new CalendarIssue(path, Text.Get("ScheduleDateOutsideYear", date, Year)));
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

    private static LocalizedText DayName(DayOfWeek day) => Text.Get(day switch
    {
        DayOfWeek.Monday => "DayOfWeekMonday",
        DayOfWeek.Tuesday => "DayOfWeekTuesday",
        DayOfWeek.Wednesday => "DayOfWeekWednesday",
        DayOfWeek.Thursday => "DayOfWeekThursday",
        DayOfWeek.Friday => "DayOfWeekFriday",
        DayOfWeek.Saturday => "DayOfWeekSaturday",
        _ => "DayOfWeekSunday",
    });

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
