using System.Net;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Timers;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Api.Tests.Timers;

/// <summary>
/// Quartz timers derived from deadline records, over the real host and a real SQLite file. Durations are real seconds
/// (the <c>timer-test</c> workflow's first take-up deadline), so each test waits a few seconds at most.
/// </summary>
public sealed class DeadlineTimerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly List<IDisposable> _cleanup = [];

    public void Dispose()
    {
        // Hosts first (they hold the files), then the folders.
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task Scheduling_AfterCommit_OneTriggerPerPendingDeadline_CancelRemovesIt_RepeatsLeaveOne()
    {
        var host = Host("P3D");
        var first = await host.FileAsync("TT-A-1");
        var second = await host.FileAsync("TT-A-2");

        var pending = await PendingAsync(host);
        Assert.Equal(2, pending.Count);
        Assert.Equal(pending.Select(TimerTestHost.TriggerName).ToHashSet(), await host.TriggerNamesAsync());

        // Taking the case up cancels its take-up deadline and starts the resolution clock.
        var takeUp = Assert.Single(await host.DeadlinesAsync(first));
        Assert.Equal(WorkflowResultKind.Applied, (await host.ApplyAsync(first, WorkflowEvent.Of(WorkflowEventType.TakenUp))).Kind);
        Assert.Equal(DeadlineStatus.Cancelled, (await host.DeadlinesAsync(first)).Single(d => d.Id == takeUp.Id).Status);
        pending = await PendingAsync(host);
        var triggers = await host.TriggerNamesAsync();
        Assert.DoesNotContain(TimerTestHost.TriggerName(takeUp), triggers);
        Assert.Equal(pending.Select(TimerTestHost.TriggerName).ToHashSet(), triggers);

        // Scheduling the same record again, even twice at once, leaves one trigger at its due time.
        var scheduler = host.Services.GetRequiredService<QuartzDeadlineScheduler>();
        var record = Assert.Single(await host.DeadlinesAsync(second));
        await Task.WhenAll(scheduler.ScheduleAsync(record, CancellationToken.None), scheduler.ScheduleAsync(record, CancellationToken.None));
        await scheduler.ScheduleAsync(record, CancellationToken.None);
        Assert.Equal(pending.Select(TimerTestHost.TriggerName).ToHashSet(), await host.TriggerNamesAsync());
        var trigger = await (await host.QuartzAsync()).GetTrigger(QuartzDeadlineScheduler.KeyOf(record.DisputeId, record.DeadlineId), CancellationToken.None);
        Assert.NotNull(trigger);
        Assert.True((trigger.StartTimeUtc - record.DueAt).Duration() < TimeSpan.FromMilliseconds(1));
        Assert.Equal(record.DeadlineId, trigger.JobDataMap[QuartzDeadlineScheduler.DeadlineIdKey]);

        // Unscheduling twice is as good as once.
        await scheduler.UnscheduleAsync(record.DisputeId, record.DeadlineId, CancellationToken.None);
        await scheduler.UnscheduleAsync(record.DisputeId, record.DeadlineId, CancellationToken.None);
        Assert.DoesNotContain(TimerTestHost.TriggerName(record), await host.TriggerNamesAsync());
    }

    [Fact]
    public async Task Quartz_SharesTheServiceDatabase_AndReportsHealthy()
    {
        var host = Host("P3D");
        await host.ReadyAsync();

        // Quartz's tables were created in the EF Core database itself.
        var jobs = await host.QueryAsync(db => db.Database
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM {TimerExtensions.TablePrefix}JOB_DETAILS WHERE JOB_GROUP = 'deadlines'")
            .SingleAsync());
        Assert.Equal(1, jobs);

        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trigger_WhenTheDeadlineFallsDue_MovesTheCaseOnce()
    {
        var host = Host("PT2S");
        var disputeId = await host.FileAsync("TT-B-1");
        var takeUp = Assert.Single(await host.DeadlinesAsync(disputeId));
        Assert.Contains(TimerTestHost.TriggerName(takeUp), await host.TriggerNamesAsync());

        Assert.True(await Eventually.HoldsAsync(async () => (await host.DisputeAsync(disputeId)).StepId == "second", Patience), "The take-up deadline never moved the case.");

        var deadlines = await host.DeadlinesAsync(disputeId);
        Assert.Equal(DeadlineStatus.Fired, deadlines.Single(d => d.Id == takeUp.Id).Status);
        var timer = Assert.Single(await host.TimelineAsync(disputeId), t => t.Event == "timerElapsed");
        Assert.Equal(takeUp.DeadlineId, timer.Reason);
        Assert.Equal("system", timer.ActorRole);
        Assert.Equal(("first", "second"), (timer.FromStep, timer.ToStep));

        // The next step's deadline has its trigger; the spent one is gone.
        var next = Assert.Single(deadlines, d => d.Status == DeadlineStatus.Pending);
        Assert.True(await Eventually.HoldsAsync(async () => !(await host.TriggerNamesAsync()).Contains(TimerTestHost.TriggerName(takeUp)), Patience));
        Assert.Contains(TimerTestHost.TriggerName(next), await host.TriggerNamesAsync());
    }

    [Fact]
    public async Task StaleTrigger_ForACancelledDeadline_MovesNothing()
    {
        var host = Host("PT2S");
        var disputeId = await host.FileAsync("TT-C-1");
        var takeUp = Assert.Single(await host.DeadlinesAsync(disputeId));
        Assert.Equal(WorkflowResultKind.Applied, (await host.ApplyAsync(disputeId, WorkflowEvent.Of(WorkflowEventType.TakenUp))).Kind);
        var before = await host.DisputeAsync(disputeId);

        // Put the cancelled deadline's trigger back behind the records' back and let it fire.
        var cancelled = (await host.DeadlinesAsync(disputeId)).Single(d => d.Id == takeUp.Id);
        Assert.Equal(DeadlineStatus.Cancelled, cancelled.Status);
        await host.Services.GetRequiredService<QuartzDeadlineScheduler>().ScheduleAsync(cancelled, CancellationToken.None);
        Assert.Contains(TimerTestHost.TriggerName(cancelled), await host.TriggerNamesAsync());
        Assert.True(await Eventually.HoldsAsync(async () => !(await host.TriggerNamesAsync()).Contains(TimerTestHost.TriggerName(cancelled)), Patience), "The stale trigger never fired.");

        var after = await host.DisputeAsync(disputeId);
        Assert.Equal((before.StepId, before.Phase, before.Version), (after.StepId, after.Phase, after.Version));
        Assert.DoesNotContain(await host.TimelineAsync(disputeId), t => t.Event == "timerElapsed");

        // Even a record wrongly left pending does not move the case: the deadline is not live in the case's state, so
        // the engine ignores the timer and the record is settled.
        await host.QueryAsync(db => db.Deadlines.Where(d => d.Id == takeUp.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeadlineStatus.Pending)));
        var outcome = await host.Services.GetRequiredService<DeadlineDispatcher>().FireAsync(disputeId, takeUp.DeadlineId, CancellationToken.None);
        Assert.Equal(DeadlineFireOutcome.Ignored, outcome);
        Assert.Equal(before.Version, (await host.DisputeAsync(disputeId)).Version);
        Assert.Equal(DeadlineStatus.Cancelled, (await host.DeadlinesAsync(disputeId)).Single(d => d.Id == takeUp.Id).Status);
    }

    [Fact]
    public async Task EarlyTrigger_IsPutBackAtTheDueTime_AndThenMovesTheCaseOnce()
    {
        var host = Host("PT3S");
        var disputeId = await host.FileAsync("TT-G-1");
        var record = Assert.Single(await host.DeadlinesAsync(disputeId));

        // A trigger that fires well before the deadline (a clock skew, a recomputed deadline).
        var early = new DeadlineRecord { DisputeId = disputeId, DeadlineId = record.DeadlineId, StepId = record.StepId, DueAt = TimeProvider.System.GetUtcNow().AddMilliseconds(200) };
        await host.Services.GetRequiredService<QuartzDeadlineScheduler>().ScheduleAsync(early, CancellationToken.None);

        // The engine answers "not due"; the trigger is stored again at the record's due time, while its job still runs.
        var key = QuartzDeadlineScheduler.KeyOf(disputeId, record.DeadlineId);
        Assert.True(
            await Eventually.HoldsAsync(async () => (await (await host.QuartzAsync()).GetTrigger(key, CancellationToken.None))?.StartTimeUtc is { } start && (start - record.DueAt).Duration() < TimeSpan.FromMilliseconds(1), Patience),
            "The early trigger was not put back at the due time.");
        Assert.Equal("first", (await host.DisputeAsync(disputeId)).StepId);
        Assert.Equal(DeadlineStatus.Pending, (await host.DeadlinesAsync(disputeId)).Single(d => d.Id == record.Id).Status);

        Assert.True(await Eventually.HoldsAsync(async () => (await host.DisputeAsync(disputeId)).StepId == "second", Patience), "The put-back trigger never fired.");
        Assert.Single(await host.TimelineAsync(disputeId), t => t.Event == "timerElapsed");
    }

    [Fact]
    public async Task Restart_WithDeadlinesPassedWhileDown_ProcessesEachExactlyOnce()
    {
        using var workflows = new TimerWorkflows("PT3S");
        var dataFolder = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N"));
        var disputes = new List<Guid>();
        List<DeadlineRecord> due;
        using (var first = new TimerTestHost { WorkflowsFolder = workflows.Folder, DataFolder = dataFolder, KeepDataFolder = true })
        {
            for (var i = 0; i < 3; i++)
            {
                disputes.Add(await first.FileAsync($"TT-D-{i}"));
            }

            due = await PendingAsync(first);
            Assert.Equal(3, due.Count);
            Assert.Equal(due.Select(TimerTestHost.TriggerName).ToHashSet(), await first.TriggerNamesAsync());
        }

        // Host 1 is gone before anything fell due; its triggers stay in the database for host 2's Quartz.
        var down = TimeProvider.System.GetUtcNow();
        Assert.True(due.All(d => d.DueAt > down), "Host 1 took too long to stop: a deadline fell due while it ran.");
        Assert.Equal(3, await CountStoredTriggersAsync(dataFolder));

        // Time passes while the service is down.
        var wait = due.Max(d => d.DueAt) - TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // Host 2 starts on the same data: Quartz fires the misfired triggers and the reconciler catches up the same
        // deadlines from the records, both at once.
        var second = new TimerTestHost { WorkflowsFolder = workflows.Folder, DataFolder = dataFolder };
        _cleanup.Add(second);
        second.Start();
        Assert.True(
            await Eventually.HoldsAsync(async () => (await second.QueryAsync(db => db.Deadlines.CountAsync(d => d.Status == DeadlineStatus.Fired))) == 3, Patience),
            "Not every deadline that passed while the service was down was processed.");

        // Give a duplicate every chance to land, then check each deadline moved its case exactly once.
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var disputeId in disputes)
        {
            var record = due.Single(d => d.DisputeId == disputeId);
            var timeline = await second.TimelineAsync(disputeId);
            var timer = Assert.Single(timeline, t => t.Event == "timerElapsed");
            Assert.Equal(record.DeadlineId, timer.Reason);
            Assert.Single(timeline, t => t.Event == "filed");
            var dispute = await second.DisputeAsync(disputeId);
            Assert.Equal("second", dispute.StepId);
            Assert.Equal(2, dispute.Version);
            var deadlines = await second.DeadlinesAsync(disputeId);
            Assert.Equal(DeadlineStatus.Fired, deadlines.Single(d => d.Id == record.Id).Status);
            Assert.Single(deadlines, d => d.Status == DeadlineStatus.Pending);
        }

        // Triggers follow the records: the spent ones are gone, the second step's take-up deadlines are scheduled.
        var pending = await PendingAsync(second);
        Assert.True(await Eventually.HoldsAsync(async () => (await second.TriggerNamesAsync()).SetEquals(pending.Select(TimerTestHost.TriggerName)), Patience));
    }

    [Fact]
    public async Task Reconcile_RecreatesADeletedTrigger_AndRemovesOrphans()
    {
        var host = Host("P3D");
        var disputeId = await host.FileAsync("TT-E-1");
        var record = Assert.Single(await host.DeadlinesAsync(disputeId));
        var scheduler = host.Services.GetRequiredService<QuartzDeadlineScheduler>();
        var reconciler = host.Services.GetRequiredService<DeadlineReconciler>();

        // Delete the trigger behind the records' back, and leave a trigger no record stands behind.
        await (await host.QuartzAsync()).UnscheduleJob(QuartzDeadlineScheduler.KeyOf(record.DisputeId, record.DeadlineId), CancellationToken.None);
        var orphan = new DeadlineRecord
        {
            DisputeId = Guid.NewGuid(),
            DeadlineId = "1.takeUp.1",
            StepId = "first",
            DueAt = TimeProvider.System.GetUtcNow().AddDays(1),
        };
        await scheduler.ScheduleAsync(orphan, CancellationToken.None);
        Assert.Equal([TimerTestHost.TriggerName(orphan)], await host.TriggerNamesAsync());

        var report = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(new ReconcileReport(0, 1, 1), report);
        Assert.Equal([TimerTestHost.TriggerName(record)], await host.TriggerNamesAsync());

        // Again: nothing left to do.
        Assert.Equal(new ReconcileReport(0, 1, 0), await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal([TimerTestHost.TriggerName(record)], await host.TriggerNamesAsync());
    }

    [Fact]
    public async Task Dispatcher_WithTimersOff_FiresOnlyWhatIsDue_AndConcurrentFiringsMoveTheCaseOnce()
    {
        var host = Host("PT1S", timers: false);
        var disputeId = await host.FileAsync("TT-F-1");
        var other = await host.FileAsync("TT-F-2");
        var dispatcher = host.Services.GetRequiredService<DeadlineDispatcher>();
        var record = Assert.Single(await host.DeadlinesAsync(disputeId));

        // Nothing is due yet; nothing is scheduled either (timers off: no Quartz at all).
        Assert.Null(host.Services.GetService<Quartz.ISchedulerFactory>());
        Assert.Equal(0, await dispatcher.FireDueAsync(record.DueAt.AddSeconds(-0.5), CancellationToken.None));
        Assert.Equal(2, (await PendingAsync(host)).Count);

        await Task.Delay(record.DueAt - TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(300));

        // Five firings of one deadline and a catch-up pass, all at once: the case moves once.
        var firings = Enumerable.Range(0, 5).Select(_ => dispatcher.FireAsync(disputeId, record.DeadlineId, CancellationToken.None)).ToList();
        var catchUp = dispatcher.FireDueAsync(TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var outcomes = await Task.WhenAll(firings);
        var caughtUp = await catchUp;

        Assert.Equal(2, outcomes.Count(o => o == DeadlineFireOutcome.Applied) + caughtUp);
        Assert.All(outcomes, o => Assert.Contains(o, new[] { DeadlineFireOutcome.Applied, DeadlineFireOutcome.Ignored, DeadlineFireOutcome.NotPending }));
        foreach (var id in new[] { disputeId, other })
        {
            Assert.Single(await host.TimelineAsync(id), t => t.Event == "timerElapsed");
            var dispute = await host.DisputeAsync(id);
            Assert.Equal(("second", 2), (dispute.StepId, dispute.Version));
        }

        Assert.Equal(0, await dispatcher.FireDueAsync(TimeProvider.System.GetUtcNow(), CancellationToken.None));
    }

    private TimerTestHost Host(string takeUp, bool timers = true)
    {
        var workflows = new TimerWorkflows(takeUp);
        _cleanup.Add(workflows);
        var host = new TimerTestHost { WorkflowsFolder = workflows.Folder, TimersEnabled = timers };
        _cleanup.Add(host);
        return host;
    }

    private static Task<List<DeadlineRecord>> PendingAsync(TimerTestHost host) =>
        host.QueryAsync(db => db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Pending).ToListAsync());

    private static async Task<long> CountStoredTriggersAsync(string dataFolder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataFolder, "mediation.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {TimerExtensions.TablePrefix}TRIGGERS WHERE TRIGGER_GROUP = 'deadlines'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
