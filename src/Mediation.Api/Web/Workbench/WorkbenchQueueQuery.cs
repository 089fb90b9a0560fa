using System.Globalization;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Disputes.Queries;
using Mediation.Api.Workflows;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Web.Workbench;

/// <summary>One page of the queue, with the steps its cases are at (for the step filter).</summary>
/// <param name="Rows">The cases on this page, in queue order.</param>
/// <param name="Total">Cases across all pages.</param>
/// <param name="Page">The page shown (1-based; 1 when the asked page was invalid).</param>
/// <param name="Pages">How many pages.</param>
/// <param name="Steps">The steps of the queue's open cases, by name.</param>
/// <param name="Problem">The list query's message when a filter was invalid (then ignored), else null.</param>
internal sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int Total, int Page, int Pages, IReadOnlyList<FilterOption> Steps, string? Problem);

/// <summary>
/// The workbench queue: the open cases the organisation handles now — a mediator's own organisation's, an organisation
/// admin's subtree (<see cref="DisputeAccess.Visible"/>) — filtered and ordered by the API's list query
/// (<see cref="DisputeListQuery.Apply"/>: overdue first, then by the next deadline), with the dispute view's
/// countdowns and permitted actions.
/// </summary>
internal sealed class WorkbenchQueueQuery(MediationDbContext db, DisputeAccess access, WorkflowRegistry registry, TimeProvider clock, IStringLocalizer<ApiMessages> text)
{
    public const int PageSize = 20;

    /// <summary>The phases a queued or running case can be in (the phase filter's options).</summary>
    public static readonly IReadOnlyList<string> Phases =
        [nameof(CasePhase.AwaitingConsent), nameof(CasePhase.Queued), nameof(CasePhase.InMediation), nameof(CasePhase.Paused), nameof(CasePhase.FollowUp)];

    public async Task<QueuePage> LoadAsync(Actor actor, QueueFilter filter, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(culture);
        var now = clock.GetUtcNow();
        var open = access.Visible(actor).Where(d => !d.IsClosed);
        if (actor.Is(Roles.Mediator) && actor.OrganisationId is { } organisationId)
        {
            open = open.Where(d => d.OrganisationId == organisationId);
        }

        var stepKeys = await open.Select(d => new { d.WorkflowKey, d.WorkflowVersion, d.StepId }).Distinct().ToListAsync(cancellationToken);
        IReadOnlyList<FilterOption> steps = [.. stepKeys
            .Select(s => new FilterOption(s.StepId, registry.Catalog.Find(s.WorkflowKey, s.WorkflowVersion)?.FindStep(s.StepId)?.Name.For(culture) ?? s.StepId))
            .GroupBy(o => o.Value, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(o => o.Label, StringComparer.Ordinal)];

        var filtered = open;
        if (filter.Phase is { } phaseName && Phases.Contains(phaseName) && Enum.TryParse<CasePhase>(phaseName, out var phase))
        {
            filtered = filtered.Where(d => d.Phase == phase);
        }

        if (filter.Scope == QueueFilter.ScopeMine)
        {
            var mediatorId = actor.MediatorId;
            filtered = filtered.Where(d => mediatorId != null && d.MediatorId == mediatorId);
        }
        else if (filter.Scope == QueueFilter.ScopeUnassigned)
        {
            filtered = filtered.Where(d => d.MediatorId == null);
        }

        var query = new DisputeListQuery(filter.Step, DisputeView.Open, null, filter.Category, filter.OverdueOnly ? true : null, filter.Q, filter.Page, PageSize);
        var errors = query.Validate(text);
        string? problem = null;
        if (errors.Count > 0)
        {
            problem = string.Join(" ", errors.SelectMany(e => e.Value));
            query = query with { Q = null, Page = 1 };
        }
        else if (filter.Q is { Length: > 0 } search)
        {
            // The list query's text search covers the reference and the description; the workbench searches the
            // reference and the parties' names.
            filtered = filtered.Where(d => d.Reference.Contains(search) || d.Parties.Any(p => p.Name.Contains(search)));
        }

        var ordered = (query with { Q = null }).Apply(filtered, now);
        var total = await ordered.CountAsync(cancellationToken);
        var page = query.PageOrDefault;
        var disputes = await ordered
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Include(d => d.Parties)
            .AsNoTracking()
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var views = await DisputeViewBuilder.BuildManyAsync(db, registry, clock, disputes, actor, cancellationToken);
        return new QueuePage([.. views.Select(v => ToRow(v, now, culture))], total, page, (total + PageSize - 1) / PageSize, steps, problem);
    }

    public static QueueRow ToRow(DisputeView view, DateTimeOffset now, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(culture);
        return new QueueRow(
            view.Id,
            view.Reference,
            view.Category,
            view.Step.Name.For(culture),
            view.Phase.ToString(),
            [.. view.Parties.Select(p => p.Name)],
            view.Mediator?.Name,
            view.NextDeadline is { } next ? Countdown.Of(next.DueAt, next.WorkingDaysLeft, next.DaysLeft, now) : Countdown.NoDeadline,
            view.PermittedActions.Contains(DisputeActions.TakeUp),
            view.PermittedActions.Contains(DisputeActions.Decline));
    }
}
