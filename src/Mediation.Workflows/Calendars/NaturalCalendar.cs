namespace Mediation.Workflows.Calendars;

/// <summary>
/// The natural-day calendar: every day counts. A date-based period starts counting the day after its start, and
/// months and years end on the corresponding day of the last month, or on the month's last day when there is none
/// (民法典 Art. 202): 31 January plus one month ends at 24:00 on 28 or 29 February. Never provisional.
/// </summary>
public sealed class NaturalCalendar : IWorkflowCalendar
{
    /// <summary>The name workflow definitions use for the natural calendar.</summary>
    public const string CalendarName = "natural";

    /// <summary>The time zone used when none is given.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    private readonly ZoneClock _clock;

    /// <summary>A natural calendar in Asia/Shanghai.</summary>
    public NaturalCalendar()
        : this(TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId))
    {
    }

    /// <summary>A natural calendar whose days begin and end at midnight in <paramref name="timeZone"/>.</summary>
    public NaturalCalendar(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _clock = new ZoneClock(timeZone);
    }

    /// <inheritdoc />
    public string Name => CalendarName;

    /// <inheritdoc />
    public TimeZoneInfo TimeZone => _clock.Zone;

    /// <inheritdoc />
    public CalendarInstant Add(DateTimeOffset start, WorkflowDuration duration)
    {
        if (!duration.IsDateBased)
        {
            return new CalendarInstant(start + duration.Time, false);
        }

        ZoneClock.ThrowIfNegative(duration);
        var last = ShiftMonths(_clock.LocalDay(start), checked((duration.Years * 12) + duration.Months)) + duration.Days;
        return new CalendarInstant(_clock.EndOfDay(last), false);
    }

    /// <inheritdoc />
    public CalendarInstant Subtract(DateTimeOffset deadline, WorkflowDuration duration)
    {
        if (!duration.IsDateBased)
        {
            return new CalendarInstant(deadline - duration.Time, false);
        }

        ZoneClock.ThrowIfNegative(duration);
        var lastDay = _clock.LastDay(deadline, out var timeOfDay);
        var day = ShiftMonths(lastDay - duration.Days, -checked((duration.Years * 12) + duration.Months));
        return new CalendarInstant(_clock.AtLocal(day, timeOfDay), false);
    }

    /// <summary>Day arithmetic stays on day numbers; only a month count needs the calendar's month lengths.</summary>
    private static int ShiftMonths(int dayNumber, int months) =>
        months == 0 ? dayNumber : DateOnly.FromDayNumber(dayNumber).AddMonths(months).DayNumber;

    /// <inheritdoc />
    public WorkflowDuration Remaining(DateTimeOffset from, DateTimeOffset deadline, bool dateBased)
    {
        if (!dateBased)
        {
            return WorkflowDuration.FromTime(deadline - from);
        }

        var days = _clock.LastDay(deadline, out _) - _clock.LocalDay(from);
        return WorkflowDuration.FromDays(Math.Max(0, days));
    }

    /// <summary>Every day counts, so every day is reported as a working day, never provisional.</summary>
    public CalendarDay Describe(DateOnly day) => new(day, CalendarDayKind.WorkingDay, false);
}

/// <summary>
/// Day arithmetic in one time zone on day numbers (<see cref="DateOnly.DayNumber"/>) and local ticks. Once the
/// zone's last offset change is past (1991 for Asia/Shanghai), conversions are plain integer arithmetic, so the
/// calendars' hot paths do not consult the zone's adjustment rules.
/// </summary>
internal sealed class ZoneClock
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    private readonly long _fixedFromUtcTicks;
    private readonly long _fixedFromLocalTicks;
    private readonly TimeSpan _fixedOffset;

    public ZoneClock(TimeZoneInfo zone)
    {
        Zone = zone;
        _fixedFromUtcTicks = long.MaxValue;
        _fixedFromLocalTicks = long.MaxValue;
        _fixedOffset = zone.BaseUtcOffset;

        var lastRuleEnd = DateTime.MinValue;
        foreach (var rule in zone.GetAdjustmentRules())
        {
            if (rule.DateEnd.Year >= 9999)
            {
                return; // an open-ended rule (daylight saving time today): always ask the zone
            }

            if (rule.DateEnd > lastRuleEnd)
            {
                lastRuleEnd = rule.DateEnd;
            }
        }

        // Two days' margin keeps the threshold clear of the last rule whichever way the offset points.
        var fixedFromDay = lastRuleEnd == DateTime.MinValue ? 2 : DateOnly.FromDateTime(lastRuleEnd).DayNumber + 2;
        var fixedFromLocal = fixedFromDay * TicksPerDay;
        var probe = new DateTime(fixedFromLocal, DateTimeKind.Unspecified);
        var farProbe = new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (zone.GetUtcOffset(probe) != _fixedOffset || zone.GetUtcOffset(farProbe) != _fixedOffset)
        {
            return;
        }

        _fixedFromLocalTicks = fixedFromLocal;
        _fixedFromUtcTicks = fixedFromLocal - _fixedOffset.Ticks;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The ticks of <paramref name="instant"/>'s local wall-clock time.</summary>
    public long LocalTicks(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return utc >= _fixedFromUtcTicks
            ? utc + _fixedOffset.Ticks
            : TimeZoneInfo.ConvertTime(instant, Zone).Ticks;
    }

    /// <summary>The day number of the local day <paramref name="instant"/> falls on.</summary>
    public int LocalDay(DateTimeOffset instant) => (int)(LocalTicks(instant) / TicksPerDay);

    /// <summary>
    /// The last day of a period ending at <paramref name="deadline"/>: a deadline at exactly local 00:00 is 24:00 of
    /// the day before. <paramref name="timeOfDay"/> is the deadline's local time of day in (0, 24:00].
    /// </summary>
    public int LastDay(DateTimeOffset deadline, out long timeOfDay)
    {
        var local = LocalTicks(deadline);
        var day = (int)(local / TicksPerDay);
        timeOfDay = local - (day * TicksPerDay);
        if (timeOfDay == 0)
        {
            timeOfDay = TicksPerDay;
            day--;
        }

        return day;
    }

    /// <summary>24:00 local of <paramref name="day"/>, i.e. the instant the next day begins.</summary>
    public DateTimeOffset EndOfDay(int day) => AtLocal(day, TicksPerDay);

    /// <summary>The instant of local wall-clock time <paramref name="timeOfDay"/> (ticks, up to 24:00) on <paramref name="day"/>.</summary>
    public DateTimeOffset AtLocal(int day, long timeOfDay)
    {
        var ticks = (day * TicksPerDay) + timeOfDay;
        if (ticks >= _fixedFromLocalTicks)
        {
            return new DateTimeOffset(ticks, _fixedOffset);
        }

        var local = new DateTime(ticks, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // The clocks jumped over this time: take the moment they jumped, measured with the offset before it.
            var before = Zone.GetUtcOffset(local.AddDays(-1));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(ticks - before.Ticks, TimeSpan.Zero), Zone);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // The clocks went back over this time: the first occurrence has the larger offset.
            var largest = TimeSpan.MinValue;
            foreach (var offset in Zone.GetAmbiguousTimeOffsets(local))
            {
                largest = offset > largest ? offset : largest;
            }

            return new DateTimeOffset(local, largest);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static void ThrowIfNegative(WorkflowDuration duration)
    {
        if (duration.Days < 0 || duration.Months < 0 || duration.Years < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration.Text, "A calendar cannot count a negative duration.");
        }
    }
}
