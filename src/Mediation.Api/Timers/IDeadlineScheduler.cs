using Mediation.Api.Data.Entities;

namespace Mediation.Api.Timers;

/// <summary>
/// Derives timers from deadline records. Called only after the records are committed; the records stay the truth and
/// are reconciled with the timers at start-up, so a crash between commit and scheduling loses nothing.
/// </summary>
public interface IDeadlineScheduler
{
    /// <summary>Makes sure a timer fires for <paramref name="deadline"/> at its due time (idempotent).</summary>
    Task ScheduleAsync(DeadlineRecord deadline, CancellationToken cancellationToken);

    /// <summary>Removes the timer of a cancelled deadline, if any (idempotent).</summary>
    Task UnscheduleAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken);
}
