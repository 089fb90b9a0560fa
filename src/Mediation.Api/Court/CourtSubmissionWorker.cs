using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Operability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Court;

/// <summary>
/// Sends queued judicial confirmation applications to the court platform and asks for the court's answer, durably:
/// every attempt is claimed and saved (attempt count, next attempt time) before the request goes out, so a crash or a
/// restart mid-submission leaves the application queued and the next run sends it again under the same request id —
/// the platform files it once. 5xx, timeouts, network errors and malformed replies are retried with exponential
/// back-off and jitter up to <c>Court:MaxAttempts</c>; a 4xx is a refusal and is not retried. Runs every
/// <c>Court:WorkerInterval</c> when <c>Court:Enabled</c> and <c>Court:RunWorker</c> are on; <see cref="RunOnceAsync"/>
/// is the same work on demand.
/// </summary>
internal sealed class CourtSubmissionWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<CourtOptions> options,
    MediationMetrics metrics,
    ILogger<CourtSubmissionWorker> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Submits every due application and polls every due answer once; returns how many calls were made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || options.Value.BaseUrl is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        List<Guid> submissions;
        List<Guid> polls;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            submissions = await db.JudicialConfirmations.AsNoTracking()
                .Where(a => a.Status == JudicialConfirmationStatus.Queued && a.NextAttemptAt != null && a.NextAttemptAt <= now)
                .OrderBy(a => a.NextAttemptAt)
                .Select(a => a.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            polls = await db.JudicialConfirmations.AsNoTracking()
                .Where(a => (a.Status == JudicialConfirmationStatus.Submitted || a.Status == JudicialConfirmationStatus.Accepted)
                    && a.NextPollAt != null && a.NextPollAt <= now)
                .OrderBy(a => a.NextPollAt)
                .Select(a => a.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var calls = 0;
        foreach (var id in submissions)
        {
            calls += await SubmitAsync(id, cancellationToken) ? 1 : 0;
        }

        foreach (var id in polls)
        {
            calls += await PollAsync(id, cancellationToken) ? 1 : 0;
        }

        return calls;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.RunWorker)
        {
            return;
        }

        await PeriodicRun.RepeatAsync(
            async token => await RunOnceAsync(token),
            options.Value.WorkerInterval,
            clock,
            exception => logger.LogError(exception, "Court submission run failed; the next run tries again"),
            stoppingToken);
    }

    private async Task<bool> SubmitAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<CourtPlatformClient>();
        var application = await db.JudicialConfirmations.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        var now = clock.GetUtcNow();
        if (application is not { Status: JudicialConfirmationStatus.Queued } || application.NextAttemptAt > now)
        {
            return false;
        }

        var dispute = await db.Disputes.Include(d => d.Parties).FirstAsync(d => d.Id == application.DisputeId, cancellationToken);
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = dispute.Id, ["CaseReference"] = dispute.Reference, ["ApplicationId"] = application.Id });

        // Claim the attempt first: if the process dies while the request is out, the next run (here or after a restart)
        // finds it queued with its next attempt time and sends it again under the same request id.
        application.Attempts++;
        application.NextAttemptAt = now + Backoff(application.Attempts);
        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        var agreement = await db.Outcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == application.AgreementOutcomeId, cancellationToken);
        var organisation = application.MediationOrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            : null;
        var filing = new CourtFiling(
            application.Id,
            application.CourtCode,
            dispute.Reference,
            new CourtFilingOrganisation(organisation?.Code, application.MediationOrganisationName),
            new CourtFilingAgreement(application.AgreementOutcomeId, agreement?.EffectiveAt, agreement?.Facts, agreement?.Terms),
            [.. dispute.Parties.OrderBy(p => p.Role).Select(p => new CourtFilingParty(
                p.Role == PartyRole.Applicant ? "applicant" : "respondent", p.Name, p.IdNumber, p.Phone, p.Address,
                application.Consents.FirstOrDefault(c => c.PartyId == p.Id)?.ConsentedAt ?? now))]);

        var result = await client.SubmitAsync(filing, cancellationToken);
        now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            metrics.CourtCall("submit", "ok");
            application.Status = JudicialConfirmationStatus.Submitted;
            application.SubmittedAt = now;
            application.NextAttemptAt = null;
            application.NextPollAt = now + options.Value.PollInterval;
            application.LastError = null;
            db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "judicialConfirmationSubmitted", application.CourtName, now,
                new { applicationId = application.Id, attempts = application.Attempts }));
            Apply(db, application, dispute, result.Answer!, now);
            logger.LogInformation("Judicial confirmation application {ApplicationId} filed with {CourtCode} after {Attempts} attempt(s)", application.Id, application.CourtCode, application.Attempts);
        }
        else
        {
            metrics.CourtCall("submit", "failed");
            metrics.CourtFailure("submit", result.Failure.ToString().ToLowerInvariant());
            application.LastError = result.Describe();
            if (!result.Retryable || application.Attempts >= Math.Max(1, options.Value.MaxAttempts))
            {
                application.Status = JudicialConfirmationStatus.SubmissionFailed;
                application.NextAttemptAt = null;
                db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "judicialConfirmationSubmissionFailed", result.Describe(), now));
                logger.LogError("Judicial confirmation application {ApplicationId} not filed: {Failure} after {Attempts} attempt(s)", application.Id, result.Describe(), application.Attempts);
            }
            else
            {
                logger.LogWarning("Judicial confirmation application {ApplicationId}: {Failure}; attempt {Attempts} of {MaxAttempts}, next at {NextAttemptAt:O}",
                    application.Id, result.Describe(), application.Attempts, options.Value.MaxAttempts, application.NextAttemptAt);
            }
        }

        application.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<bool> PollAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<CourtPlatformClient>();
        var application = await db.JudicialConfirmations.FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        var now = clock.GetUtcNow();
        if (application is not { Status: JudicialConfirmationStatus.Submitted or JudicialConfirmationStatus.Accepted } || application.NextPollAt > now)
        {
            return false;
        }

        var dispute = await db.Disputes.FirstAsync(d => d.Id == application.DisputeId, cancellationToken);
        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = dispute.Id, ["CaseReference"] = dispute.Reference, ["ApplicationId"] = application.Id });
        application.NextPollAt = now + options.Value.PollInterval;
        var result = await client.GetStatusAsync(application.Id, cancellationToken);
        now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            metrics.CourtCall("status", "ok");
            Apply(db, application, dispute, result.Answer!, now);
            logger.LogInformation("Court answer for application {ApplicationId}: {Answer}; status {Status}", application.Id, result.Answer!.Status, application.Status);
        }
        else if (result.Failure == CourtFailure.Missing)
        {
            // The platform does not know the request id: file it again (same id, so never twice).
            metrics.CourtCall("status", "missing");
            application.Status = JudicialConfirmationStatus.Queued;
            application.NextAttemptAt = now;
            application.NextPollAt = null;
            logger.LogWarning("The court platform does not know application {ApplicationId}; it is queued to be filed again", application.Id);
        }
        else
        {
            metrics.CourtCall("status", "failed");
            metrics.CourtFailure("status", result.Failure.ToString().ToLowerInvariant());
            application.LastError = result.Describe();
            logger.LogWarning("Court answer for application {ApplicationId} not read: {Failure}; asking again at {NextPollAt:O}", application.Id, result.Describe(), application.NextPollAt);
        }

        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Records the court's answer (accepted with a case number, confirmed, rejected with the reason) with a timeline entry for each change.</summary>
    internal static void Apply(MediationDbContext db, JudicialConfirmationApplication application, Dispute dispute, CourtAnswer answer, DateTimeOffset now)
    {
        if (answer.CaseNumber is { Length: > 0 } number)
        {
            application.CourtCaseNumber = number.Length > 100 ? number[..100] : number;
        }

        switch (answer.Status)
        {
            case CourtAnswer.Accepted when application.Status is JudicialConfirmationStatus.Submitted:
                application.Status = JudicialConfirmationStatus.Accepted;
                db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "judicialConfirmationAccepted", application.CourtCaseNumber, now));
                break;
            case CourtAnswer.Confirmed when application.Status is JudicialConfirmationStatus.Submitted or JudicialConfirmationStatus.Accepted:
                application.Status = JudicialConfirmationStatus.Confirmed;
                application.DecidedAt = now;
                application.NextPollAt = null;
                db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "judicialConfirmationConfirmed", application.CourtCaseNumber, now));
                break;
            case CourtAnswer.Rejected when application.Status is JudicialConfirmationStatus.Submitted or JudicialConfirmationStatus.Accepted:
                application.Status = JudicialConfirmationStatus.Rejected;
                application.CourtReason = answer.Reason is { Length: > 2000 } reason ? reason[..2000] : answer.Reason;
                application.DecidedAt = now;
                application.NextPollAt = null;
                db.Timeline.Add(TimelineEntries.Beside(dispute, Actor.System, "judicialConfirmationRejected", application.CourtReason, now));
                break;
        }

    }

    private TimeSpan Backoff(int attempts)
    {
        var baseDelay = options.Value.RetryBaseDelay;
        var exponential = baseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > options.Value.RetryMaxDelay ? options.Value.RetryMaxDelay : exponential;
        // Up to a fifth more, so applications queued together do not all retry in the same instant.
        return capped + (capped * (Random.Shared.NextDouble() * 0.2));
    }
}
