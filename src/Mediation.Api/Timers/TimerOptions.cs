namespace Mediation.Api.Timers;

/// <summary>Deadline timer settings (section <c>Timers</c>).</summary>
internal sealed class TimerOptions
{
    public const string Section = "Timers";

    /// <summary>
    /// Runs Quartz and the reconciler. Off, deadlines are still recorded but nothing fires them: tests then drive
    /// <see cref="DeadlineDispatcher"/> by hand.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the reconciler runs again after start-up (catch-up, missing triggers, orphans). It repairs triggers
    /// that could not be written after a commit while the service kept running. Zero or less: at start-up only.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many times a firing is retried when another change to the same dispute won (its concurrency token, or a simultaneous firing of the same deadline).</summary>
    public int ConflictRetries { get; set; } = 5;

    /// <summary>Records read per page by catch-up and reconciliation.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>SQL Server only: join a Quartz cluster with the other instances sharing the database. SQLite never clusters.</summary>
    public bool Clustered { get; set; }
}
