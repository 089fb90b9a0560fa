using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mediation.Api.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMediationDbContext>
{
    public SqliteMediationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMediationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the SQL Server context; no server is contacted to generate migrations.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMediationDbContext>
{
    public SqlServerMediationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMediationDbContext>().UseSqlServer("Server=.;Database=Mediation;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
