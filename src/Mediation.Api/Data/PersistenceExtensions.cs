using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Data;

/// <summary>Database settings: SQLite by default (a file under the data folder), SQL Server in production.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Folder for the SQLite file and stored attachments, relative to the content root unless absolute.</summary>
    public string DataFolder { get; set; } = "data";
}

internal static class PersistenceExtensions
{
    public const string ConnectionStringName = "Mediation";

    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.Equals(options.Provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is empty.");
            }

            builder.Services.AddDbContext<MediationDbContext, SqlServerMediationDbContext>(db => db.UseSqlServer(connectionString));
        }
        else
        {
            var folder = DataFolder(builder.Environment, options);
            Directory.CreateDirectory(folder);
            connectionString = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine(folder, "mediation.db")};Default Timeout=30"
                : connectionString;
            builder.Services.AddDbContext<MediationDbContext, SqliteMediationDbContext>(db => db.UseSqlite(connectionString));
        }

        // Migrations run before anything else starts (timers, seeding), so this hosted service is registered first.
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    public static string DataFolder(IHostEnvironment environment, DatabaseOptions options) =>
        Path.IsPathRooted(options.DataFolder) ? options.DataFolder : Path.Combine(environment.ContentRootPath, options.DataFolder);
}
