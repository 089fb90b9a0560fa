using System.Data.Common;
using Mediation.Api.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Mediation.Api.Timers;

internal static class TimerExtensions
{
    /// <summary>Quartz's tables live beside the service's own, under this prefix.</summary>
    public const string TablePrefix = "QRTZ_";

    /// <summary>
    /// Durable deadline timers: Quartz with its persistent store in the service's own database (SQLite file or SQL
    /// Server, whichever EF Core uses; schema created if missing), one durable <see cref="DeadlineJob"/>, triggers
    /// derived from the deadline records by <see cref="QuartzDeadlineScheduler"/> and reconciled by
    /// <see cref="DeadlineReconciler"/>. With <c>Timers:Enabled</c> false only the records and the dispatcher remain.
    /// </summary>
    public static IHostApplicationBuilder AddDeadlineTimers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.Section);
        builder.Services.AddSingleton<DeadlineDispatcher>();
        var timers = builder.Configuration.GetSection(TimerOptions.Section).Get<TimerOptions>() ?? new TimerOptions();
        if (!timers.Enabled)
        {
            builder.Services.AddSingleton<IDeadlineScheduler, UnscheduledDeadlines>();
            return builder;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var sqlServer = string.Equals(database.Provider, "SqlServer", StringComparison.OrdinalIgnoreCase);
        builder.AddQuartz(quartz =>
        {
            quartz.AddJob<DeadlineJob>(job => job
                .WithIdentity(QuartzDeadlineScheduler.JobKey)
                .WithDescription("Fires a dispute deadline through the workflow engine")
                .StoreDurably()
                .RequestRecovery());
            quartz.UsePersistentStore(store =>
            {
                store.ConfigureStore(options =>
                {
                    options.TablePrefix = TablePrefix;
                    options.StoreJobDataAsStrings = true;
                    options.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                });

                // The same database as EF Core by construction: the connection string is read from the DbContext
                // the service registered, when Quartz first needs a connection (after the migrator has run).
                if (sqlServer)
                {
                    store.UseSqlServer(source => source.DataSourceFactory = services => SqlClientFactory.Instance.CreateDataSource(ConnectionStringOf(services)));
                    if (timers.Clustered)
                    {
                        store.UseClustering(_ => { });
                    }
                }
                else
                {
                    // One process owns a SQLite file: no clustering, Quartz's in-process lock.
                    store.UseSqlite(source => source.DataSourceFactory = services => SqliteFactory.Instance.CreateDataSource(ConnectionStringOf(services)));
                }

                store.UseSystemTextJsonSerializer();
            });
        });

        // The scheduler starts inside its hosted service's StartAsync (not on ApplicationStarted), so the reconciler
        // registered next finds it running; the migrator, registered by AddPersistence, has already run.
        builder.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = false;
        });
        builder.Services.AddHealthChecks().AddQuartz(check => check.Name = "quartz");
        builder.Services.AddSingleton<QuartzDeadlineScheduler>();
        builder.Services.AddSingleton<IDeadlineScheduler>(services => services.GetRequiredService<QuartzDeadlineScheduler>());
        builder.Services.AddSingleton<DeadlineReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineReconciler>());
        return builder;
    }

    private static string ConnectionStringOf(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MediationDbContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException("The service's DbContext has no connection string for Quartz to share.");
    }
}

/// <summary>With timers switched off: deadlines are recorded, nothing fires them unless the dispatcher is called.</summary>
internal sealed class UnscheduledDeadlines : IDeadlineScheduler
{
    public Task ScheduleAsync(Data.Entities.DeadlineRecord deadline, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task UnscheduleAsync(Guid disputeId, string deadlineId, CancellationToken cancellationToken) => Task.CompletedTask;
}
