using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Data;

/// <summary>
/// Creates and migrates the database at start-up (zero set-up for the embedded SQLite file), then runs the seeders.
/// Production may instead migrate from a script or bundle and set <c>Database:MigrateAtStartup</c> to false.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IConfiguration configuration, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a case is being saved.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            logger.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>())
        {
            await seeder.SeedAsync(db, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Seeds data after migration; each seeder is idempotent.</summary>
internal interface IDatabaseSeeder
{
    Task SeedAsync(MediationDbContext db, CancellationToken cancellationToken);
}
