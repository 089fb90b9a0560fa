namespace Mediation.Api.Timers;

internal static class TimerExtensions
{
    /// <summary>Durable deadline timers. (Quartz persistent store: being wired in; until then timers are only logged.)</summary>
    public static IHostApplicationBuilder AddDeadlineTimers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDeadlineScheduler, LoggingDeadlineScheduler>();
        return builder;
    }
}

/// <summary>Scaffolding until the Quartz scheduler lands: records what would be scheduled.</summary>
internal sealed class LoggingDeadlineScheduler(ILogger<LoggingDeadlineScheduler> logger) : IDeadlineScheduler
{
    public Task ScheduleAsync(Data.Entities.DeadlineRecord deadline, CancellationToken cancellationToken)
    {
        logger.LogInformation("Deadline {DeadlineId} of {DisputeId} due {DueAt}", deadline.DeadlineId, deadline.DisputeId, deadline.DueAt);
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken) => Task.CompletedTask;
}
