namespace Mediation.Api.Web.Workbench;

/// <summary>How close a deadline is, for its colour: overdue (red) first, due soon (orange), later (green).</summary>
public enum Urgency
{
    /// <summary>No live deadline.</summary>
    None,

    /// <summary>More than <see cref="Countdown.DueSoonWorkingDays"/> working days (or <see cref="Countdown.DueSoonDays"/> days, or <see cref="Countdown.DueSoonHours"/> hours) left.</summary>
    Later,

    /// <summary>Due within the "soon" threshold.</summary>
    DueSoon,

    /// <summary>Passed.</summary>
    Overdue,
}

/// <summary>The unit a countdown is shown in.</summary>
public enum CountdownUnit
{
    None,
    WorkingDays,
    Days,
    Hours,
}

/// <summary>
/// A deadline countdown as the workbench shows it: the days left counted in the deadline's own calendar (working days
/// for a working-day calendar, as <c>DisputeViewBuilder</c> counts them), hours on the last day or for deadlines counted
/// in hours, and how much it is overdue.
/// </summary>
/// <param name="Urgency">Its colour class.</param>
/// <param name="Unit">The unit of <paramref name="Amount"/>.</param>
/// <param name="Amount">Units left, or units overdue when <see cref="Urgency.Overdue"/>.</param>
/// <param name="DueAt">When it falls due.</param>
public sealed record Countdown(Urgency Urgency, CountdownUnit Unit, int Amount, DateTimeOffset? DueAt)
{
    public const int DueSoonWorkingDays = 2;
    public const int DueSoonDays = 3;
    public const int DueSoonHours = 48;

    public static Countdown NoDeadline { get; } = new(Urgency.None, CountdownUnit.None, 0, null);

    /// <summary>The countdown of a deadline due at <paramref name="dueAt"/> with the days left the API computed.</summary>
    public static Countdown Of(DateTimeOffset? dueAt, int? workingDaysLeft, int? daysLeft, DateTimeOffset now)
    {
        if (dueAt is not { } due)
        {
            return NoDeadline;
        }

        var hours = (due - now).TotalHours;
        if (hours <= 0)
        {
            var overdueHours = (int)Math.Ceiling(-hours);
            return overdueHours < 24
                ? new(Urgency.Overdue, CountdownUnit.Hours, Math.Max(overdueHours, 1), due)
                : new(Urgency.Overdue, CountdownUnit.Days, (int)Math.Floor(-hours / 24), due);
        }

        var hoursLeft = (int)Math.Ceiling(hours);
        if (workingDaysLeft is { } working && working > 0)
        {
            return new(working <= DueSoonWorkingDays ? Urgency.DueSoon : Urgency.Later, CountdownUnit.WorkingDays, working, due);
        }

        if (daysLeft is { } days && days > 0)
        {
            return new(days <= DueSoonDays ? Urgency.DueSoon : Urgency.Later, CountdownUnit.Days, days, due);
        }

        // The last day, or a deadline counted in hours.
        return new(hoursLeft <= DueSoonHours ? Urgency.DueSoon : Urgency.Later, CountdownUnit.Hours, hoursLeft, due);
    }

    /// <summary>The CSS class of the colour (app.css): red, orange or green.</summary>
    public string CssClass => Urgency switch
    {
        Urgency.Overdue => "app-overdue",
        Urgency.DueSoon => "app-due-soon",
        Urgency.Later => "app-due-later",
        _ => "wb-no-deadline",
    };
}
