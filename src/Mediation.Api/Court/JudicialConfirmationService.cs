using System.Text.Json;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Court;

/// <summary>
/// Judicial confirmation (司法确认) from the case's side: whether the window is open (a written agreement in force and
/// the case's judicial confirmation deadline, 人民调解法 Art. 33: 30 days from the agreement taking effect), the court
/// (民事诉讼法 Art. 205: the basic court where the mediation organisation is located, from <c>Court:Courts</c>), each
/// party's consent to the joint application, and queueing it for <see cref="CourtSubmissionWorker"/> once all have
/// consented. Every change writes a timeline entry.
/// </summary>
internal sealed class JudicialConfirmationService(
    MediationDbContext db,
    DisputeAccess access,
    TimeProvider clock,
    IOptions<CourtOptions> options,
    ILogger<JudicialConfirmationService> logger)
{
    /// <summary>The case as <paramref name="actor"/> may see it, with its parties; null when hidden or absent.</summary>
    public Task<Dispute?> FindAsync(Guid disputeId, Actor actor, CancellationToken cancellationToken) =>
        access.Visible(actor).Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);

    /// <summary>The written agreement in force and when the judicial confirmation window closes; null when there is none.</summary>
    public async Task<ConfirmationWindow?> WindowAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var agreements = await db.Outcomes.AsNoTracking()
            .Where(o => o.DisputeId == disputeId && o.Kind == OutcomeKind.Agreement && o.AgreementForm == AgreementForm.Written
                && o.SupersededById == null && o.EffectiveAt != null)
            .ToListAsync(cancellationToken);
        var agreement = agreements.OrderByDescending(o => o.EffectiveAt!.Value.UtcTicks).FirstOrDefault();
        if (agreement is null)
        {
            return null;
        }

        // The deadline record keeps the window's end even after the case closes (performed), when the engine has
        // cancelled the timer: the parties' right to apply lasts the 30 days whatever happens to the case.
        var windows = await db.Deadlines.AsNoTracking()
            .Where(d => d.DisputeId == disputeId && d.Kind == DeadlineKind.JudicialConfirmation)
            .Select(d => d.DueAt)
            .ToListAsync(cancellationToken);
        if (windows.Count == 0)
        {
            return null;
        }

        var closesAt = windows.OrderByDescending(d => d.UtcTicks).First();
        return new ConfirmationWindow(agreement, closesAt, clock.GetUtcNow() < closesAt);
    }

    /// <summary>The court for the organisation that mediated the case, or null when <c>Court:Courts</c> has none for its area.</summary>
    public async Task<(Organisation? Organisation, CourtEntry? Court, string? AreaCode)> VenueAsync(Dispute dispute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var organisation = dispute.OrganisationId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        var area = organisation is null ? dispute.LocationCode
            : organisation.Kind == OrganisationKind.ProfessionalBody ? organisation.ServesAreaCode ?? dispute.LocationCode
            : organisation.Code;
        return (organisation, CourtVenue.Resolve(options.Value.Courts, area), area);
    }

    public Task<JudicialConfirmationApplication?> ApplicationAsync(Guid disputeId, Guid agreementId, CancellationToken cancellationToken) =>
        db.JudicialConfirmations.FirstOrDefaultAsync(a => a.DisputeId == disputeId && a.AgreementOutcomeId == agreementId, cancellationToken);

    /// <summary>
    /// Records the consent of <paramref name="parties"/> to the joint application, preparing the application on the first
    /// one and queueing it for submission when every party of the case has consented.
    /// </summary>
    public async Task<ConsentResult> ConsentAsync(Dispute dispute, IReadOnlyList<Party> parties, Actor actor, bool inPerson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(actor);
        var window = await WindowAsync(dispute.Id, cancellationToken);
        if (window is null)
        {
            return ConsentResult.Of(ConsentOutcome.NotOpen);
        }

        if (!window.Open)
        {
            return ConsentResult.Of(ConsentOutcome.WindowClosed, window.ClosesAt);
        }

        var now = clock.GetUtcNow();
        var application = await ApplicationAsync(dispute.Id, window.Agreement.Id, cancellationToken);
        if (application is null)
        {
            var (organisation, court, area) = await VenueAsync(dispute, cancellationToken);
            if (court is null)
            {
                return ConsentResult.Of(ConsentOutcome.NoCourt, area: area);
            }

            application = new JudicialConfirmationApplication
            {
                Id = Guid.NewGuid(),
                DisputeId = dispute.Id,
                AgreementOutcomeId = window.Agreement.Id,
                Status = JudicialConfirmationStatus.AwaitingConsent,
                WindowClosesAt = window.ClosesAt,
                CourtCode = court.Code,
                CourtName = court.Name,
                MediationOrganisationId = organisation?.Id,
                MediationOrganisationName = organisation?.Name,
                PreparedAt = now,
            };
            db.JudicialConfirmations.Add(application);
            Timeline(dispute, actor, "judicialConfirmationPrepared", court.Name, now);
        }

        var missing = parties.Where(p => application.Consents.All(c => c.PartyId != p.Id)).ToList();
        if (missing.Count == 0)
        {
            return ConsentResult.Of(ConsentOutcome.Recorded, application: application);
        }

        if (application.Status != JudicialConfirmationStatus.AwaitingConsent)
        {
            return ConsentResult.Of(ConsentOutcome.AlreadyApplied, application: application);
        }

        application.Consents = [.. application.Consents, .. missing.Select(p => new JudicialConsent(p.Id, now, actor.UserId, inPerson))];
        foreach (var party in missing)
        {
            Timeline(dispute, actor, "judicialConfirmationConsented", inPerson ? $"{RoleName(party.Role)}（当面/书面）" : RoleName(party.Role), now);
        }

        if (dispute.Parties.All(p => application.Consents.Any(c => c.PartyId == p.Id)))
        {
            application.Status = JudicialConfirmationStatus.Queued;
            application.QueuedAt = now;
            application.NextAttemptAt = now;
            Timeline(dispute, actor, "judicialConfirmationQueued", application.CourtName, now);
        }

        application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return ConsentResult.Of(ConsentOutcome.Conflict);
        }

        logger.LogInformation(
            "Judicial confirmation application {ApplicationId} of dispute {CaseReference}: {Count} consent(s) recorded, status {Status}",
            application.Id, dispute.Reference, missing.Count, application.Status);
        return ConsentResult.Of(ConsentOutcome.Recorded, application: application);
    }

    /// <summary>
    /// Staff send an application that ended <see cref="JudicialConfirmationStatus.SubmissionFailed"/> again (after the
    /// platform's refusal was sorted out, or a long outage): queued at once with a fresh count of attempts, same request id.
    /// </summary>
    public async Task<ResubmitOutcome> ResubmitAsync(Dispute dispute, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        ArgumentNullException.ThrowIfNull(actor);
        var application = (await db.JudicialConfirmations.Where(a => a.DisputeId == dispute.Id).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.PreparedAt.UtcTicks)
            .FirstOrDefault();
        if (application is not { Status: JudicialConfirmationStatus.SubmissionFailed })
        {
            return ResubmitOutcome.NotFailed;
        }

        var now = clock.GetUtcNow();
        application.Status = JudicialConfirmationStatus.Queued;
        application.Attempts = 0;
        application.NextAttemptAt = now;
        application.Version++;
        Timeline(dispute, actor, "judicialConfirmationResubmitted", application.LastError, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ResubmitOutcome.Conflict;
        }

        logger.LogInformation("Judicial confirmation application {ApplicationId} of dispute {CaseReference} queued again by staff", application.Id, dispute.Reference);
        return ResubmitOutcome.Queued;
    }

    private void Timeline(Dispute dispute, Actor actor, string eventName, string? reason, DateTimeOffset now) =>
        db.Timeline.Add(TimelineEntries.Beside(dispute, actor, eventName, reason, now));

    private static string RoleName(PartyRole role) => role == PartyRole.Applicant ? "申请人" : "被申请人";
}

/// <summary>The written agreement in force, when the window closes, and whether it is still open.</summary>
internal sealed record ConfirmationWindow(OutcomeRecord Agreement, DateTimeOffset ClosesAt, bool Open);

internal enum ConsentOutcome
{
    Recorded,
    NotOpen,
    WindowClosed,
    NoCourt,
    AlreadyApplied,
    Conflict,
}

internal enum ResubmitOutcome
{
    Queued,
    NotFailed,
    Conflict,
}

internal sealed record ConsentResult(ConsentOutcome Outcome, DateTimeOffset? ClosedAt, string? Area, JudicialConfirmationApplication? Application)
{
    public static ConsentResult Of(ConsentOutcome outcome, DateTimeOffset? closedAt = null, string? area = null, JudicialConfirmationApplication? application = null) =>
        new(outcome, closedAt, area, application);
}

/// <summary>The venue rule of 民事诉讼法 Art. 205 over the configured map: the longest area-code prefix wins.</summary>
internal static class CourtVenue
{
    public static CourtEntry? Resolve(IReadOnlyDictionary<string, CourtEntry> courts, string? areaCode)
    {
        ArgumentNullException.ThrowIfNull(courts);
        if (string.IsNullOrEmpty(areaCode))
        {
            return null;
        }

        return courts
            .Where(c => c.Key.Length > 0 && areaCode.StartsWith(c.Key, StringComparison.Ordinal) && c.Value.Code.Length > 0)
            .OrderByDescending(c => c.Key.Length)
            .Select(c => c.Value)
            .FirstOrDefault();
    }
}
