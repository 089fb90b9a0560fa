using Mediation.Workflows.Calendars;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Compilation;

/// <summary>Parses the durations of a definition and checks that its calendar can count them.</summary>
internal sealed class DurationChecker(IWorkflowCalendar? calendar, CalendarRegistry calendars, IssueList issues)
{
    public WorkflowDuration? Duration(string? text, string path) => Duration(text, path, calendar);

    private WorkflowDuration? Duration(string? text, string path, IWorkflowCalendar? countedIn)
    {
        if (!WorkflowDuration.TryParse(text, out var duration, out var error))
        {
            issues.Error("BadDuration", path, text, error);
            return null;
        }

        if (duration.HasMonthsOrYears && countedIn is WorkingDayCalendar)
        {
            issues.Error("MonthsInWorkingDayCalendar", path, text, countedIn.Name);
            return null;
        }

        return duration;
    }

    public CompiledDeadline? Deadline(DeadlineDefinition? definition, string path)
    {
        if (definition is null)
        {
            return null;
        }

        var countedIn = calendar;
        if (definition.Calendar is not null)
        {
            if (!calendars.TryGet(definition.Calendar, out var own))
            {
                issues.Error("UnknownCalendar", path + ".calendar", definition.Calendar, string.Join(", ", calendars.Names));
                return null;
            }

            countedIn = own;
        }

        var within = Duration(definition.Within, path + ".within", countedIn);
        var reminders = new List<WorkflowDuration>();
        for (var i = 0; i < definition.Reminders.Count; i++)
        {
            var reminderPath = $"{path}.reminders[{i}]";
            if (Duration(definition.Reminders[i], reminderPath, countedIn) is not { } reminder)
            {
                continue;
            }

            if (within is { } w && !IsShorter(reminder, w))
            {
                issues.Error("ReminderNotBeforeDeadline", reminderPath, definition.Reminders[i], definition.Within);
                continue;
            }

            reminders.Add(reminder);
        }

        return within is { } total && countedIn is not null ? new CompiledDeadline(total, [.. reminders], countedIn.Name) : null;
    }

    /// <summary>
    /// A reminder must fall after the deadline's clock starts. Durations of different kinds cannot be compared
    /// without a start date, so only like with like is checked (a month is taken as at least 28 days).
    /// </summary>
    private static bool IsShorter(WorkflowDuration reminder, WorkflowDuration deadline)
    {
        if (reminder.IsDateBased != deadline.IsDateBased)
        {
            return true;
        }

        if (!reminder.IsDateBased)
        {
            return reminder.Time < deadline.Time;
        }

        var reminderDays = reminder.Years * 366 + reminder.Months * 31 + reminder.Days;
        var deadlineDays = deadline.Years * 365 + deadline.Months * 28 + deadline.Days;
        return reminderDays < deadlineDays;
    }
}
