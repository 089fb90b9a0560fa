using System.Globalization;
using System.Text;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Organisations;
using Mediation.Api.Workflows;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Figures;

/// <summary>
/// Computes the dashboard's figures (definitions in <c>docs/figures.md</c>) for the area an administrator oversees:
/// a system admin any area or all; an organisation admin their subtree (cases whose location lies in it) or, for a
/// professional body, the cases the body has handled. The summary and the case lists come from one set of rows,
/// so each figure equals the length of the list it drills down to.
/// </summary>
internal sealed class FiguresQuery(MediationDbContext db, WorkflowRegistry registry, TimeProvider clock, IStringLocalizer<AdminMessages> text)
{
    /// <summary>The longest period one request may span (ten years).</summary>
    public const int MaxPeriodDays = 3660;

    private static readonly DeadlineKind[] _countedDeadlines = [DeadlineKind.TakeUp, DeadlineKind.Resolution];

    public async Task<Results<Ok<FiguresSummary>, ProblemHttpResult>> SummaryAsync(
        Actor actor, DateOnly? from, DateOnly? to, string? area, CancellationToken cancellationToken)
    {
        var (window, refused) = await WindowAsync(actor, from, to, area, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var rows = await LoadAsync(window!, cancellationToken);
        var concluded = rows.Where(r => r.ConcludedInPeriod).ToList();
        var resolved = concluded.Where(r => r.Case.Outcome == OutcomeKind.Agreement).ToList();
        var tiers = new[] { OrganisationKind.Village, OrganisationKind.Township, OrganisationKind.District, OrganisationKind.ProfessionalBody }
            .Select(tier =>
            {
                var count = resolved.Count(r => r.Case.Tier == tier);
                return new TierFigure(tier, count, Rate(count, resolved.Count));
            })
            .ToList();
        var onTime = concluded.Count(r => r.Case.OnTime == true);
        var satisfaction = await SatisfactionAsync(window!, cancellationToken);
        var categories = rows
            .Where(r => r.FiledInPeriod || r.ConcludedInPeriod)
            .GroupBy(r => r.Case.Category, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategoryFigure(
                g.Key,
                g.Count(r => r.FiledInPeriod),
                g.Count(r => r.ConcludedInPeriod),
                g.Count(r => r.ConcludedInPeriod && r.Case.Outcome == OutcomeKind.Agreement)))
            .ToList();
        return TypedResults.Ok(new FiguresSummary(
            window!.From,
            window.To,
            window.AreaCode,
            window.AreaName,
            window.Now,
            rows.Count(r => r.FiledInPeriod),
            concluded.Count,
            resolved.Count,
            Rate(resolved.Count, concluded.Count),
            tiers,
            onTime,
            Rate(onTime, concluded.Count),
            concluded.Count == 0 ? null : concluded.Average(r => r.Case.WorkingDays ?? 0),
            rows.Count(r => r.Case.Overdue),
            satisfaction,
            categories));
    }

    /// <summary>The cases behind one figure, overdue first, then newest filed.</summary>
    public async Task<Results<Ok<List<FigureCase>>, ProblemHttpResult>> CasesAsync(
        Actor actor, DateOnly? from, DateOnly? to, string? area, string? set, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var which = FigureSet.Filed;
        if (!string.IsNullOrWhiteSpace(set) && !Enum.TryParse(set.Trim(), ignoreCase: true, out which))
        {
            errors.Add("set", text["FiguresSetUnknown", set, string.Join(", ", Enum.GetNames<FigureSet>().Select(JsonName))]);
            return RequestProblems.Validation(errors, text["FiguresInvalidTitle"]);
        }

        var (window, refused) = await WindowAsync(actor, from, to, area, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var rows = await LoadAsync(window!, cancellationToken);
        return TypedResults.Ok(rows
            .Where(r => In(r, which))
            .Select(r => r.Case)
            .OrderByDescending(c => c.Overdue)
            .ThenByDescending(c => c.FiledAt)
            .ToList());
    }

    /// <summary>The cases as CSV (UTF-8 with a byte-order mark so spreadsheet programs read the Chinese), headers in the caller's language.</summary>
    public static string ToCsv(IEnumerable<FigureCase> cases, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(text);
        var csv = new StringBuilder();
        string[] headers = ["Reference", "Category", "Location", "Organisation", "Tier", "FiledAt", "ConcludedAt", "Outcome", "OnTime", "WorkingDays", "NextDeadlineAt", "Overdue", "ClosedMediation"];
        csv.AppendJoin(',', headers.Select(h => Cell(text[$"FiguresCsv{h}"]))).Append("\r\n");
        foreach (var c in cases)
        {
            string?[] cells =
            [
                c.Reference, c.Category, c.LocationCode, c.OrganisationName, c.Tier is { } tier ? JsonName(tier.ToString()) : null,
                Instant(c.FiledAt), Instant(c.ConcludedAt), c.Outcome is { } outcome ? JsonName(outcome.ToString()) : null,
                Flag(c.OnTime), c.WorkingDays?.ToString(CultureInfo.InvariantCulture), Instant(c.NextDeadlineAt), Flag(c.Overdue), Flag(c.ClosedMediation),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The period in Beijing days and the area, checked against what the caller oversees.</summary>
    private async Task<(FigureWindow? Window, ProblemHttpResult? Refused)> WindowAsync(
        Actor actor, DateOnly? from, DateOnly? to, string? area, CancellationToken cancellationToken)
    {
        var calendar = Calendar();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var last = to ?? today;
        var first = from ?? new DateOnly(last.Year, last.Month, 1);
        var errors = new FieldErrors();
        if (first > last)
        {
            errors.Add("to", text["FiguresPeriodReversed"]);
        }
        else if (last.DayNumber - first.DayNumber >= MaxPeriodDays)
        {
            errors.Add("from", text["FiguresPeriodTooLong", MaxPeriodDays]);
        }

        var areaCode = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        if (areaCode is not null && !(areaCode.Length <= 12 && areaCode.All(char.IsAsciiDigit)))
        {
            errors.Add("area", text["FiguresAreaInvalid"]);
        }

        if (errors.Any)
        {
            return (null, RequestProblems.Validation(errors, text["FiguresInvalidTitle"]));
        }

        var scope = await AdminScope.ForAsync(actor, db, cancellationToken);
        Guid? body = null;
        if (!scope.All)
        {
            if (scope.Home is not { } home)
            {
                return (null, RequestProblems.Status(StatusCodes.Status403Forbidden, text["FiguresForbiddenTitle"], text["FiguresNoArea"]));
            }

            if (home.Kind == OrganisationKind.ProfessionalBody)
            {
                // A body's admin sees the cases the body has handled, anywhere in the area it serves.
                body = home.Id;
            }
            else if (areaCode is null)
            {
                areaCode = home.Code;
            }
            else if (!areaCode.StartsWith(home.Code, StringComparison.Ordinal))
            {
                return (null, RequestProblems.Status(StatusCodes.Status403Forbidden, text["FiguresForbiddenTitle"], text["FiguresOutsideArea", areaCode, OrganisationRules.DisplayName(home)]));
            }
        }

        var areaName = areaCode is null ? null : await db.Organisations.AsNoTracking()
            .Where(o => o.Code == areaCode && o.Kind != OrganisationKind.ProfessionalBody).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var start = calendar.TimeZone.StartOfDay(first);
        var end = calendar.TimeZone.StartOfDay(last.AddDays(1));
        return (new FigureWindow(first, last, start, end, now, areaCode, areaName, body, calendar), null);
    }

    private async Task<List<FigureRow>> LoadAsync(FigureWindow window, CancellationToken cancellationToken)
    {
        var (start, end, now) = (window.Start, window.End, window.Now);
        var scoped = Scoped(window);
        var concludedInWindow = db.Outcomes
            .Where(o => o.SupersedesId == null && o.Kind != OutcomeKind.Closure && o.CreatedAt >= start && o.CreatedAt < end)
            .Select(o => o.DisputeId);
        var disputes = await scoped
            .Where(d => (d.FiledAt >= start && d.FiledAt < end)
                || concludedInWindow.Contains(d.Id)
                || (!d.IsClosed && db.Deadlines.Any(l => l.DisputeId == d.Id && _countedDeadlines.Contains(l.Kind)
                    && (l.Status == DeadlineStatus.Fired || (l.Status == DeadlineStatus.Pending && l.DueAt < now) || (l.Status == DeadlineStatus.Cancelled && l.ClosedAt > l.DueAt)))))
            .Select(d => new
            {
                d.Id,
                d.Reference,
                d.Category,
                d.LocationCode,
                d.FiledAt,
                d.IsClosed,
                d.ClosedMediation,
                OrganisationName = d.Organisation == null ? null : d.Organisation.Name,
                Tier = d.Organisation == null ? (OrganisationKind?)null : d.Organisation.Kind,
            })
            .ToListAsync(cancellationToken);
        var ids = disputes.Select(d => d.Id).ToList();
        var outcomes = (await db.Outcomes.AsNoTracking()
                .Where(o => ids.Contains(o.DisputeId) && o.SupersedesId == null && o.Kind != OutcomeKind.Closure)
                .Select(o => new { o.DisputeId, o.Kind, o.CreatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(o => o.DisputeId)
            .ToDictionary(g => g.Key, g => g.MinBy(o => o.CreatedAt)!);
        var deadlines = (await db.Deadlines.AsNoTracking()
                .Where(d => ids.Contains(d.DisputeId) && _countedDeadlines.Contains(d.Kind))
                .Select(d => new { d.DisputeId, d.DueAt, d.Status, d.ClosedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.DisputeId);
        var rows = new List<FigureRow>(disputes.Count);
        foreach (var d in disputes)
        {
            var conclusion = outcomes.GetValueOrDefault(d.Id);
            var concludedAt = conclusion?.CreatedAt;

            // A deadline was missed when it was still running at its due time: it fired, or is pending past it, or
            // was cancelled only after it (a timer that had not yet run).
            var cutoff = concludedAt ?? now;
            var missed = deadlines[d.Id].Any(l => l.DueAt < cutoff && (l.Status == DeadlineStatus.Fired || l.ClosedAt is null || l.ClosedAt > l.DueAt));
            var overdue = !d.IsClosed && conclusion is null && missed;
            var figure = new FigureCase(
                d.Id, d.Reference, d.Category, d.LocationCode, d.OrganisationName, d.Tier, d.FiledAt,
                concludedAt, conclusion?.Kind,
                conclusion is null ? null : !missed,
                concludedAt is { } at ? WorkingDaysBetween(window.Calendar, d.FiledAt, at) : null,
                null, overdue, d.ClosedMediation);
            rows.Add(new FigureRow(figure, d.FiledAt >= start && d.FiledAt < end, concludedAt >= start && concludedAt < end));
        }

        // The next deadline is shown for open cases only.
        var open = rows.Where(r => r.Case.ConcludedAt is null).Select(r => r.Case.Id).ToList();
        var next = await db.Disputes.AsNoTracking().Where(d => open.Contains(d.Id)).Select(d => new { d.Id, d.NextDeadlineAt }).ToDictionaryAsync(d => d.Id, d => d.NextDeadlineAt, cancellationToken);
        return rows.Select(r => next.TryGetValue(r.Case.Id, out var due) ? r with { Case = r.Case with { NextDeadlineAt = due } } : r).ToList();
    }

    private async Task<SatisfactionFigure> SatisfactionAsync(FigureWindow window, CancellationToken cancellationToken)
    {
        var (start, end) = (window.Start, window.End);
        var scoped = Scoped(window).Select(d => d.Id);
        var scores = await db.ServiceRatings.AsNoTracking()
            .Where(r => r.RatedAt >= start && r.RatedAt < end && scoped.Contains(r.DisputeId))
            .Select(r => r.Score)
            .ToListAsync(cancellationToken);
        var distribution = Enumerable.Range(1, 5).Select(score => scores.Count(s => s == score)).ToList();
        return new SatisfactionFigure(
            scores.Count,
            scores.Count == 0 ? null : scores.Average(),
            Rate(scores.Count(s => s >= 4), scores.Count),
            distribution);
    }

    private IQueryable<Dispute> Scoped(FigureWindow window)
    {
        var disputes = db.Disputes.AsNoTracking();
        if (window.AreaCode is { } prefix)
        {
            disputes = disputes.Where(d => d.LocationCode.StartsWith(prefix));
        }

        if (window.Body is { } body)
        {
            disputes = disputes.Where(d => d.OrganisationId == body || db.DisputeHandlers.Any(h => h.DisputeId == d.Id && h.OrganisationId == body));
        }

        return disputes;
    }

    /// <summary>The working-day calendar the figures count in: the first on file (cn-mainland), else natural days.</summary>
    private IWorkflowCalendar Calendar()
    {
        var calendars = registry.Library.Context.Calendars;
        foreach (var name in calendars.Names)
        {
            if (calendars.TryGet(name, out var calendar) && calendar is WorkingDayCalendar)
            {
                return calendar;
            }
        }

        calendars.TryGet(NaturalCalendar.CalendarName, out var natural);
        return natural!;
    }

    /// <summary>Working days after the filing day up to and including the day of conclusion (the filing day is not counted, as for statutory periods).</summary>
    public static int WorkingDaysBetween(IWorkflowCalendar calendar, DateTimeOffset filedAt, DateTimeOffset concludedAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(filedAt, calendar.TimeZone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(concludedAt, calendar.TimeZone).DateTime);
        var count = 0;
        for (var day = first.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (calendar.Describe(day).Kind is CalendarDayKind.WorkingDay or CalendarDayKind.MakeUpWorkingDay)
            {
                count++;
            }
        }

        return count;
    }

    private static bool In(FigureRow row, FigureSet set) => set switch
    {
        FigureSet.Filed => row.FiledInPeriod,
        FigureSet.Concluded => row.ConcludedInPeriod,
        FigureSet.Resolved => row.ConcludedInPeriod && row.Case.Outcome == OutcomeKind.Agreement,
        FigureSet.Village => Resolved(row, OrganisationKind.Village),
        FigureSet.Township => Resolved(row, OrganisationKind.Township),
        FigureSet.District => Resolved(row, OrganisationKind.District),
        FigureSet.ProfessionalBody => Resolved(row, OrganisationKind.ProfessionalBody),
        FigureSet.OnTime => row.ConcludedInPeriod && row.Case.OnTime == true,
        FigureSet.Late => row.ConcludedInPeriod && row.Case.OnTime == false,
        _ => row.Case.Overdue,
    };

    private static bool Resolved(FigureRow row, OrganisationKind tier) =>
        row.ConcludedInPeriod && row.Case.Outcome == OutcomeKind.Agreement && row.Case.Tier == tier;

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Instant(DateTimeOffset? at) => at?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Flag(bool? value) => value switch { true => "1", false => "0", null => string.Empty };

    /// <summary>Quotes when needed and defuses text a spreadsheet would run as a formula.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private sealed record FigureWindow(
        DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset Now, string? AreaCode, string? AreaName, Guid? Body, IWorkflowCalendar Calendar);

    private sealed record FigureRow(FigureCase Case, bool FiledInPeriod, bool ConcludedInPeriod);
}

internal static class TimeZoneDays
{
    /// <summary>The instant a local day begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(this TimeZoneInfo zone, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
