using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Disputes.Attachments;
using Mediation.Api.Operability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Privacy;

/// <summary>
/// The retention policy. Each run (every <c>Privacy:RetentionInterval</c>, or <see cref="RunOnceAsync"/>):
/// <list type="number">
/// <item>deletes access-log entries older than <c>Privacy:AccessLogRetentionDays</c> (never fewer than 180 days);</item>
/// <item>anonymises every closed case with no activity for <c>Privacy:AnonymiseClosedAfterDays</c>: party names become a
/// placeholder, phone, ID number and address are cleared, account links removed, evidence files and their records
/// deleted; a <see cref="DisputeAnonymisation"/> mark and a timeline entry record it.</item>
/// </list>
/// The log names cases by id and counts only, never personal data.
/// </summary>
internal sealed class PrivacyRetentionJob(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    MediationMetrics metrics,
    ILogger<PrivacyRetentionJob> logger) : BackgroundService
{
    private const int Batch = 100;

    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();

        var logCutoff = now.AddDays(-Math.Max(settings.AccessLogRetentionDays, PrivacyOptions.MinimumAccessLogRetentionDays));
        var purged = await db.PersonalDataAccessLog.Where(a => a.At < logCutoff).ExecuteDeleteAsync(cancellationToken);

        var cutoff = now.AddDays(-Math.Max(settings.AnonymiseClosedAfterDays, PrivacyOptions.MinimumAnonymiseAfterDays));
        var anonymised = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await db.Disputes.AsNoTracking()
                .Where(d => d.IsClosed
                    && !db.Anonymisations.Any(a => a.DisputeId == d.Id)
                    && !db.Timeline.Any(t => t.DisputeId == d.Id && t.At > cutoff)
                    && !db.JudicialConfirmations.Any(j => j.DisputeId == d.Id
                        && (j.Status == JudicialConfirmationStatus.Queued || j.Status == JudicialConfirmationStatus.Submitted || j.Status == JudicialConfirmationStatus.Accepted)))
                .OrderBy(d => d.Id)
                .Select(d => d.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var id in due)
            {
                await AnonymiseAsync(id, now, cancellationToken);
                anonymised++;
            }
        }

        if (anonymised > 0)
        {
            metrics.Anonymised(anonymised);
        }

        logger.LogInformation("Retention run: {Anonymised} closed case(s) anonymised, {Purged} access-log entr(ies) past retention deleted", anonymised, purged);
        return new RetentionResult(anonymised, purged);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunRetentionJob)
        {
            return;
        }

        await PeriodicRun.RepeatAsync(
            async token => await RunOnceAsync(token),
            options.Value.RetentionInterval,
            clock,
            exception => logger.LogError(exception, "Retention run failed; the next run tries again"),
            stoppingToken);
    }

    private async Task AnonymiseAsync(Guid disputeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var store = AttachmentStore.For(scope.ServiceProvider.GetRequiredService<IHostEnvironment>(), scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        var dispute = await db.Disputes.Include(d => d.Parties).FirstAsync(d => d.Id == disputeId, cancellationToken);
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = dispute.Id, ["CaseReference"] = dispute.Reference });
        var placeholder = options.Value.AnonymisedName;
        foreach (var party in dispute.Parties)
        {
            party.Name = (party.Role == PartyRole.Applicant ? "申请人" : "被申请人") + placeholder;
            party.Phone = null;
            party.IdNumber = null;
            party.Address = null;
            party.UserId = null;
        }

        dispute.FiledByUserId = null;
        dispute.Version++;

        // Sent and dead-lettered texts keep the number and the text they carried; both are personal data too. A delivery
        // still waiting is left alone (a closed case's last texts may still be on their way).
        var deliveries = await db.Deliveries
            .Where(d => d.DisputeId == disputeId && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.DeadLetter))
            .ToListAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            delivery.Recipient = Disputes.Contracts.PersonalData.MaskPhone(delivery.Recipient) ?? string.Empty;
            delivery.Body = placeholder;
        }

        var attachments = await db.Attachments.Where(a => a.DisputeId == disputeId).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        db.Anonymisations.Add(new DisputeAnonymisation
        {
            DisputeId = disputeId,
            AnonymisedAt = now,
            PartiesAnonymised = dispute.Parties.Count,
            AttachmentsDeleted = attachments.Count,
        });
        db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "personalDataAnonymised", $"{dispute.Parties.Count} party(ies), {attachments.Count} attachment(s)", now));
        await db.SaveChangesAsync(cancellationToken);

        // Files after the commit: a crash in between leaves orphan files, never records pointing at nothing.
        foreach (var attachment in attachments)
        {
            try
            {
                var path = store.FullPath(attachment.StoragePath);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException exception)
            {
                logger.LogWarning(exception, "Evidence file {AttachmentId} could not be deleted", attachment.Id);
            }
        }

        logger.LogInformation("Anonymised closed dispute {DisputeId}: {Parties} party(ies), {Attachments} attachment(s) deleted", disputeId, dispute.Parties.Count, attachments.Count);
    }
}

/// <summary>What one retention run did.</summary>
internal sealed record RetentionResult(int Anonymised, int AccessLogEntriesDeleted);
