using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace Mediation.Api.Timers;

/// <summary>What one reconciliation did.</summary>
/// <param name="CaughtUp">Deadlines due by the start of the run that the engine applied.</param>
/// <param name="Pending">Pending records whose trigger was checked (and created or replaced when missing or different).</param>
/// <param name="Removed">Triggers removed because their record is no longer pending (or never existed).</param>
internal sealed record ReconcileReport(int CaughtUp, int Pending, int Removed);

/// <summary>
/// Brings Quartz's triggers back in line with the deadline records, which are the truth. Registered after
/// <c>DatabaseMigrator</c> and after Quartz's hosted service (which starts the scheduler in its own start, see
/// <c>TimerExtensions</c>), so it runs against a migrated database and a running scheduler; it runs in the background
/// so a long catch-up does not hold up the host, and again every <see cref="TimerOptions.ReconcileInterval"/>.
/// <list type="number">
/// <item><description>
/// Catch-up: every pending deadline already due is fired directly through <see cref="DeadlineDispatcher.FireDueAsync"/>,
/// earliest first. Not through Quartz, because a deadline whose trigger was never written (a crash between commit and
/// scheduling) has nothing in Quartz to fire, and because the records give one due-ordered pass. Triggers Quartz still
/// holds for the same deadlines fire as misfires at the same time; the engine and the dispute's concurrency token make
/// the second arrival a no-op.
/// </description></item>
/// <item><description>Every record still pending gets its trigger (created if missing, replaced if its due time differs).</description></item>
/// <item><description>Every trigger in the deadline group whose record is not pending is removed.</description></item>
/// </list>
/// Each step is idempotent and pages through the records, so running it twice, or beside a live scheduler, is safe.
/// </summary>
internal sealed class DeadlineReconciler(
    IServiceScopeFactory scopes,
    DeadlineDispatcher dispatcher,
    QuartzDeadlineScheduler scheduler,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<DeadlineReconciler> logger) : BackgroundService
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly TaskCompletionSource _startup = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up run has finished (successfully or not), for tests and diagnostics.</summary>
    public Task StartupRun => _startup.Task;

    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            var caughtUp = await dispatcher.FireDueAsync(clock.GetUtcNow(), cancellationToken);
            var pending = await EnsureTriggersAsync(cancellationToken);
            var removed = await RemoveOrphansAsync(cancellationToken);
            var report = new ReconcileReport(caughtUp, pending, removed);
            logger.LogInformation("Deadline timers reconciled: {CaughtUp} caught up, {Pending} pending, {Removed} stale triggers removed", caughtUp, pending, removed);
            return report;
        }
        finally
        {
            _running.Release();
        }
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunSafelyAsync(stoppingToken);
        }
        finally
        {
            _startup.TrySetResult();
        }

        var interval = options.Value.ReconcileInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, clock, stoppingToken);
                await RunSafelyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunSafelyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ReconcileAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the next start reconciles again.
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Never stop the host over this: the records are intact and the next run tries again.
            logger.LogError(exception, "Deadline timer reconciliation failed");
        }
    }

    private async Task<int> EnsureTriggersAsync(CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, options.Value.PageSize);
        var count = 0;
        Guid? after = null;
        while (true)
        {
            List<DeadlineRecord> page;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var query = db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Pending);
                if (after is { } last)
                {
                    query = query.Where(d => d.Id.CompareTo(last) > 0);
                }

                page = await query.OrderBy(d => d.Id).Take(pageSize).ToListAsync(cancellationToken);
            }

            foreach (var record in page)
            {
                // A record that went past due since catch-up gets a trigger in the past, which Quartz fires at once.
                await scheduler.ScheduleAsync(record, cancellationToken);
                count++;
            }

            if (page.Count < pageSize)
            {
                return count;
            }

            after = page[^1].Id;
        }
    }

    private async Task<int> RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, options.Value.PageSize);
        var keys = await scheduler.ListAsync(cancellationToken);
        var removed = 0;
        foreach (var chunk in keys.Chunk(pageSize))
        {
            var named = new List<(TriggerKey Key, Guid DisputeId, string DeadlineId)>(chunk.Length);
            var orphans = new List<TriggerKey>();
            foreach (var key in chunk)
            {
                if (QuartzDeadlineScheduler.TryParse(key, out var disputeId, out var deadlineId))
                {
                    named.Add((key, disputeId, deadlineId));
                }
                else
                {
                    orphans.Add(key);
                }
            }

            var disputeIds = named.Select(n => n.DisputeId).Distinct().ToList();
            HashSet<(Guid, string)> live;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var rows = await db.Deadlines.AsNoTracking()
                    .Where(d => d.Status == DeadlineStatus.Pending && disputeIds.Contains(d.DisputeId))
                    .Select(d => new { d.DisputeId, d.DeadlineId })
                    .ToListAsync(cancellationToken);
                live = rows.Select(r => (r.DisputeId, r.DeadlineId)).ToHashSet();
            }

            // A trigger scheduled after this listing belongs to a record committed before it, so it is never taken for an orphan.
            orphans.AddRange(named.Where(n => !live.Contains((n.DisputeId, n.DeadlineId))).Select(n => n.Key));
            await scheduler.RemoveAsync(orphans, cancellationToken);
            removed += orphans.Count;
        }

        return removed;
    }
}
