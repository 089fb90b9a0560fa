using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Timers;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Mediation.Api.Tests.Timers;

/// <summary>
/// The real host with the shipped workflows plus <c>timer-test</c>, whose first take-up deadline lasts
/// <see cref="TimerWorkflows"/>' chosen duration (seconds in most tests), with no demo data (organisations absent, so
/// assignment stays empty).
/// </summary>
internal sealed class TimerTestHost : MediationApiFactory
{
    public required string WorkflowsFolder { get; init; }

    public bool TimersEnabled { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
        builder.UseSetting("Timers:Enabled", TimersEnabled ? "true" : "false");
        builder.UseSetting("Timers:PageSize", "2"); // Small pages, so paging is exercised.
    }

    /// <summary>Starts the host (the first access to its services builds and starts it).</summary>
    public IServiceProvider Start() => Services;

    /// <summary>Starts the host and waits for the reconciler's start-up run, so a test's own steps do not race it.</summary>
    public async Task ReadyAsync()
    {
        if (TimersEnabled)
        {
            await Services.GetRequiredService<DeadlineReconciler>().StartupRun.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Files a <c>neighbour</c> dispute, which <c>timer-test</c> takes, through <see cref="DisputeWorkflow.StartAsync"/>.</summary>
    public async Task<Guid> FileAsync(string reference)
    {
        await ReadyAsync();
        await using var scope = Services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var dispute = new Dispute
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            Category = "neighbour",
            Description = "Timer test dispute",
            LocationCode = "330203001001",
            Channel = "online",
            FiledAt = clock.GetUtcNow(),
            WorkflowKey = string.Empty,
            StepId = string.Empty,
            State = new CaseState { WorkflowKey = string.Empty, WorkflowVersion = 0, StepId = string.Empty, Phase = CasePhase.Queued, StepEntry = 0, StepEnteredAt = clock.GetUtcNow() },
        };
        var result = await scope.ServiceProvider.GetRequiredService<DisputeWorkflow>().StartAsync(dispute, Actor.System, CancellationToken.None);
        Assert.Equal(WorkflowResultKind.Applied, result.Kind);
        Assert.Equal("timer-test", dispute.WorkflowKey);
        return dispute.Id;
    }

    public async Task<WorkflowResult> ApplyAsync(Guid disputeId, WorkflowEvent evt)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisputeWorkflow>().ApplyAsync(disputeId, evt, Actor.System, null, CancellationToken.None);
    }

    public Task<T> QueryAsync<T>(Func<MediationDbContext, Task<T>> query) => Query(Services, query);

    public Task<List<DeadlineRecord>> DeadlinesAsync(Guid disputeId) =>
        QueryAsync(db => db.Deadlines.AsNoTracking().Where(d => d.DisputeId == disputeId).ToListAsync());

    public Task<Dispute> DisputeAsync(Guid disputeId) =>
        QueryAsync(db => db.Disputes.AsNoTracking().SingleAsync(d => d.Id == disputeId));

    public Task<List<TimelineEntry>> TimelineAsync(Guid disputeId) =>
        QueryAsync(db => db.Timeline.AsNoTracking().Where(t => t.DisputeId == disputeId).OrderBy(t => t.Id).ToListAsync());

    public async Task<IScheduler> QuartzAsync() =>
        await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

    /// <summary>The names of the deadline triggers Quartz holds.</summary>
    public async Task<HashSet<string>> TriggerNamesAsync()
    {
        var keys = await (await QuartzAsync()).GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(QuartzDeadlineScheduler.Group), CancellationToken.None);
        return keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    }

    public static string TriggerName(DeadlineRecord record) => QuartzDeadlineScheduler.KeyOf(record.DisputeId, record.DeadlineId).Name;

    private static async Task<T> Query<T>(IServiceProvider services, Func<MediationDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MediationDbContext>());
    }
}

/// <summary>A temporary copy of the shipped workflows folder with <c>timer-test.json</c> added.</summary>
internal sealed class TimerWorkflows : IDisposable
{
    // Minimal and test-only: the first take-up deadline is the duration under test; missing it moves the case on.
    private const string Definition = """
        {
          "key": "timer-test",
          "version": 1,
          "name": { "zh-CN": "计时器测试流程", "en": "Timer test workflow" },
          "description": {
            "zh-CN": "仅供测试：第一级受理期限以秒计，逾期未受理即转入第二级。",
            "en": "Tests only: the first take-up deadline runs in seconds; missing it moves the case to the second step."
          },
          "legalBasis": [ { "source": "测试", "articles": "无" } ],
          "categories": ["neighbour"],
          "priority": 1,
          "calendar": "natural",
          "remedies": ["litigation"],
          "routing": [ { "id": "default", "to": "first" } ],
          "steps": [
            {
              "id": "first",
              "kind": "mediation",
              "name": { "zh-CN": "第一级", "en": "First step" },
              "handler": { "tier": "village" },
              "takeUp": { "within": "TAKE_UP" },
              "resolution": { "within": "P1M", "clockStartsAt": "acceptance" },
              "on": [
                { "event": "takeUpDeadlineMissed", "to": "second" },
                { "event": "resolutionDeadlineMissed", "to": "second" },
                { "event": "mediationFailed", "to": "second" }
              ]
            },
            {
              "id": "second",
              "kind": "mediation",
              "name": { "zh-CN": "第二级", "en": "Second step" },
              "handler": { "tier": "township" },
              "takeUp": { "within": "P3D" },
              "resolution": { "within": "P1M", "clockStartsAt": "acceptance" },
              "on": [
                { "event": "takeUpDeadlineMissed", "to": "ended" },
                { "event": "resolutionDeadlineMissed", "to": "ended" },
                { "event": "mediationFailed", "to": "ended" }
              ]
            },
            { "id": "ended", "kind": "terminal", "name": { "zh-CN": "终止调解", "en": "Terminated" }, "outcome": "referred", "referral": "litigation" }
          ]
        }
        """;

    public TimerWorkflows(string takeUp)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(Folder, "timer-test.json"), Definition.Replace("TAKE_UP", takeUp, StringComparison.Ordinal));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mediation-tests", "workflows-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes; true when it held.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = TimeProvider.System;
        var until = clock.GetUtcNow() + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.GetUtcNow() > until)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
