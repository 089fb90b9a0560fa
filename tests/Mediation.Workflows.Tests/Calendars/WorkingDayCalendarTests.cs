using System.Globalization;
using Mediation.Workflows.Calendars;
using static Mediation.Workflows.Tests.Calendars.CalendarTestData;

namespace Mediation.Workflows.Tests.Calendars;

public class WorkingDayCalendarTests
{
    [Fact]
    public void Add_ThirtyWorkingDaysAcrossSpringFestival2026_CountsBothMakeUpSaturdays()
    {
        // From Mon 2 Feb 2026: Feb 3-6 (4), Feb 9-13 (9), Sat Feb 14 make-up (10), Feb 15-23 off,
        // Feb 24-27 (14), Sat Feb 28 make-up (15), Mar 2-6 (20), Mar 9-13 (25), Mar 16-20 (30).
        var deadline = Mainland.Add(At(2026, 2, 2, 10), WorkflowDuration.Parse("P30D"));

        Assert.Equal(EndOf(2026, 3, 20), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_WorkingDayDeadline_Is1600UtcOfLastDayInBeijingOffset()
    {
        var deadline = Mainland.Add(At(2026, 2, 2, 10), WorkflowDuration.FromDays(30));

        // 24:00 on Fri 20 March 2026 in +08:00 is 16:00 UTC that day.
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), deadline.At.UtcDateTime);
        Assert.Equal(Beijing, deadline.At.Offset);
    }

    [Fact]
    public void Add_TenWorkingDaysAcrossNationalDay2025_CountsSep28AndOct11()
    {
        // From Thu 25 Sep 2025: Fri Sep 26 (1), Sat 27 off, Sun Sep 28 make-up (2), Sep 29-30 (4), Oct 1-8 off,
        // Oct 9-10 (6), Sat Oct 11 make-up (7), Sun 12 off, Oct 13-15 (10).
        var deadline = Mainland.Add(At(2025, 9, 25, 9), WorkflowDuration.Parse("P10D"));

        Assert.Equal(EndOf(2025, 10, 15), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-14")] // Fri -> Sat Feb 14 is a make-up working day
    [InlineData("2026-02-14", 1, "2026-02-24")] // Sat make-up -> Feb 15-23 Spring Festival -> Tue Feb 24
    [InlineData("2026-02-17", 5, "2026-02-28")] // holiday -> Feb 24-27 (4), Sat Feb 28 make-up (5)
    [InlineData("2026-06-18", 1, "2026-06-22")] // Thu -> Fri Jun 19 is a weekday holiday (Dragon Boat) -> Mon Jun 22
    [InlineData("2025-12-31", 1, "2026-01-04")] // Wed -> Jan 1-3 2026 off -> Sun Jan 4 make-up
    [InlineData("2025-04-30", 1, "2025-05-06")] // Wed -> May 1-5 Labour Day -> Tue May 6
    [InlineData("2025-04-25", 1, "2025-04-27")] // Fri -> Sat 26 off -> Sun Apr 27 make-up
    [InlineData("2025-01-24", 5, "2025-02-07")] // Fri -> Sun Jan 26 make-up (1), Mon 27 (2), Jan 28-Feb 4 off, Feb 5-7 (5)
    [InlineData("2025-09-30", 1, "2025-10-09")] // Tue -> Oct 1-8 off -> Thu Oct 9
    [InlineData("2026-10-09", 1, "2026-10-10")] // Fri -> Sat Oct 10 make-up
    [InlineData("2026-03-16", 5, "2026-03-23")] // Mon -> Mar 17-20 (4), weekend, Mon Mar 23 (5)
    public void Add_DaysAcrossHolidaysAndMakeUpDays_EndsAtMidnightOfExpectedDay(string start, int days, string last)
    {
        var startDay = Day(start);
        var deadline = Mainland.Add(At(startDay.Year, startDay.Month, startDay.Day, 11), WorkflowDuration.FromDays(days));

        Assert.Equal(EndOf(last), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_MakeUpSaturdayCountsButWeekdayHolidayDoesNot_EndsOnExpectedDays()
    {
        // Fri 13 Feb 2026 + P1D: the make-up Saturday 14 Feb is the first working day.
        Assert.Equal(EndOf(2026, 2, 14), Mainland.Add(At(2026, 2, 13, 9), WorkflowDuration.FromDays(1)).At);

        // Thu 1 Oct 2026 is a weekday holiday: Wed 30 Sep + P1D skips Oct 1-7 and the weekend to Thu 8 Oct.
        Assert.Equal(EndOf(2026, 10, 8), Mainland.Add(At(2026, 9, 30, 9), WorkflowDuration.FromDays(1)).At);
    }

    [Fact]
    public void Add_StartOnHoliday_CountsFromFirstWorkingDayAfterHoliday()
    {
        // Tue 17 Feb 2026 is inside Spring Festival (Feb 15-23): day 1 is Tue 24 Feb, day 3 is Thu 26 Feb.
        var deadline = Mainland.Add(At(2026, 2, 17, 15), WorkflowDuration.FromDays(3));

        Assert.Equal(EndOf(2026, 2, 26), deadline.At);
    }

    [Fact]
    public void Add_StartInstantIsNextDayInBeijing_CountsFromBeijingDay()
    {
        // 17:00 UTC on Fri 13 Feb is 01:00 Sat 14 Feb in Beijing (a make-up day, not counted as the start day):
        // day 1 is Tue 24 Feb, after Spring Festival.
        var start = new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(EndOf(2026, 2, 24), Mainland.Add(start, WorkflowDuration.FromDays(1)).At);
    }

    [Theory]
    [InlineData(2026, 2, 17)] // a holiday
    [InlineData(2026, 3, 7)] // a Saturday
    [InlineData(2026, 3, 9)] // a working day
    [InlineData(2027, 3, 9)] // a year not on file: nothing is counted, so nothing is provisional
    public void Add_P0D_EndsAtMidnightOfStartDay(int year, int month, int day)
    {
        var deadline = Mainland.Add(At(year, month, day, 15, 30), WorkflowDuration.Parse("P0D"));

        Assert.Equal(EndOf(year, month, day), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Theory]
    [InlineData(2026, 2, 14)] // a make-up day next to Spring Festival
    [InlineData(2027, 6, 1)] // a year not on file
    public void Add_TimeBasedDuration_IsElapsedAndNotProvisional(int year, int month, int day)
    {
        var start = At(year, month, day, 23, 59);

        var deadline = Mainland.Add(start, WorkflowDuration.Parse("PT30S"));

        Assert.Equal(At(year, month, day, 23, 59).AddSeconds(30), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_DeadlineInto2027_IsProvisionalAndCountsWeekendsOnly()
    {
        // Wed 30 Dec 2026: Thu Dec 31 (1), Fri 1 Jan 2027 (2, no schedule: only weekends are off), Jan 4-6 (5).
        var deadline = Mainland.Add(At(2026, 12, 30, 10), WorkflowDuration.FromDays(5));

        Assert.Equal(EndOf(2027, 1, 6), deadline.At);
        Assert.True(deadline.Provisional);
    }

    [Fact]
    public void Add_DeadlineOnLastDayOnFile_IsNotProvisional()
    {
        var deadline = Mainland.Add(At(2026, 12, 30, 10), WorkflowDuration.FromDays(1));

        Assert.Equal(EndOf(2026, 12, 31), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_StartBeforeFirstYearOnFile_IsProvisional()
    {
        // Mon 30 Dec 2024 (2024 not on file): Tue Dec 31 (1, assumed), Jan 1 2025 off, Jan 2-3 (3).
        var deadline = Mainland.Add(At(2024, 12, 30, 10), WorkflowDuration.FromDays(3));

        Assert.Equal(EndOf(2025, 1, 3), deadline.At);
        Assert.True(deadline.Provisional);
    }

    [Fact]
    public void WithSchedule_Adding2027_MakesDeadlineNonProvisionalAndCorrect()
    {
        var with2027 = Mainland.WithSchedule(Made2027());

        // Wed 30 Dec 2026: Thu Dec 31 (1), Jan 1-3 2027 off, Jan 4-7 (5).
        var deadline = with2027.Add(At(2026, 12, 30, 10), WorkflowDuration.FromDays(5));

        Assert.Equal(EndOf(2027, 1, 7), deadline.At);
        Assert.False(deadline.Provisional);
        Assert.Equal([2025, 2026, 2027], with2027.YearsOnFile);

        // The original calendar is unchanged.
        Assert.Equal([2025, 2026], Mainland.YearsOnFile);
        Assert.True(Mainland.Add(At(2026, 12, 30, 10), WorkflowDuration.FromDays(5)).Provisional);
    }

    [Theory]
    [InlineData("2027-02-05", 2, "2027-02-16")] // Fri -> Feb 6-14 off -> Mon 15 (1), Tue 16 (2)
    [InlineData("2027-02-19", 1, "2027-02-20")] // Fri -> Sat Feb 20 make-up
    public void WithSchedule_Adding2027_CountsItsHolidaysAndMakeUpDays(string start, int days, string last)
    {
        var with2027 = Mainland.WithSchedule(Made2027());
        var startDay = Day(start);

        var deadline = with2027.Add(At(startDay.Year, startDay.Month, startDay.Day, 9), WorkflowDuration.FromDays(days));

        Assert.Equal(EndOf(last), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void WithSchedule_SameYear_ReplacesSchedule()
    {
        var empty2026 = new HolidaySchedule(2026, new ScheduleSource("空白", null, new DateOnly(2025, 11, 4)), [], []);

        var replaced = Mainland.WithSchedule(empty2026);

        // Without the 2026 schedule Sat Feb 14 is an ordinary Saturday: Fri Feb 13 + P1D is Mon Feb 16.
        Assert.Equal(EndOf(2026, 2, 16), replaced.Add(At(2026, 2, 13, 9), WorkflowDuration.FromDays(1)).At);
        Assert.Equal([2025, 2026], replaced.YearsOnFile);
        Assert.Same(empty2026, replaced.Schedules[1]);
    }

    [Fact]
    public void WithSchedule_InconsistentSchedule_Throws()
    {
        var mondayMakeUp = Made2027() with
        {
            MakeUpWorkingDays = [new MakeUpWorkingDay(new DateOnly(2027, 2, 22), Text("春节", "Spring Festival"))],
        };

        Assert.Throws<ArgumentException>(() => Mainland.WithSchedule(mondayMakeUp));
    }

    [Fact]
    public void Constructor_GapYear_CountsWeekendsOnlyAndMarksProvisional()
    {
        // 2025 and 2027 on file, 2026 missing.
        var calendar = new WorkingDayCalendar(Mainland.Info, [Mainland.Schedules[0], Made2027()]);

        // Wed 31 Dec 2025 + P1D: Thu 1 Jan 2026 is assumed to be a working day.
        var intoGap = calendar.Add(At(2025, 12, 31, 9), WorkflowDuration.FromDays(1));
        Assert.Equal(EndOf(2026, 1, 1), intoGap.At);
        Assert.True(intoGap.Provisional);

        // Mon 4 Jan 2027 + P1D stays in 2027.
        var inKnownYear = calendar.Add(At(2027, 1, 4, 9), WorkflowDuration.FromDays(1));
        Assert.Equal(EndOf(2027, 1, 5), inKnownYear.At);
        Assert.False(inKnownYear.Provisional);

        Assert.Equal(new CalendarDay(new DateOnly(2026, 2, 16), CalendarDayKind.WorkingDay, true), calendar.Describe(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void Constructor_DuplicateYear_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(Mainland.Info, [Made2027(), Made2027()]));
    }

    [Fact]
    public void Add_MonthsOrYears_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Mainland.Add(At(2026, 3, 2), WorkflowDuration.Parse("P1M")));
        Assert.Throws<ArgumentException>(() => Mainland.Subtract(At(2026, 3, 2), WorkflowDuration.Parse("P1Y")));
    }

    [Theory]
    [InlineData("2026-03-21T00:00:00+08:00", "P3D", "2026-03-18T00:00:00+08:00")] // end of Fri Mar 20 -> end of Tue Mar 17: Wed, Thu, Fri left
    [InlineData("2026-03-20T17:30:00+08:00", "P3D", "2026-03-17T17:30:00+08:00")] // Fri 17:30 -> Tue 17:30
    [InlineData("2026-03-20T16:00:00+00:00", "P3D", "2026-03-17T16:00:00+00:00")] // the same end of Friday, written in UTC
    [InlineData("2025-10-11T00:00:00+08:00", "P3D", "2025-09-30T00:00:00+08:00")] // end of Fri Oct 10 2025: Sep 30, Oct 9, Oct 10 left -> end of Mon Sep 29
    [InlineData("2026-03-03T00:00:00+08:00", "P3D", "2026-02-27T00:00:00+08:00")] // end of Mon Mar 2: Fri Feb 27, Sat Feb 28 (make-up), Mar 2 left -> end of Thu Feb 26
    [InlineData("2026-02-25T00:00:00+08:00", "P1D", "2026-02-15T00:00:00+08:00")] // end of Tue Feb 24: Feb 24 left -> end of Sat Feb 14 (make-up)
    [InlineData("2026-03-21T00:00:00+08:00", "P0D", "2026-03-21T00:00:00+08:00")] // nothing left: the deadline itself
    [InlineData("2026-03-21T00:00:00+08:00", "PT1H", "2026-03-20T23:00:00+08:00")] // elapsed time
    public void Subtract_ReminderBeforeDeadline_ReturnsExpectedInstant(string deadline, string duration, string expected)
    {
        var reminder = Mainland.Subtract(
            DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture),
            WorkflowDuration.Parse(duration));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), reminder.At);
        Assert.False(reminder.Provisional);
    }

    [Fact]
    public void Subtract_FromDeadlineIn2027_IsProvisionalUntilScheduleArrives()
    {
        var deadline = EndOf(2027, 1, 6);

        // Weekends only: Jan 4, 5, 6 left -> end of Fri 1 Jan 2027 (assumed a working day).
        var provisional = Mainland.Subtract(deadline, WorkflowDuration.FromDays(3));
        Assert.Equal(EndOf(2027, 1, 1), provisional.At);
        Assert.True(provisional.Provisional);

        // With 2027 on file Jan 1-3 are off: Jan 4, 5, 6 left -> end of Thu 31 Dec 2026.
        var known = Mainland.WithSchedule(Made2027()).Subtract(deadline, WorkflowDuration.FromDays(3));
        Assert.Equal(EndOf(2026, 12, 31), known.At);
        Assert.False(known.Provisional);
    }

    [Fact]
    public void Remaining_PausedMidPeriodWithHolidayAhead_CountsWorkingDaysLeft()
    {
        // The 30-day period from Mon 2 Feb 2026 ends at the end of Fri 20 Mar. Paused Thu 12 Feb 15:00, left:
        // Feb 13 (1), Sat Feb 14 make-up (2), Feb 15-23 off, Feb 24-27 (6), Sat Feb 28 (7), Mar 2-6, 9-13, 16-20 (22).
        var deadline = EndOf(2026, 3, 20);

        var left = Mainland.Remaining(At(2026, 2, 12, 15), deadline, dateBased: true);

        Assert.Equal(22, left.Days);
        Assert.True(left.IsDateBased);

        // Resumed Mon 2 Mar 09:00: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), Mar 30, 31, Apr 1 (22).
        Assert.Equal(EndOf(2026, 4, 1), Mainland.Add(At(2026, 3, 2, 9), left).At);
    }

    [Theory]
    [InlineData("2025-09-26T10:00:00+08:00", "2025-10-16T00:00:00+08:00", 9)] // Sep 28, 29, 30, Oct 9, 10, 11, 13, 14, 15
    [InlineData("2026-03-20T10:00:00+08:00", "2026-03-21T00:00:00+08:00", 0)] // on the last day: no whole day after today
    [InlineData("2026-03-23T10:00:00+08:00", "2026-03-21T00:00:00+08:00", 0)] // past the deadline: never negative
    [InlineData("2026-03-19T10:00:00+08:00", "2026-03-20T17:30:00+08:00", 1)] // a deadline during the day keeps that day
    public void Remaining_DateBased_CountsWorkingDaysAfterFromUpToLastDay(string from, string deadline, int expected)
    {
        var left = Mainland.Remaining(
            DateTimeOffset.Parse(from, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture),
            dateBased: true);

        Assert.Equal(expected, left.Days);
    }

    [Fact]
    public void Remaining_TimeBased_IsElapsedTime()
    {
        var left = Mainland.Remaining(At(2026, 2, 14, 12), At(2026, 2, 14, 12).AddSeconds(90), dateBased: false);

        Assert.Equal(TimeSpan.FromSeconds(90), left.Time);
        Assert.False(left.IsDateBased);
    }

    [Theory]
    [InlineData("2026-03-02", CalendarDayKind.WorkingDay, false, null)] // Monday
    [InlineData("2026-03-07", CalendarDayKind.Weekend, false, null)] // Saturday
    [InlineData("2026-02-16", CalendarDayKind.Holiday, false, "春节")] // Monday inside Spring Festival
    [InlineData("2026-02-15", CalendarDayKind.Holiday, false, "春节")] // Sunday inside Spring Festival
    [InlineData("2026-02-14", CalendarDayKind.MakeUpWorkingDay, false, "春节")] // Saturday worked for Spring Festival
    [InlineData("2025-10-06", CalendarDayKind.Holiday, false, "国庆节、中秋节")]
    [InlineData("2026-09-20", CalendarDayKind.MakeUpWorkingDay, false, "国庆节")] // Sunday worked for National Day
    [InlineData("2027-01-01", CalendarDayKind.WorkingDay, true, null)] // Friday, 2027 not on file
    [InlineData("2027-01-02", CalendarDayKind.Weekend, true, null)] // Saturday, 2027 not on file
    [InlineData("2024-10-01", CalendarDayKind.WorkingDay, true, null)] // Tuesday, 2024 not on file
    public void Describe_Day_ReturnsKindProvisionalAndHolidayName(string day, CalendarDayKind kind, bool provisional, string? holiday)
    {
        var described = Mainland.Describe(Day(day));

        Assert.Equal(new CalendarDay(Day(day), kind, provisional, holiday), described);
        Assert.Equal(kind is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay, described.IsWorkingDay);
    }

    [Fact]
    public void Properties_ShippedCalendar_DescribeCnMainland()
    {
        Assert.Equal("cn-mainland", Mainland.Name);
        Assert.Equal("中国大陆法定工作日", Mainland.DisplayName.ZhCn);
        Assert.Equal(Beijing, Mainland.TimeZone.GetUtcOffset(At(2026, 7, 1)));
        Assert.True(Mainland.HasScheduleFor(2026));
        Assert.False(Mainland.HasScheduleFor(2027));
    }
}
