using Quartz;

namespace Mediation.Api.Timers;

/// <summary>
/// The one Quartz job behind every deadline trigger. Thin on purpose: it reads which deadline fired from the trigger's
/// data and hands it to <see cref="DeadlineDispatcher"/>, which decides through the engine and never throws for a bad
/// case, so one broken dispute cannot stall the scheduler.
/// </summary>
internal sealed class DeadlineJob(DeadlineDispatcher dispatcher, ILogger<DeadlineJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.Trigger.JobDataMap;
        if (!data.TryGetString(QuartzDeadlineScheduler.DisputeIdKey, out var disputeText)
            || !Guid.TryParse(disputeText, out var disputeId)
            || !data.TryGetString(QuartzDeadlineScheduler.DeadlineIdKey, out var deadlineId)
            || string.IsNullOrEmpty(deadlineId))
        {
            logger.LogError("Trigger {Trigger} carries no dispute or deadline id; ignored", context.Trigger.Key);
            return;
        }

        await dispatcher.FireAsync(disputeId, deadlineId, cancellationToken);
    }
}
