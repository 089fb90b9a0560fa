using Mediation.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Tests;

/// <summary>Each provider's generated migrations must match the model; a model change without <c>scripts/add-migration.sh</c> fails here.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteMediationDbContext(new DbContextOptionsBuilder<SqliteMediationDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations are out of step with the model: run scripts/add-migration.sh NAME.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        // No server is contacted: the model is compared with the generated snapshot.
        using var db = new SqlServerMediationDbContext(new DbContextOptionsBuilder<SqlServerMediationDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server migrations are out of step with the model: run scripts/add-migration.sh NAME.");
        Assert.Equal(
            new SqliteMediationDbContext(new DbContextOptionsBuilder<SqliteMediationDbContext>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations().Select(Name),
            db.Database.GetMigrations().Select(Name));
    }

    /// <summary>Migration ids start with a timestamp; the two sets must have the same names in the same order.</summary>
    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
