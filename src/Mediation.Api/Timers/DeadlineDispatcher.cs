using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Timers;

/// <summary>What became of one firing.</summary>
internal enum DeadlineFireOutcome
{
    /// <summary>The engine applied the timer: the case moved or a notice went out, and the record is Fired.</summary>
    Applied,

    /// <summary>The engine ignored it (stale or not yet due); the record was settled by <see cref="DisputeWorkflow"/>.</summary>
    Ignored,

    /// <summary>The engine refused it (for example the case is closed); the record was settled.</summary>
    Rejected,

    /// <summary>The record is no longer pending: already fired or cancelled. Nothing was asked of the engine.</summary>
    NotPending,

    /// <summary>No such deadline record or dispute.</summary>
    NotFound,

    /// <summary>Other changes to the dispute kept winning; the record stays pending for the reconciler.</summary>
    Conflict,

    /// <summary>An error, logged; the record stays pending for the reconciler.</summary>
    Failed,
}

/// <summary>
/// Turns a due deadline into <c>WorkflowEvent.Timer(deadlineId)</c> through <see cref="DisputeWorkflow"/>, the only
/// way a case changes. Exactly-once comes from there, not from here: the engine ignores a timer whose deadline is no
/// longer live in the case's state, and the dispute's concurrency token lets only one of two simultaneous firings
/// commit; the loser is retried, finds the deadline spent and is ignored. So Quartz, start-up catch-up and a manual call
/// may all see the same deadline and the case still moves once.
/// </summary>
internal sealed class DeadlineDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<DeadlineDispatcher> logger)
{

    /// <summary>Fires one deadline. Never throws for a bad case (only when <paramref name="cancellationToken"/> is cancelled).</summary>
    public async Task<DeadlineFireOutcome> FireAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(deadlineId);
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = disputeId, ["DeadlineId"] = deadlineId });
        var retries = Math.Max(0, options.Value.ConflictRetries);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // A fresh scope, so a fresh DbContext, per attempt: a conflict leaves the old one's view stale.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var status = await db.Deadlines.AsNoTracking()
                    .Where(d => d.DisputeId == disputeId && d.DeadlineId == deadlineId)
                    .Select(d => (DeadlineStatus?)d.Status)
                    .FirstOrDefaultAsync(cancellationToken);
                if (status is null)
                {
                    logger.LogWarning("Deadline {DeadlineId} of dispute {DisputeId} has no record; timer ignored", deadlineId, disputeId);
                    return DeadlineFireOutcome.NotFound;
                }

                if (status != DeadlineStatus.Pending)
                {
                    logger.LogDebug("Deadline {DeadlineId} of dispute {DisputeId} is already {Status}; timer ignored", deadlineId, disputeId, status);
                    return DeadlineFireOutcome.NotPending;
                }

                var workflow = scope.ServiceProvider.GetRequiredService<DisputeWorkflow>();
                var result = await workflow.ApplyAsync(disputeId, WorkflowEvent.Timer(deadlineId), Actor.System, null, cancellationToken);
                switch (result.Kind)
                {
                    case WorkflowResultKind.Applied:
                        logger.LogInformation(
                            "Deadline {DeadlineId} of dispute {DisputeId} fired: {FromStep} → {ToStep}",
                            deadlineId, disputeId, result.Decision?.FromStep, result.Dispute?.StepId);
                        return DeadlineFireOutcome.Applied;

                    case WorkflowResultKind.Ignored:
                        logger.LogInformation(
                            "Deadline {DeadlineId} of dispute {DisputeId} ignored by the engine ({Problem})",
                            deadlineId, disputeId, result.Decision?.Problem?.Code);
                        return DeadlineFireOutcome.Ignored;

                    case WorkflowResultKind.Rejected:
                        logger.LogWarning(
                            "Deadline {DeadlineId} of dispute {DisputeId} rejected by the engine ({Problem})",
                            deadlineId, disputeId, result.Decision?.Problem?.Code);
                        return DeadlineFireOutcome.Rejected;

                    case WorkflowResultKind.NotFound:
                        logger.LogWarning("Dispute {DisputeId} of deadline {DeadlineId} not found", disputeId, deadlineId);
                        return DeadlineFireOutcome.NotFound;

                    case WorkflowResultKind.Conflict when attempt < retries:
                        logger.LogDebug("Deadline {DeadlineId} of dispute {DisputeId}: another change won, retrying", deadlineId, disputeId);
                        break;

                    default:
                        logger.LogWarning(
                            "Deadline {DeadlineId} of dispute {DisputeId} lost {Attempts} races to other changes; left pending for reconciliation",
                            deadlineId, disputeId, attempt + 1);
                        return DeadlineFireOutcome.Conflict;
                }
            }
            catch (DbUpdateException exception) when (attempt < retries && !cancellationToken.IsCancellationRequested)
            {
                // A simultaneous firing of the same deadline that committed first makes this one's save fail on the
                // unique (dispute, deadline id) index of the next step's deadline records before the dispute's
                // concurrency token is checked. Nothing was written; retried, the record is found Fired.
                logger.LogDebug(exception, "Deadline {DeadlineId} of dispute {DisputeId}: save failed, likely a concurrent firing; retrying", deadlineId, disputeId);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Deadline {DeadlineId} of dispute {DisputeId} could not be processed; left pending for reconciliation", deadlineId, disputeId);
                return DeadlineFireOutcome.Failed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25 * (attempt + 1)), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Fires every pending deadline due at <paramref name="now"/>, earliest first, a page at a time. Used by start-up
    /// catch-up and by tests. Returns how many firings the engine applied.
    /// </summary>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pageSize = Math.Max(1, options.Value.PageSize);

        // Both providers compare instants (SQLite stores them as UTC ticks), so the bound is exact; keyset paging on
        // (DueAt, Id) keeps pages stable while firings change rows behind the cursor.
        var bound = now;
        var applied = 0;
        DueCursor? cursor = null;
        while (true)
        {
            List<DueRow> page;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var query = db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Pending && d.DueAt <= bound);
                if (cursor is { } after)
                {
                    query = query.Where(d => d.DueAt > after.DueAt || (d.DueAt == after.DueAt && d.Id.CompareTo(after.Id) > 0));
                }

                page = await query
                    .OrderBy(d => d.DueAt).ThenBy(d => d.Id)
                    .Select(d => new DueRow(d.Id, d.DisputeId, d.DeadlineId, d.DueAt))
                    .Take(pageSize)
                    .ToListAsync(cancellationToken);
            }

            if (page.Count == 0)
            {
                break;
            }

            foreach (var row in page.Where(r => r.DueAt <= now).OrderBy(r => r.DueAt.UtcTicks).ThenBy(r => r.Id))
            {
                if (await FireAsync(row.DisputeId, row.DeadlineId, cancellationToken) == DeadlineFireOutcome.Applied)
                {
                    applied++;
                }
            }

            if (page.Count < pageSize)
            {
                break;
            }

            cursor = new DueCursor(page[^1].DueAt, page[^1].Id);
        }

        if (applied > 0)
        {
            logger.LogInformation("Caught up {Count} deadlines due by {Now}", applied, now);
        }

        return applied;
    }

    private sealed record DueRow(Guid Id, Guid DisputeId, string DeadlineId, DateTimeOffset DueAt);

    private readonly record struct DueCursor(DateTimeOffset DueAt, Guid Id);
}
