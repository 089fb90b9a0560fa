using System.Text;
using Mediation.Api.Auth;
using Mediation.Api.Figures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>
/// The dashboard's figures: cases filed, concluded and resolved per level, on time, working days, overdue and
/// satisfaction, for a period and an area (definitions in docs/figures.md). Organisation admins for their subtree,
/// system admins for any area.
/// </summary>
internal static class FiguresEndpoints
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/figures").WithTags("Figures").RequireAuthorization(Policies.OrganisationAdmin);
        group.MapGet("/summary", GetFiguresSummary).WithName(nameof(GetFiguresSummary))
            .WithSummary("Figures for a period and area / 统计指标")
            .WithDescription("from and to are Beijing dates, both included (default: this month up to today); area is an area code prefix (default: the organisation admin's own area; system admins: everything). Definitions in docs/figures.md.");
        group.MapGet("/cases", GetFigureCases).WithName(nameof(GetFigureCases))
            .WithSummary("Cases behind a figure / 指标明细")
            .WithDescription("set = filed | concluded | resolved | village | township | district | professionalBody | onTime | late | overdue; same period and area as the summary. No party data, no descriptions.");
        group.MapGet("/cases.csv", GetFigureCasesCsv).WithName(nameof(GetFigureCasesCsv))
            .WithSummary("Cases behind a figure as CSV / 指标明细导出")
            .WithDescription("The same list as /api/figures/cases as UTF-8 CSV with headers in the caller's language.");
        return app;
    }

    public static Task<Results<Ok<FiguresSummary>, ProblemHttpResult>> GetFiguresSummary(
        DateOnly? from, DateOnly? to, string? area, FiguresQuery figures, ActorAccessor actors, CancellationToken cancellationToken) =>
        figures.SummaryAsync(actors.Current, from, to, area, cancellationToken);

    public static Task<Results<Ok<List<FigureCase>>, ProblemHttpResult>> GetFigureCases(
        DateOnly? from, DateOnly? to, string? area, string? set, FiguresQuery figures, ActorAccessor actors, CancellationToken cancellationToken) =>
        figures.CasesAsync(actors.Current, from, to, area, set, cancellationToken);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetFigureCasesCsv(
        DateOnly? from, DateOnly? to, string? area, string? set, FiguresQuery figures, ActorAccessor actors, IStringLocalizer<AdminMessages> text, CancellationToken cancellationToken)
    {
        var result = await figures.CasesAsync(actors.Current, from, to, area, set, cancellationToken);
        if (result.Result is not Ok<List<FigureCase>> { Value: { } cases })
        {
            return (ProblemHttpResult)result.Result;
        }

        var csv = FiguresQuery.ToCsv(cases, text);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"figures-{set ?? "filed"}-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }
}
