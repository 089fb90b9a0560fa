namespace Mediation.Api.Data.Entities;

/// <summary>
/// A year's holiday schedule an administrator added to a working-day calendar after deployment (the State Council
/// publishes each year's arrangement in the autumn before). The shipped years live in <c>workflows/calendars/</c>;
/// these are applied on top of them at start-up, so an added year survives restarts and redeployments.
/// </summary>
public sealed class CalendarYearRecord
{
    public Guid Id { get; set; }

    /// <summary>The calendar's name, e.g. <c>cn-mainland</c>.</summary>
    public required string CalendarName { get; set; }

    public int Year { get; set; }

    /// <summary>The schedule in the year-file format (<c>workflows/calendars/cn-mainland/2026.json</c>), as the engine writes it.</summary>
    public required string ScheduleJson { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The system administrator who added it.</summary>
    public string? AddedByUserId { get; set; }
}
