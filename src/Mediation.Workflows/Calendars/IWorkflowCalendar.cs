namespace Mediation.Workflows.Calendars;

/// <summary>
/// Counts workflow durations. Date-based durations follow the statutory way of counting a period: the day the
/// period starts on is not counted, and the period ends at 24:00 (local time) of its last day. Time-based durations
/// are elapsed time.
/// </summary>
public interface IWorkflowCalendar
{
    /// <summary>The name workflow definitions use to refer to this calendar.</summary>
    string Name { get; }

    /// <summary>The time zone that decides which day an instant falls on.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>The deadline reached by counting <paramref name="duration"/> from <paramref name="start"/>.</summary>
    CalendarInstant Add(DateTimeOffset start, WorkflowDuration duration);

    /// <summary>
    /// The instant <paramref name="duration"/> before <paramref name="deadline"/>, for reminders. A deadline at 24:00
    /// counts as the end of its last day, so "P3D" before the end of a Friday is the end of the Tuesday before it
    /// in a working-day calendar: three working days are left.
    /// </summary>
    CalendarInstant Subtract(DateTimeOffset deadline, WorkflowDuration duration);

    /// <summary>
    /// What is left of a running period at <paramref name="from"/>, counted the way the period was stated: whole
    /// days of this calendar after <paramref name="from"/>'s day up to and including the deadline's last day when
    /// <paramref name="dateBased"/>, elapsed time otherwise. Never negative.
    /// </summary>
    WorkflowDuration Remaining(DateTimeOffset from, DateTimeOffset deadline, bool dateBased);

    /// <summary>What kind of day <paramref name="day"/> is, and whether that is known or assumed.</summary>
    CalendarDay Describe(DateOnly day);
}

/// <summary>A computed instant, marked provisional when it depends on a year whose holidays are not on file.</summary>
/// <param name="At">The instant.</param>
/// <param name="Provisional">True when the instant was computed on weekends alone and must be recomputed once the year's schedule arrives.</param>
public readonly record struct CalendarInstant(DateTimeOffset At, bool Provisional);

/// <summary>How a calendar classifies a day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">Working day, weekend, holiday or make-up working day.</param>
/// <param name="Provisional">True when the day's year has no schedule on file, so only weekends are known.</param>
/// <param name="HolidayName">The holiday's name when <paramref name="Kind"/> is a holiday or a make-up working day.</param>
public readonly record struct CalendarDay(DateOnly Date, CalendarDayKind Kind, bool Provisional, string? HolidayName = null)
{
    /// <summary>True for ordinary working days and make-up working days.</summary>
    public bool IsWorkingDay => Kind is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay;
}

/// <summary>The kinds of day a calendar knows.</summary>
public enum CalendarDayKind
{
    /// <summary>An ordinary working day.</summary>
    WorkingDay,

    /// <summary>A Saturday or Sunday that is not a make-up working day.</summary>
    Weekend,

    /// <summary>A statutory holiday (including the weekdays taken off in exchange for make-up days).</summary>
    Holiday,

    /// <summary>A weekend day worked in exchange for a holiday (调休).</summary>
    MakeUpWorkingDay,
}
