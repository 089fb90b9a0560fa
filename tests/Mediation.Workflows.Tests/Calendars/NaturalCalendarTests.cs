using System.Globalization;
using Mediation.Workflows.Calendars;
using static Mediation.Workflows.Tests.Calendars.CalendarTestData;

namespace Mediation.Workflows.Tests.Calendars;

public class NaturalCalendarTests
{
    private readonly NaturalCalendar _calendar = new();

    [Fact]
    public void Add_P30D_EndsAtMidnightThirtyDaysLater()
    {
        // From Sat 10 Jan 2026: Jan 11 is day 1, Jan 31 day 21, Feb 9 day 30; weekends and holidays count.
        var deadline = _calendar.Add(At(2026, 1, 10, 10), WorkflowDuration.Parse("P30D"));

        Assert.Equal(EndOf(2026, 2, 9), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Theory]
    [InlineData("2026-01-31", "P1M", "2026-02-28")] // no 31 February: the month's last day
    [InlineData("2028-01-31", "P1M", "2028-02-29")] // leap year
    [InlineData("2026-03-31", "P1M", "2026-04-30")]
    [InlineData("2026-01-15", "P1M", "2026-02-15")] // the corresponding day
    [InlineData("2024-02-29", "P1Y", "2025-02-28")]
    [InlineData("2026-01-31", "P1M3D", "2026-03-03")] // months first (Feb 28), then days
    [InlineData("2026-12-20", "P2W", "2027-01-03")] // weeks are seven days; no schedule needed
    public void Add_MonthsAndYears_ClampToMonthEnd(string start, string duration, string last)
    {
        var startDay = Day(start);

        var deadline = _calendar.Add(At(startDay.Year, startDay.Month, startDay.Day, 9), WorkflowDuration.Parse(duration));

        Assert.Equal(EndOf(last), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_P1MFromJanuary31_Is1600UtcOnFebruary28()
    {
        var deadline = _calendar.Add(At(2026, 1, 31, 9), WorkflowDuration.Parse("P1M"));

        // 24:00 on 28 Feb 2026 at +08:00.
        Assert.Equal(new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), deadline.At.UtcDateTime);
        Assert.Equal(Beijing, deadline.At.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, Beijing), deadline.At);
    }

    [Fact]
    public void Add_StartLateInUtcDay_CountsFromBeijingDay()
    {
        // 16:30 UTC on 30 Jan is 00:30 on 31 Jan in Beijing, so P1M ends with 28 February.
        var start = new DateTimeOffset(2026, 1, 30, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(EndOf(2026, 2, 28), _calendar.Add(start, WorkflowDuration.Parse("P1M")).At);
    }

    [Fact]
    public void Add_TimeBased_IsElapsed()
    {
        var start = At(2026, 2, 17, 23, 59);

        var deadline = _calendar.Add(start, WorkflowDuration.Parse("PT30S"));

        Assert.Equal(start.AddSeconds(30), deadline.At);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void Add_OtherTimeZone_EndsAtThatZonesMidnight()
    {
        var utc = new NaturalCalendar(TimeZoneInfo.Utc);

        // 23:00 UTC on 1 Jan is still 1 Jan in UTC: P1D ends at 24:00 UTC on 2 Jan.
        var deadline = utc.Add(new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.Zero), WorkflowDuration.FromDays(1));

        Assert.Equal(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero), deadline.At);
        Assert.Equal(TimeZoneInfo.Utc, utc.TimeZone);
    }

    [Theory]
    [InlineData("2026-03-21T00:00:00+08:00", "P3D", "2026-03-18T00:00:00+08:00")] // end of Fri Mar 20 -> end of Tue Mar 17
    [InlineData("2026-03-20T17:30:00+08:00", "P3D", "2026-03-17T17:30:00+08:00")]
    [InlineData("2026-03-01T00:00:00+08:00", "P1M", "2026-01-29T00:00:00+08:00")] // end of Feb 28 -> end of Jan 28
    [InlineData("2026-03-21T00:00:00+08:00", "PT30S", "2026-03-20T23:59:30+08:00")]
    public void Subtract_ReminderBeforeDeadline_ReturnsExpectedInstant(string deadline, string duration, string expected)
    {
        var reminder = _calendar.Subtract(DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture), WorkflowDuration.Parse(duration));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), reminder.At);
        Assert.False(reminder.Provisional);
    }

    [Fact]
    public void Remaining_PausedMidPeriod_CountsNaturalDaysLeft()
    {
        // From Thu 12 Feb to the end of Fri 20 Mar 2026: Feb 13-28 (16) + Mar 1-20 (20).
        var left = _calendar.Remaining(At(2026, 2, 12, 15), EndOf(2026, 3, 20), dateBased: true);

        Assert.Equal(36, left.Days);
        Assert.Equal(0, _calendar.Remaining(At(2026, 3, 25), EndOf(2026, 3, 20), dateBased: true).Days);
    }

    [Fact]
    public void Remaining_TimeBased_IsElapsedAndClampedAtZero()
    {
        Assert.Equal(TimeSpan.FromMinutes(90), _calendar.Remaining(At(2026, 3, 20, 10), At(2026, 3, 20, 11, 30), dateBased: false).Time);
        Assert.Equal(TimeSpan.Zero, _calendar.Remaining(At(2026, 3, 20, 12), At(2026, 3, 20, 11, 30), dateBased: false).Time);
    }

    [Theory]
    [InlineData("2026-02-16")] // a statutory holiday elsewhere
    [InlineData("2026-03-07")] // a Saturday
    [InlineData("2030-01-01")] // any year
    public void Describe_AnyDay_IsCountedAndNeverProvisional(string day)
    {
        Assert.Equal(new CalendarDay(Day(day), CalendarDayKind.WorkingDay, false), _calendar.Describe(Day(day)));
        Assert.Equal("natural", _calendar.Name);
    }
}
