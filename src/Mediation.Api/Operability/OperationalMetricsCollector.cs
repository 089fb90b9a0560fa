using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Operability;

/// <summary>
/// Reads the figures the gauges report from the database every <c>Metrics:RefreshInterval</c>: open cases per workflow
/// and step, overdue cases, timer lag (the oldest pending deadline already due), the outbox backlog (unsent messages,
/// read from the table directly) and court applications in flight.
/// </summary>
internal sealed class OperationalMetricsCollector(
    IServiceScopeFactory scopes,
    MediationMetrics metrics,
    TimeProvider clock,
    IOptions<MetricsOptions> options,
    ILogger<OperationalMetricsCollector> logger) : BackgroundService
{
    public async Task<OperationalSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var now = clock.GetUtcNow();
        var byStep = await db.Disputes.AsNoTracking()
            .Where(d => !d.IsClosed)
            .GroupBy(d => new { d.WorkflowKey, d.StepId })
            .Select(g => new { g.Key.WorkflowKey, g.Key.StepId, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var overdue = await db.Disputes.AsNoTracking().LongCountAsync(d => !d.IsClosed && d.NextDeadlineAt != null && d.NextDeadlineAt < now, cancellationToken);
        var oldestDue = await db.Deadlines.AsNoTracking()
            .Where(d => d.Status == DeadlineStatus.Pending && d.DueAt <= now)
            .OrderBy(d => d.DueAt)
            .Select(d => (DateTimeOffset?)d.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        var backlog = await db.Outbox.AsNoTracking().LongCountAsync(o => o.SentAt == null, cancellationToken);
        var court = await db.JudicialConfirmations.AsNoTracking().LongCountAsync(
            a => a.Status == JudicialConfirmationStatus.Queued || a.Status == JudicialConfirmationStatus.Submitted || a.Status == JudicialConfirmationStatus.Accepted,
            cancellationToken);
        var snapshot = new OperationalSnapshot(
            now,
            [.. byStep.Select(s => new StepCount(s.WorkflowKey, s.StepId, s.Count)).OrderBy(s => s.WorkflowKey, StringComparer.Ordinal).ThenBy(s => s.StepId, StringComparer.Ordinal)],
            overdue,
            oldestDue is { } due ? now - due : TimeSpan.Zero,
            backlog,
            court);
        metrics.Update(snapshot);
        return snapshot;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PeriodicRun.RepeatAsync(
            async token => await RefreshAsync(token),
            options.Value.RefreshInterval,
            clock,
            exception => logger.LogWarning(exception, "Operational metrics could not be refreshed"),
            stoppingToken);
    }
}
