using System.Globalization;
using Mediation.Api.Data.Entities;
using Quartz;

namespace Mediation.Api.Timers;

/// <summary>
/// Derives Quartz triggers from deadline records: one durable job (<see cref="DeadlineJob"/>), one single-shot trigger
/// per pending deadline, keyed <c>{disputeId}:{deadlineId}</c> in the <see cref="Group"/> group and starting at the
/// deadline's due time. Scheduling is idempotent: an identical trigger is left alone, a trigger for the same key with
/// another due time is replaced, and losing a race to store the same key counts as success.
/// </summary>
internal sealed class QuartzDeadlineScheduler(ISchedulerFactory schedulers, TimeProvider clock, ILogger<QuartzDeadlineScheduler> logger) : IDeadlineScheduler
{
    /// <summary>The trigger group every deadline trigger lives in.</summary>
    public const string Group = "deadlines";

    /// <summary>Trigger data: the dispute's id.</summary>
    public const string DisputeIdKey = "disputeId";

    /// <summary>Trigger data: the engine's deadline id.</summary>
    public const string DeadlineIdKey = "deadlineId";

    /// <summary>The one durable job every deadline trigger fires.</summary>
    public static readonly JobKey JobKey = new("deadline", Group);

    // SQLite keeps DeadlineRecord.DueAt to 0.1 ms; Quartz keeps ticks. Closer than this is the same due time.
    private static readonly TimeSpan SameDueTime = TimeSpan.FromMilliseconds(1);

    public static TriggerKey KeyOf(Guid disputeId, string deadlineId) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{disputeId:D}:{deadlineId}"), Group);

    /// <summary>Reads a trigger name back into its dispute and deadline; false for a name this class did not write.</summary>
    public static bool TryParse(TriggerKey key, out Guid disputeId, out string deadlineId)
    {
        ArgumentNullException.ThrowIfNull(key);
        disputeId = Guid.Empty;
        deadlineId = string.Empty;
        var separator = key.Name.IndexOf(':', StringComparison.Ordinal);
        if (!string.Equals(key.Group, Group, StringComparison.Ordinal) || separator <= 0 || separator == key.Name.Length - 1
            || !Guid.TryParseExact(key.Name.AsSpan(0, separator), "D", out disputeId))
        {
            return false;
        }

        deadlineId = key.Name[(separator + 1)..];
        return true;
    }

    public async Task ScheduleAsync(DeadlineRecord deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = KeyOf(deadline.DisputeId, deadline.DeadlineId);
        var existing = await scheduler.GetTrigger(key, cancellationToken);
        if (existing is not null && IsSame(existing, deadline))
        {
            return;
        }

        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(JobKey)
            .WithDescription($"{deadline.Kind} deadline of dispute {deadline.DisputeId:D}")
            .UsingJobData(DisputeIdKey, deadline.DisputeId.ToString("D", CultureInfo.InvariantCulture))
            .UsingJobData(DeadlineIdKey, deadline.DeadlineId)
            .StartAt(deadline.DueAt)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        if (existing is null)
        {
            try
            {
                await scheduler.ScheduleJob(trigger, default, cancellationToken);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another caller (commit path, reconciler, an early firing) stored this key first: the key names the
                // deadline and a deadline id is never reused, so that trigger is this one.
                logger.LogDebug("Trigger {Trigger} was stored concurrently", key);
                return;
            }
        }
        else
        {
            // The record's due time moved (recomputed provisional deadline), or the old trigger is spent (an early
            // firing being put back): replace it in one store operation.
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }

        logger.LogDebug("Scheduled {Trigger} at {DueAt}", key, deadline.DueAt);
    }

    public async Task UnscheduleAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.UnscheduleJob(KeyOf(disputeId, deadlineId), cancellationToken))
        {
            logger.LogDebug("Unscheduled the trigger of deadline {DeadlineId} of {DisputeId}", deadlineId, disputeId);
        }
    }

    /// <summary>Every deadline trigger currently stored.</summary>
    public async Task<IReadOnlyCollection<TriggerKey>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken);
    }

    /// <summary>Removes the triggers named, when present.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<TriggerKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJobs(keys, cancellationToken);
    }

    private static bool IsSame(ITrigger existing, DeadlineRecord deadline) =>
        existing.NextFireTimeUtc is not null
        && (existing.StartTimeUtc - deadline.DueAt).Duration() < SameDueTime
        && existing.JobKey.Equals(JobKey);
}
