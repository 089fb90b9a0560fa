using System.Globalization;
using System.Text;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Organisations;
using Mediation.Api.Workflows;
using Mediation.Workflows.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Calendars;

/// <summary>
/// Adds a year's holiday schedule to a working-day calendar: checked with the engine's calendar parser (every problem
/// at its JSON path), stored in the database (<see cref="CalendarYearRecord"/>, applied again at every start), applied
/// to the running registry at once (published workflows are compiled again against the new calendar), and every open
/// case whose deadlines were provisional — counted past the last year on file — is recounted and its timers moved.
/// </summary>
internal sealed class CalendarYears(
    MediationDbContext db,
    WorkflowRegistry registry,
    DisputeWorkflow workflow,
    TimeProvider clock,
    IStringLocalizer<AdminMessages> text,
    ILogger<CalendarYears> logger)
{
    /// <summary>A year file is a few kilobytes; this leaves room for comments.</summary>
    public const int MaxScheduleBytes = 64 * 1024;

    public async Task<Results<Created<CalendarYearAdded>, ProblemHttpResult>> AddAsync(
        string calendarName, string json, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!registry.Library.Context.Calendars.TryGet(calendarName, out var calendar))
        {
            return RequestProblems.Status(StatusCodes.Status404NotFound, text["CalendarYearNotFoundTitle"], text["CalendarYearCalendarNotFound", calendarName]);
        }

        if (calendar is not WorkingDayCalendar working)
        {
            return RequestProblems.Status(StatusCodes.Status400BadRequest, text["CalendarYearInvalidTitle"], text["CalendarYearNotWorkingDay", calendarName]);
        }

        if (Encoding.UTF8.GetByteCount(json) > MaxScheduleBytes)
        {
            return RequestProblems.Status(StatusCodes.Status413PayloadTooLarge, text["CalendarYearInvalidTitle"], text["CalendarYearTooLarge", MaxScheduleBytes / 1024]);
        }

        var parsed = CalendarJson.ParseSchedule(json, working.Info.Weekend.ToArray());
        if (parsed.Schedule is not { } schedule)
        {
            var errors = new FieldErrors();
            foreach (var issue in parsed.Issues)
            {
                errors.Add(issue.Path, issue.Message.For(CultureInfo.CurrentUICulture));
            }

            if (!errors.Any)
            {
                errors.Add("$", text["CalendarYearEmpty"]);
            }

            return RequestProblems.Validation(errors, text["CalendarYearInvalidTitle"]);
        }

        if (working.HasScheduleFor(schedule.Year)
            || await db.CalendarYears.AnyAsync(c => c.CalendarName == calendarName && c.Year == schedule.Year, cancellationToken))
        {
            return RequestProblems.Status(StatusCodes.Status409Conflict, text["CalendarYearConflictTitle"], text["CalendarYearOnFile", schedule.Year, calendarName],
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["$.year"] = [text["CalendarYearOnFile", schedule.Year, calendarName]] } });
        }

        db.CalendarYears.Add(new CalendarYearRecord
        {
            Id = Guid.NewGuid(),
            CalendarName = calendarName,
            Year = schedule.Year,
            ScheduleJson = CalendarJson.SerializeSchedule(schedule),
            AddedAt = clock.GetUtcNow(),
            AddedByUserId = actor.UserId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same year a moment earlier.
            db.ChangeTracker.Clear();
            return RequestProblems.Status(StatusCodes.Status409Conflict, text["CalendarYearConflictTitle"], text["CalendarYearOnFile", schedule.Year, calendarName]);
        }

        registry.AddSchedule(calendarName, schedule);
        var recomputed = await RecomputeProvisionalAsync(calendarName, schedule.Year, actor, cancellationToken);
        registry.Library.Context.Calendars.TryGet(calendarName, out var updated);
        var years = ((WorkingDayCalendar)updated!).YearsOnFile;
        return TypedResults.Created($"/api/calendars/{calendarName}/days?from={schedule.Year}-01-01&to={schedule.Year}-12-31",
            new CalendarYearAdded(calendarName, schedule.Year, schedule.Holidays.Count, schedule.HolidayDayCount, schedule.MakeUpWorkingDays.Count, years, recomputed));
    }

    /// <summary>
    /// Recounts the provisional deadlines of every open case (each in its own transaction, through the workflow
    /// engine); returns how many cases had a deadline moved. A case changed concurrently keeps its provisional
    /// deadline until its next decision.
    /// </summary>
    public async Task<int> RecomputeProvisionalAsync(string calendarName, int year, Actor actor, CancellationToken cancellationToken)
    {
        var candidates = await db.Deadlines.AsNoTracking()
            .Where(d => d.Provisional && d.Status == DeadlineStatus.Pending)
            .Select(d => d.DisputeId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var disputeId in candidates)
        {
            db.ChangeTracker.Clear();
            var result = await workflow.RecomputeProvisionalAsync(disputeId, actor, text["CalendarYearTimelineReason", calendarName, year], cancellationToken);
            if (result.Kind == WorkflowResultKind.Applied)
            {
                moved++;
            }
            else if (result.Kind == WorkflowResultKind.Conflict)
            {
                logger.LogWarning("Provisional deadlines of dispute {DisputeId} were not recounted: it changed meanwhile.", disputeId);
            }
        }

        return moved;
    }
}

/// <summary>A year added to a working-day calendar.</summary>
/// <param name="Calendar">The calendar's name.</param>
/// <param name="Year">The year added.</param>
/// <param name="Holidays">Holiday periods in the schedule.</param>
/// <param name="HolidayDays">Days off they cover.</param>
/// <param name="MakeUpWorkingDays">Weekend days worked (调休).</param>
/// <param name="YearsOnFile">The calendar's years on file now.</param>
/// <param name="RecomputedDisputes">Open cases whose provisional deadlines were recounted and moved.</param>
public sealed record CalendarYearAdded(
    string Calendar, int Year, int Holidays, int HolidayDays, int MakeUpWorkingDays, IReadOnlyList<int> YearsOnFile, int RecomputedDisputes);

/// <summary>Applies the calendar years stored in the database to the registry at start-up, before cases are decided.</summary>
internal sealed class CalendarYearSeeder(WorkflowRegistry registry, ILogger<CalendarYearSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(MediationDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var record in stored.OrderBy(c => c.CalendarName, StringComparer.Ordinal).ThenBy(c => c.Year))
        {
            if (!registry.Library.Context.Calendars.TryGet(record.CalendarName, out var calendar) || calendar is not WorkingDayCalendar working)
            {
                logger.LogWarning("Calendar year {Calendar} {Year} in the database names no working-day calendar in the workflows folder; not applied.", record.CalendarName, record.Year);
                continue;
            }

            if (working.HasScheduleFor(record.Year))
            {
                // The year has since been shipped in the workflows folder: the shipped file wins.
                continue;
            }

            var parsed = CalendarJson.ParseSchedule(record.ScheduleJson, working.Info.Weekend.ToArray());
            if (parsed.Schedule is null)
            {
                throw new InvalidOperationException($"Calendar year {record.CalendarName} {record.Year} in the database is invalid: {string.Join("; ", parsed.Issues)}");
            }

            registry.AddSchedule(record.CalendarName, parsed.Schedule);
        }
    }
}
