using Mediation.Api.Auth;
using Mediation.Api.Calendars;
using Mediation.Api.Infrastructure;
using Mediation.Api.Organisations;
using Mediation.Api.Workflows;
using Mediation.Workflows.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>Working-day calendars: which years are on file and how each day counts.</summary>
internal static class CalendarsEndpoints
{
    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendars").WithTags("Calendars").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListCalendars).WithName(nameof(ListCalendars))
            .WithSummary("List calendars / 日历列表").WithDescription("Each calendar with the years whose holiday schedule is on file.");
        group.MapGet("/{name}/days", GetDays).WithName(nameof(GetDays))
            .WithSummary("Classify days / 查询工作日").WithDescription("Working day, weekend, holiday or make-up working day (调休) for each date in [from, to]; provisional where the year is not on file.");
        group.MapPost("/{name}/years", AddYear).WithName(nameof(AddYear))
            .RequireAuthorization(Policies.SystemAdmin)
            .Accepts<object>("application/json")
            .WithSummary("Add a year / 新增年度节假日安排")
            .WithDescription("The body is one year's schedule in the year-file format of workflows/calendars/cn-mainland/2026.json. Checked by the engine's calendar parser (400 with each problem at its JSON path), refused if the year is on file (409), stored in the database and applied at once: published workflows count with it, and open cases' provisional deadlines are recounted. System admins only.");
        return app;
    }

    public static async Task<Results<Created<CalendarYearAdded>, ProblemHttpResult>> AddYear(
        string name, HttpRequest request, CalendarYears years, ActorAccessor actors, IStringLocalizer<AdminMessages> text, CancellationToken cancellationToken)
    {
        var json = await JsonRequestBody.ReadTextAsync(request, CalendarYears.MaxScheduleBytes, cancellationToken);
        if (json is null)
        {
            return RequestProblems.Status(StatusCodes.Status413PayloadTooLarge, text["CalendarYearInvalidTitle"], text["CalendarYearTooLarge", CalendarYears.MaxScheduleBytes / 1024]);
        }

        return await years.AddAsync(name, json, actors.Current, cancellationToken);
    }

    public static Ok<List<CalendarSummary>> ListCalendars(WorkflowRegistry registry)
    {
        var calendars = registry.Library.Context.Calendars;
        var list = new List<CalendarSummary>();
        foreach (var name in calendars.Names)
        {
            calendars.TryGet(name, out var calendar);
            list.Add(new CalendarSummary(name, calendar!.TimeZone.Id, calendar is WorkingDayCalendar working ? working.YearsOnFile : []));
        }

        return TypedResults.Ok(list);
    }

    public static Results<Ok<List<CalendarDay>>, ProblemHttpResult> GetDays(
        string name, DateOnly from, DateOnly to, WorkflowRegistry registry, IStringLocalizer<ApiMessages> text)
    {
        if (!registry.Library.Context.Calendars.TryGet(name, out var calendar))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["CalendarNotFound", name]);
        }

        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: text["DateRangeInvalid"]);
        }

        var days = new List<CalendarDay>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(calendar.Describe(day));
        }

        return TypedResults.Ok(days);
    }
}

/// <summary>A calendar in a list.</summary>
/// <param name="Name">Name definitions use.</param>
/// <param name="TimeZone">Time zone id.</param>
/// <param name="YearsOnFile">Years with a holiday schedule; other years are provisional.</param>
internal sealed record CalendarSummary(string Name, string TimeZone, IReadOnlyList<int> YearsOnFile);
