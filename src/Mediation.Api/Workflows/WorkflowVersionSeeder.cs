using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Workflows;

/// <summary>
/// Publishes the shipped definitions that the database does not have yet, then loads every published version from
/// the database into the catalog, so cases keep the version they started on across restarts and upgrades. A shipped
/// file that differs from an already published version of the same number is not applied: published versions are
/// immutable, and a change needs a new version number.
/// </summary>
internal sealed class WorkflowVersionSeeder(WorkflowRegistry registry, TimeProvider clock, ILogger<WorkflowVersionSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(MediationDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.WorkflowVersions.ToListAsync(cancellationToken);
        foreach (var shipped in registry.Library.Definitions)
        {
            var definition = shipped.Definition!;
            var json = WorkflowJson.Serialize(definition);
            var existing = stored.FirstOrDefault(w => w.Key == definition.Key && w.Version == definition.Version);
            if (existing is null)
            {
                var record = new WorkflowVersionRecord
                {
                    Key = definition.Key,
                    Version = definition.Version,
                    Status = WorkflowVersionStatus.Published,
                    DefinitionJson = json,
                    CreatedAt = clock.GetUtcNow(),
                    PublishedAt = clock.GetUtcNow(),
                };
                db.WorkflowVersions.Add(record);
                stored.Add(record);
            }
            else if (existing.Status == WorkflowVersionStatus.Published && existing.DefinitionJson != json)
            {
                logger.LogWarning("Shipped {Key} v{Version} differs from the published version in the database; the published version stays. Give the change a new version number.", definition.Key, definition.Version);
            }
            else if (existing.Status == WorkflowVersionStatus.Draft)
            {
                // A designer's draft holds that number; it is theirs to publish or to save again past the shipped one.
                logger.LogWarning("Shipped {Key} v{Version} is not published: a draft in the database has that version number.", definition.Key, definition.Version);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var record in stored.Where(w => w.Status == WorkflowVersionStatus.Published).OrderBy(w => w.Key, StringComparer.Ordinal).ThenBy(w => w.Version))
        {
            if (registry.Catalog.Find(record.Key, record.Version) is not null)
            {
                continue;
            }

            var parsed = WorkflowJson.Parse(record.DefinitionJson);
            var compiled = parsed.Definition is null ? null : registry.Compile(parsed.Definition);
            if (compiled?.Workflow is null)
            {
                throw new InvalidOperationException($"Published workflow {record.Key} v{record.Version} in the database no longer compiles.");
            }

            registry.Publish(compiled.Workflow);
        }
    }
}
