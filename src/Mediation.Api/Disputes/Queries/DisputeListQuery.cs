using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Filing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Queries;

/// <summary>Filters, ordering and paging of the dispute list.</summary>
/// <param name="Step">Only disputes at this step.</param>
/// <param name="Status"><c>open</c> or <c>closed</c>.</param>
/// <param name="OrganisationId">Only disputes handled by this organisation now.</param>
/// <param name="Category">Only this category.</param>
/// <param name="Overdue">True: only open disputes whose next deadline has passed; false: only the others.</param>
/// <param name="Q">Reference or description contains this text.</param>
/// <param name="Page">1-based page, default 1.</param>
/// <param name="PageSize">Items per page, default 20, at most 100.</param>
internal sealed record DisputeListQuery(
    [FromQuery(Name = "step")] string? Step,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "organisationId")] Guid? OrganisationId,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int PageOrDefault => Page ?? 1;

    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;

    public Dictionary<string, string[]> Validate(IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Status is not null && Status is not (Contracts.DisputeView.Open or Contracts.DisputeView.Closed))
        {
            errors["status"] = [text["StatusUnknown"]];
        }

        if (PageOrDefault < 1)
        {
            errors["page"] = [text["PageInvalid"]];
        }

        if (PageSizeOrDefault is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [text["PageSizeInvalid", MaxPageSize]];
        }

        if (Q is { Length: > 100 })
        {
            errors["q"] = [text["FieldTooLong", 100]];
        }

        return errors;
    }

    /// <summary>
    /// The instant to compare stored deadlines with. SQLite keeps <see cref="DateTimeOffset"/> as local ticks plus the
    /// offset (EF's <c>DateTimeOffsetToBinaryConverter</c>), so a comparison is only right between values of the same
    /// offset; deadlines end at 24:00 China Standard Time and carry +08:00, so "now" is expressed at +08:00 too.
    /// </summary>
    public static DateTimeOffset DeadlineComparable(DateTimeOffset now) => now.ToOffset(DisputeFiling.ChinaStandardTime);

    /// <summary>Applies the filters, then orders overdue first, then by next deadline (none last), then by filing time.</summary>
    public IQueryable<Dispute> Apply(IQueryable<Dispute> disputes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(disputes);
        var cutoff = DeadlineComparable(now);
        if (!string.IsNullOrWhiteSpace(Step))
        {
            disputes = disputes.Where(d => d.StepId == Step);
        }

        if (Status == Contracts.DisputeView.Open)
        {
            disputes = disputes.Where(d => !d.IsClosed);
        }
        else if (Status == Contracts.DisputeView.Closed)
        {
            disputes = disputes.Where(d => d.IsClosed);
        }

        if (OrganisationId is { } organisationId)
        {
            disputes = disputes.Where(d => d.OrganisationId == organisationId);
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            disputes = disputes.Where(d => d.Category == Category);
        }

        if (Overdue == true)
        {
            disputes = disputes.Where(d => !d.IsClosed && d.NextDeadlineAt != null && d.NextDeadlineAt <= cutoff);
        }
        else if (Overdue == false)
        {
            disputes = disputes.Where(d => d.IsClosed || d.NextDeadlineAt == null || d.NextDeadlineAt > cutoff);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            disputes = disputes.Where(d => d.Reference.Contains(text) || d.Description.Contains(text));
        }

        return disputes
            .OrderBy(d => !d.IsClosed && d.NextDeadlineAt != null && d.NextDeadlineAt <= cutoff ? 0 : 1)
            .ThenBy(d => d.NextDeadlineAt == null ? 1 : 0)
            .ThenBy(d => d.NextDeadlineAt)
            .ThenBy(d => d.FiledAt)
            .ThenBy(d => d.Id);
    }
}
