using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Calendars;

/// <summary>
/// A statutory working-day calendar: weekend days and holidays are off, make-up working days (调休) are worked.
/// Holidays come from one <see cref="HolidaySchedule"/> per year. A year with no schedule on file is counted on
/// weekends alone, and every result that depends on such a year is provisional. Immutable and thread-safe; the
/// years on file are precomputed so that counting days is a few array look-ups.
/// </summary>
public sealed class WorkingDayCalendar : IWorkflowCalendar
{
    private readonly ZoneClock _clock;
    private readonly int _weekendMask;
    private readonly int _workingDaysPerWeek;
    private readonly int _firstYear;
    private readonly bool[] _yearOnFile;
    private readonly bool _hasGaps;

    // The span covers 1 January of the first year on file to 31 December of the last; outside it only weekends count.
    private readonly int _spanStart;
    private readonly int _spanEnd;
    private readonly CalendarDayKind[] _kinds;
    private readonly string?[] _names;

    // _cumulative[i] is the number of working days in [_spanStart, _spanStart + i]; _workingDays lists them in order.
    private readonly int[] _cumulative;
    private readonly int[] _workingDays;

    /// <summary>Builds a calendar from its description and the yearly schedules on file.</summary>
    /// <param name="info">Name, display name, time zone and weekend days.</param>
    /// <param name="schedules">At most one schedule per year, each consistent (see <see cref="HolidaySchedule.Validate"/>).</param>
    /// <exception cref="ArgumentException">The description or a schedule is invalid, or a year is on file twice.</exception>
    /// <exception cref="TimeZoneNotFoundException">The time zone is not known on this system.</exception>
    public WorkingDayCalendar(WorkingDayCalendarInfo info, IEnumerable<HolidaySchedule> schedules)
        : this(info, ResolveTimeZone(info), schedules)
    {
    }

    private WorkingDayCalendar(WorkingDayCalendarInfo info, TimeZoneInfo timeZone, IEnumerable<HolidaySchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        ArgumentException.ThrowIfNullOrWhiteSpace(info.Name, nameof(info));
        ArgumentNullException.ThrowIfNull(info.DisplayName, nameof(info));
        ArgumentNullException.ThrowIfNull(info.Weekend, nameof(info));
        Info = info;
        _clock = new ZoneClock(timeZone);
        foreach (var day in info.Weekend)
        {
            _weekendMask |= 1 << (int)day;
        }

        _workingDaysPerWeek = 7 - int.PopCount(_weekendMask);
        if (_workingDaysPerWeek == 0)
        {
            throw new ArgumentException("A calendar needs at least one working day in the week.", nameof(info));
        }

        var sorted = new List<HolidaySchedule>(schedules);
        sorted.Sort(static (a, b) => a.Year.CompareTo(b.Year));
        var problems = new StringBuilder();
        for (var i = 0; i < sorted.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(sorted[i], nameof(schedules));
            if (i > 0 && sorted[i].Year == sorted[i - 1].Year)
            {
                problems.Append(CultureInfo.InvariantCulture, $"{sorted[i].Year}: the year is on file twice. ");
            }

            foreach (var issue in sorted[i].Validate(info.Weekend))
            {
                problems.Append(CultureInfo.InvariantCulture, $"{sorted[i].Year} {issue.Path}: {issue.Message.En} ");
            }
        }

        if (problems.Length > 0)
        {
            throw new ArgumentException(problems.ToString().TrimEnd(), nameof(schedules));
        }

        var schedulesOnFile = sorted.ToArray();
        var years = new int[schedulesOnFile.Length];
        for (var i = 0; i < years.Length; i++)
        {
            years[i] = schedulesOnFile[i].Year;
        }

        Schedules = Array.AsReadOnly(schedulesOnFile);
        YearsOnFile = Array.AsReadOnly(years);

        if (years.Length == 0)
        {
            _spanStart = 0;
            _spanEnd = -1;
            _yearOnFile = [];
            _kinds = [];
            _names = [];
            _cumulative = [];
            _workingDays = [];
            return;
        }

        _firstYear = years[0];
        var lastYear = years[^1];
        _yearOnFile = new bool[lastYear - _firstYear + 1];
        foreach (var year in years)
        {
            _yearOnFile[year - _firstYear] = true;
        }

        _hasGaps = years.Length != _yearOnFile.Length;
        _spanStart = new DateOnly(_firstYear, 1, 1).DayNumber;
        _spanEnd = new DateOnly(lastYear, 12, 31).DayNumber;
        var length = _spanEnd - _spanStart + 1;
        _kinds = new CalendarDayKind[length];
        _names = new string?[length];
        for (var i = 0; i < length; i++)
        {
            _kinds[i] = IsWeekendDay(_spanStart + i) ? CalendarDayKind.Weekend : CalendarDayKind.WorkingDay;
        }

        foreach (var schedule in schedulesOnFile)
        {
            foreach (var holiday in schedule.Holidays)
            {
                for (var day = holiday.From.DayNumber; day <= holiday.To.DayNumber; day++)
                {
                    _kinds[day - _spanStart] = CalendarDayKind.Holiday;
                    _names[day - _spanStart] = holiday.Name.ZhCn;
                }
            }

            foreach (var makeUp in schedule.MakeUpWorkingDays)
            {
                _kinds[makeUp.Date.DayNumber - _spanStart] = CalendarDayKind.MakeUpWorkingDay;
                _names[makeUp.Date.DayNumber - _spanStart] = makeUp.For.ZhCn;
            }
        }

        _cumulative = new int[length];
        var working = new List<int>(length);
        for (var i = 0; i < length; i++)
        {
            if (_kinds[i] is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay)
            {
                working.Add(_spanStart + i);
            }

            _cumulative[i] = working.Count;
        }

        _workingDays = working.ToArray();
    }

    /// <summary>The calendar's description.</summary>
    public WorkingDayCalendarInfo Info { get; }

    /// <inheritdoc />
    public string Name => Info.Name;

    /// <summary>The name shown to people.</summary>
    public LocalizedText DisplayName => Info.DisplayName;

    /// <inheritdoc />
    public TimeZoneInfo TimeZone => _clock.Zone;

    /// <summary>The years with a schedule on file, in ascending order.</summary>
    public IReadOnlyList<int> YearsOnFile { get; }

    /// <summary>The schedules on file, in ascending order of year.</summary>
    public IReadOnlyList<HolidaySchedule> Schedules { get; }

    /// <summary>
    /// A new calendar with <paramref name="schedule"/> added, replacing the schedule for the same year if there is
    /// one. This calendar is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule is inconsistent (see <see cref="HolidaySchedule.Validate"/>).</exception>
    public WorkingDayCalendar WithSchedule(HolidaySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var schedules = new List<HolidaySchedule>(Schedules.Count + 1);
        foreach (var existing in Schedules)
        {
            if (existing.Year != schedule.Year)
            {
                schedules.Add(existing);
            }
        }

        schedules.Add(schedule);
        return new WorkingDayCalendar(Info, _clock.Zone, schedules);
    }

    /// <summary>True when <paramref name="year"/> has a schedule on file.</summary>
    public bool HasScheduleFor(int year) =>
        year >= _firstYear && year - _firstYear < _yearOnFile.Length && _yearOnFile[year - _firstYear];

    /// <summary>
    /// The deadline <paramref name="duration"/> working days after <paramref name="start"/>: 24:00 of the n-th
    /// working day after the start's local day (P0D: 24:00 of the start's day). Elapsed time for time-based durations.
    /// </summary>
    /// <exception cref="ArgumentException">The duration has months or years, which working days cannot count.</exception>
    public CalendarInstant Add(DateTimeOffset start, WorkflowDuration duration)
    {
        if (!duration.IsDateBased)
        {
            return new CalendarInstant(start + duration.Time, false);
        }

        ThrowIfNotDays(duration);
        var startDay = _clock.LocalDay(start);
        if (duration.Days == 0)
        {
            return new CalendarInstant(_clock.EndOfDay(startDay), false);
        }

        var lastDay = NthWorkingDayAfter(startDay, duration.Days);
        return new CalendarInstant(_clock.EndOfDay(lastDay), IsProvisional(startDay + 1, lastDay));
    }

    /// <summary>
    /// The instant with exactly <paramref name="duration"/> working days left before <paramref name="deadline"/>:
    /// the same local time of day (24:00 for a deadline at 24:00) on the working day R such that n working days lie
    /// after R up to and including the deadline's last day.
    /// </summary>
    /// <exception cref="ArgumentException">The duration has months or years, which working days cannot count.</exception>
    public CalendarInstant Subtract(DateTimeOffset deadline, WorkflowDuration duration)
    {
        if (!duration.IsDateBased)
        {
            return new CalendarInstant(deadline - duration.Time, false);
        }

        ThrowIfNotDays(duration);
        var lastDay = _clock.LastDay(deadline, out var timeOfDay);
        var day = NthWorkingDayBefore(lastDay + 1, duration.Days + 1);
        return new CalendarInstant(_clock.AtLocal(day, timeOfDay), IsProvisional(day, lastDay));
    }

    /// <inheritdoc />
    public WorkflowDuration Remaining(DateTimeOffset from, DateTimeOffset deadline, bool dateBased)
    {
        if (!dateBased)
        {
            return WorkflowDuration.FromTime(deadline - from);
        }

        return WorkflowDuration.FromDays(CountWorkingDays(_clock.LocalDay(from), _clock.LastDay(deadline, out _)));
    }

    /// <inheritdoc />
    public CalendarDay Describe(DateOnly day)
    {
        var number = day.DayNumber;
        if (number >= _spanStart && number <= _spanEnd)
        {
            var index = number - _spanStart;
            return new CalendarDay(day, _kinds[index], !HasScheduleFor(day.Year), _names[index]);
        }

        return new CalendarDay(day, IsWeekendDay(number) ? CalendarDayKind.Weekend : CalendarDayKind.WorkingDay, true);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static TimeZoneInfo ResolveTimeZone(WorkingDayCalendarInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrWhiteSpace(info.TimeZone, nameof(info));
        return TimeZoneInfo.FindSystemTimeZoneById(info.TimeZone);
    }

    private static void ThrowIfNotDays(WorkflowDuration duration)
    {
        if (duration.HasMonthsOrYears)
        {
            throw new ArgumentException(
                $"'{duration.Text}' has months or years, which a working-day calendar cannot count; state the period in days.",
                nameof(duration));
        }

        ZoneClock.ThrowIfNegative(duration);
    }

    // Day numbers: DayNumber 0 (1 January 0001) is a Monday.
    private bool IsWeekendDay(int day) => (_weekendMask & (1 << ((day + 1) % 7))) != 0;

    private bool IsProvisional(int firstDay, int lastDay)
    {
        if (firstDay < _spanStart || lastDay > _spanEnd)
        {
            return true;
        }

        if (!_hasGaps)
        {
            return false;
        }

        var lastYear = DateOnly.FromDayNumber(lastDay).Year;
        for (var year = DateOnly.FromDayNumber(firstDay).Year; year <= lastYear; year++)
        {
            if (!_yearOnFile[year - _firstYear])
            {
                return true;
            }
        }

        return false;
    }

    // Working days in [_spanStart, day] for day in [_spanStart - 1, _spanEnd].
    private int Cumulative(int day) => day < _spanStart ? 0 : _cumulative[day - _spanStart];

    /// <summary>The <paramref name="n"/>-th working day (n ≥ 1) strictly after <paramref name="after"/>.</summary>
    private int NthWorkingDayAfter(int after, int n)
    {
        if (after < _spanStart - 1)
        {
            var before = WeekendOnlyCount(after, _spanStart - 1);
            if (n <= before)
            {
                return WeekendOnlyAfter(after, n);
            }

            n -= before;
            after = _spanStart - 1;
        }

        if (after <= _spanEnd)
        {
            var target = Cumulative(after) + n;
            if (target <= _workingDays.Length)
            {
                return _workingDays[target - 1];
            }

            n = target - _workingDays.Length;
            after = _spanEnd;
        }

        return WeekendOnlyAfter(after, n);
    }

    /// <summary>The <paramref name="n"/>-th working day (n ≥ 1) strictly before <paramref name="before"/>.</summary>
    private int NthWorkingDayBefore(int before, int n)
    {
        if (before > _spanEnd + 1)
        {
            var after = WeekendOnlyCount(_spanEnd, before - 1);
            if (n <= after)
            {
                return WeekendOnlyBefore(before, n);
            }

            n -= after;
            before = _spanEnd + 1;
        }

        if (before >= _spanStart)
        {
            var available = Cumulative(before - 1);
            if (n <= available)
            {
                return _workingDays[available - n];
            }

            n -= available;
            before = _spanStart;
        }

        return WeekendOnlyBefore(before, n);
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    private int CountWorkingDays(int after, int upTo)
    {
        if (upTo <= after)
        {
            return 0;
        }

        var count = 0;
        if (after < _spanStart - 1)
        {
            var end = Math.Min(upTo, _spanStart - 1);
            count += WeekendOnlyCount(after, end);
            after = end;
        }

        if (after < upTo && after <= _spanEnd)
        {
            var end = Math.Min(upTo, _spanEnd);
            count += Cumulative(end) - Cumulative(after);
            after = end;
        }

        return count + WeekendOnlyCount(after, upTo);
    }

    private int WeekendOnlyCount(int after, int upTo)
    {
        if (upTo <= after)
        {
            return 0;
        }

        var weeks = (upTo - after) / 7;
        var count = weeks * _workingDaysPerWeek;
        for (var day = after + (weeks * 7) + 1; day <= upTo; day++)
        {
            if (!IsWeekendDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private int WeekendOnlyAfter(int after, int n)
    {
        var weeks = (n - 1) / _workingDaysPerWeek;
        var day = after + (weeks * 7);
        var left = n - (weeks * _workingDaysPerWeek);
        while (true)
        {
            day++;
            if (!IsWeekendDay(day) && --left == 0)
            {
                return day;
            }
        }
    }

    private int WeekendOnlyBefore(int before, int n)
    {
        var weeks = (n - 1) / _workingDaysPerWeek;
        var day = before - (weeks * 7);
        var left = n - (weeks * _workingDaysPerWeek);
        while (true)
        {
            day--;
            if (!IsWeekendDay(day) && --left == 0)
            {
                return day;
            }
        }
    }
}
