using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Workflows;

/// <summary>
/// Workflow versions in the database: at most one draft per key, which can change, and published versions, which
/// never do. Publishing marks the draft published in the database first (a conditional update, so two publishers
/// cannot both win) and then makes it live in the <see cref="WorkflowRegistry"/> for new disputes.
/// </summary>
internal sealed class WorkflowVersionStore(MediationDbContext db, WorkflowRegistry registry, TimeProvider clock, ILogger<WorkflowVersionStore> logger)
{
    /// <summary>Every stored version of <paramref name="key"/> (or of every key), by key and version.</summary>
    public async Task<List<WorkflowVersionRecord>> VersionsAsync(string? key, CancellationToken cancellationToken)
    {
        var query = db.WorkflowVersions.AsNoTracking();
        if (key is not null)
        {
            query = query.Where(w => w.Key == key);
        }

        // Metadata only: definitions can be large.
        var rows = await query
            .Select(w => new WorkflowVersionRecord
            {
                Key = w.Key,
                Version = w.Version,
                Status = w.Status,
                DefinitionJson = string.Empty,
                CreatedAt = w.CreatedAt,
                PublishedAt = w.PublishedAt,
                PublishedByUserId = w.PublishedByUserId,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(w => w.Key, StringComparer.Ordinal).ThenBy(w => w.Version)];
    }

    /// <summary>The stored record of one version, published or draft.</summary>
    public Task<WorkflowVersionRecord?> FindAsync(string key, int version, CancellationToken cancellationToken) =>
        db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(w => w.Key == key && w.Version == version, cancellationToken);

    /// <summary>The draft of <paramref name="key"/>, if any.</summary>
    public Task<WorkflowVersionRecord?> DraftAsync(string key, CancellationToken cancellationToken) =>
        db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(w => w.Key == key && w.Status == WorkflowVersionStatus.Draft, cancellationToken);

    /// <summary>Parses and compiles a stored draft.</summary>
    public CompilationResult Compile(WorkflowVersionRecord record)
    {
        var parsed = WorkflowJson.Parse(record.DefinitionJson);
        return parsed.Definition is null ? new CompilationResult(null, parsed.Issues) : registry.Compile(parsed.Definition);
    }

    /// <summary>
    /// Creates or replaces the draft of <paramref name="key"/> as version newest published + 1 (the definition's own
    /// key and version are overwritten), with whatever errors it has.
    /// </summary>
    public async Task<DraftSaved> SaveDraftAsync(string key, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await registry.Changes.WaitAsync(cancellationToken);
        try
        {
            var records = await db.WorkflowVersions.Where(w => w.Key == key).ToListAsync(cancellationToken);
            var newest = Math.Max(
                records.Where(r => r.Status == WorkflowVersionStatus.Published).Select(r => r.Version).DefaultIfEmpty(0).Max(),
                registry.Catalog.FindLatest(key)?.Version ?? 0);
            var draftDefinition = definition with { Key = key, Version = newest + 1 };
            var issues = registry.Compile(draftDefinition).Issues;
            var json = WorkflowJson.Serialize(draftDefinition);
            var now = clock.GetUtcNow();
            var existing = records.FirstOrDefault(r => r.Status == WorkflowVersionStatus.Draft);
            if (existing is not null && existing.Version == draftDefinition.Version)
            {
                existing.DefinitionJson = json;
                existing.CreatedAt = now;
            }
            else
            {
                if (existing is not null)
                {
                    // A newer version was published since the draft was saved: the draft moves up past it.
                    db.WorkflowVersions.Remove(existing);
                }

                db.WorkflowVersions.Add(new WorkflowVersionRecord
                {
                    Key = key,
                    Version = draftDefinition.Version,
                    Status = WorkflowVersionStatus.Draft,
                    DefinitionJson = json,
                    CreatedAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception)
            {
                // Another instance stored the same version at the same moment.
                logger.LogWarning(exception, "Draft {Key} v{Version} could not be saved", key, draftDefinition.Version);
                db.ChangeTracker.Clear();
                return new DraftSaved(DraftSaveOutcome.Conflict, draftDefinition.Version, now, issues);
            }

            return new DraftSaved(existing is null ? DraftSaveOutcome.Created : DraftSaveOutcome.Replaced, draftDefinition.Version, now, issues);
        }
        finally
        {
            registry.Changes.Release();
        }
    }

    /// <summary>Publishes the draft of <paramref name="key"/> when it has no errors.</summary>
    public async Task<PublishAttempt> PublishDraftAsync(string key, string? userId, CancellationToken cancellationToken)
    {
        await registry.Changes.WaitAsync(cancellationToken);
        try
        {
            var records = await VersionsAsync(key, cancellationToken);
            var newestPublished = Math.Max(
                records.Where(r => r.Status == WorkflowVersionStatus.Published).Select(r => r.Version).DefaultIfEmpty(0).Max(),
                registry.Catalog.FindLatest(key)?.Version ?? 0);
            var draft = await DraftAsync(key, cancellationToken);
            if (draft is null)
            {
                return new PublishAttempt(newestPublished > 0 ? PublishOutcome.NoDraft : PublishOutcome.NotFound, newestPublished, []);
            }

            if (registry.Catalog.Find(key, draft.Version) is not null)
            {
                return new PublishAttempt(PublishOutcome.AlreadyPublished, draft.Version, []);
            }

            if (newestPublished >= draft.Version)
            {
                return new PublishAttempt(PublishOutcome.Outdated, draft.Version, [], NewestPublished: newestPublished);
            }

            var compiled = Compile(draft);
            if (compiled.Workflow is null)
            {
                return new PublishAttempt(PublishOutcome.Invalid, draft.Version, compiled.Issues);
            }

            var now = clock.GetUtcNow();
            var updated = await db.WorkflowVersions
                .Where(w => w.Key == key && w.Version == draft.Version && w.Status == WorkflowVersionStatus.Draft)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(w => w.Status, WorkflowVersionStatus.Published)
                        .SetProperty(w => w.PublishedAt, now)
                        .SetProperty(w => w.PublishedByUserId, userId),
                    cancellationToken);
            if (updated == 0)
            {
                return new PublishAttempt(PublishOutcome.AlreadyPublished, draft.Version, []);
            }

            registry.Publish(compiled.Workflow);
            logger.LogInformation("Published workflow {Key} v{Version} by {UserId}", key, draft.Version, userId);
            return new PublishAttempt(PublishOutcome.Published, draft.Version, compiled.Issues, now);
        }
        finally
        {
            registry.Changes.Release();
        }
    }
}

/// <summary>What saving a draft did.</summary>
internal enum DraftSaveOutcome
{
    Created,
    Replaced,
    Conflict,
}

/// <summary>A saved draft.</summary>
internal sealed record DraftSaved(DraftSaveOutcome Outcome, int Version, DateTimeOffset SavedAt, IReadOnlyList<ValidationIssue> Issues);

/// <summary>What publishing did.</summary>
internal enum PublishOutcome
{
    Published,
    NotFound,
    NoDraft,
    AlreadyPublished,
    Outdated,
    Invalid,
}

/// <summary>The result of a publish request.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Version">The draft's version (for <see cref="PublishOutcome.NoDraft"/>: the newest published one).</param>
/// <param name="Issues">The compiler's issues.</param>
/// <param name="PublishedAt">When, if published.</param>
/// <param name="NewestPublished">For <see cref="PublishOutcome.Outdated"/>: the newer published version.</param>
internal sealed record PublishAttempt(PublishOutcome Outcome, int Version, IReadOnlyList<ValidationIssue> Issues, DateTimeOffset? PublishedAt = null, int NewestPublished = 0);
