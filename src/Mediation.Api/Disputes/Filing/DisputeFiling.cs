using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Filing;

/// <summary>
/// Files a dispute: allocates its reference, records the <c>Idempotency-Key</c>, and lets
/// <see cref="DisputeWorkflow.StartAsync"/> route and save it — the reference, the dispute, its parties, the key, the
/// timeline entry and the deadlines in one transaction. When that transaction loses a race (another filing took the
/// reference number, or a retry with the same key committed first) it is rolled back and tried again. A key already used
/// returns the dispute it created when the body is the same filing (<see cref="FilingFingerprint"/>), and is refused when
/// it is not.
/// </summary>
internal sealed class DisputeFiling(MediationDbContext db, DisputeWorkflow workflow, TimeProvider clock, ILogger<DisputeFiling> logger)
{
    /// <summary>China Standard Time has had no daylight saving since 1991: reference years are counted at UTC+8.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private const int MaxAttempts = 8;

    /// <summary>What the key was used for by this user, if it was: the dispute and the filing's fingerprint.</summary>
    public async Task<KeyUse?> FindByKeyAsync(string userId, string key, CancellationToken cancellationToken) =>
        await db.IdempotencyKeys.AsNoTracking()
            .Where(i => i.UserId == userId && i.Key == key)
            .Select(i => new KeyUse(i.DisputeId, i.RequestSha256))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Files <paramref name="request"/> (already validated, with its <paramref name="fingerprint"/>) for <paramref name="actor"/>;
    /// <paramref name="prepare"/>, when given, adds the caller's own records for the new dispute to the same transaction
    /// (for example the hotline work order it came from).
    /// </summary>
    public async Task<FilingResult> FileAsync(
        FileDisputeRequest request, string fingerprint, Actor actor, string? idempotencyKey, CancellationToken cancellationToken, Action<Dispute>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 1; ; attempt++)
        {
            if (idempotencyKey is not null && actor.UserId is { } userId && await FindByKeyAsync(userId, idempotencyKey, cancellationToken) is { } existing)
            {
                return new FilingResult(existing.DisputeId, Created: false, KeyReused: !existing.IsFor(fingerprint));
            }

            var now = clock.GetUtcNow();
            var dispute = NewDispute(request, actor, now);
            dispute.Reference = await AllocateReferenceAsync(now, cancellationToken);
            if (idempotencyKey is not null && actor.UserId is { } keyOwner)
            {
                db.IdempotencyKeys.Add(new IdempotencyRecord { Key = idempotencyKey, UserId = keyOwner, DisputeId = dispute.Id, RequestSha256 = fingerprint, CreatedAt = now });
            }

            prepare?.Invoke(dispute);
            try
            {
                await workflow.StartAsync(dispute, actor, cancellationToken);
                return new FilingResult(dispute.Id, Created: true);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts)
            {
                // Concurrency on the reference sequence or a duplicate key: nothing was committed; start again.
                logger.LogDebug(exception, "Filing attempt {Attempt} lost a race; retrying", attempt);
                db.ChangeTracker.Clear();
                // A real pause, not the case clock: a test's virtual clock never advances on its own, and this only spreads
                // two racing writers apart.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), TimeProvider.System, cancellationToken);
            }
        }
    }

    /// <summary>The next reference of the year (China Standard Time), <c>MT-{year}-{seq:000000}</c>. The sequence row is a concurrency token: a lost race fails the save.</summary>
    private async Task<string> AllocateReferenceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = now.ToOffset(ChinaStandardTime).Year;
        var sequence = await db.ReferenceSequences.FirstOrDefaultAsync(r => r.Year == year, cancellationToken);
        int number;
        if (sequence is null)
        {
            number = 1;
            db.ReferenceSequences.Add(new ReferenceSequence { Year = year, Next = 2 });
        }
        else
        {
            number = sequence.Next;
            sequence.Next = number + 1;
        }

        return FormatReference(year, number);
    }

    public static string FormatReference(int year, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MT-{year}-{number:000000}");

    private static Dispute NewDispute(FileDisputeRequest request, Actor actor, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var applicant = request.Applicant!;
        var parties = new List<Party>
        {
            ToParty(id, PartyRole.Applicant, applicant, actor.IsStaff ? null : actor.UserId),
        };
        parties.AddRange(request.Respondents!.Select(r => ToParty(id, PartyRole.Respondent, r, null)));
        return new Dispute
        {
            Id = id,
            Reference = string.Empty,
            Category = request.Category!,
            Description = request.Description!.Trim(),
            Request = request.Request?.Trim(),
            LocationCode = request.LocationCode!.Trim(),
            ClaimedAmount = request.ClaimedAmount,
            Channel = request.Channel ?? Channels.Online,
            Tags = [.. (request.Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)],
            ClosedMediation = request.ClosedMediation ?? false,
            FiledAt = now,
            ReceivedAt = actor.IsStaff ? request.ReceivedAt?.ToUniversalTime() : null,
            FiledByUserId = actor.IsStaff ? null : actor.UserId,
            WorkflowKey = string.Empty,
            State = null!,
            StepId = string.Empty,
            Parties = parties,
        };
    }

    private static Party ToParty(Guid disputeId, PartyRole role, PartyInput input, string? userId) => new()
    {
        Id = Guid.NewGuid(),
        DisputeId = disputeId,
        Role = role,
        Name = input.Name!.Trim(),
        Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
        IdNumber = string.IsNullOrWhiteSpace(input.IdNumber) ? null : PartyIdentifiers.NormaliseIdNumber(input.IdNumber),
        Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim(),
        UserId = userId,
    };
}

/// <summary>The dispute a filing created, or the one an earlier filing with the same key created.</summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Created">True when this filing created it.</param>
/// <param name="KeyReused">True when the key was already used for a different filing: nothing was filed.</param>
internal sealed record FilingResult(Guid DisputeId, bool Created, bool KeyReused = false);

/// <summary>An Idempotency-Key already used: for which dispute, and the fingerprint of the filing that used it.</summary>
/// <param name="DisputeId">The dispute the key filed.</param>
/// <param name="RequestSha256">The filing's fingerprint; null for keys recorded before fingerprints were kept.</param>
internal sealed record KeyUse(Guid DisputeId, string? RequestSha256)
{
    /// <summary>Whether a request with <paramref name="fingerprint"/> is a retry of the filing that used the key (always, for a key recorded without one).</summary>
    public bool IsFor(string fingerprint) => RequestSha256 is null || string.Equals(RequestSha256, fingerprint, StringComparison.Ordinal);
}
