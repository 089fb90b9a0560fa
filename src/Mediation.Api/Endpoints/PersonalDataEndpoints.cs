using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Infrastructure;
using Mediation.Api.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>
/// Personal-data protection (个人信息保护法 Art. 6, 28–29, 51): opening a party's full data with a reason (logged),
/// the access log for administrators, parties' consent to publication, and the public figures that respect it.
/// Everywhere else phones and ID numbers are masked.
/// </summary>
internal static class PersonalDataEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const int MinReason = 5;
    private const int MaxReason = 500;

    public static IEndpointRouteBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var disputes = app.MapGroup("/api/disputes/{id:guid}").WithTags("Personal data").RequireAuthorization(Policies.SignedIn);
        disputes.MapPost("/parties/{partyId:guid}/full-details", OpenFullDetails).WithName(nameof(OpenFullDetails))
            .WithSummary("Open a party's full personal data / 查看当事人完整个人信息")
            .WithDescription("Staff who may see the case read a party's unmasked phone, ID number and address, giving a reason; the read is recorded in the access log "
                + "(who, when, which case, which party, why). Body: {\"reason\": \"电话通知调解时间\"}. Residents: 403. 工作人员须说明理由，每次查看均记入访问日志。")
            .Accepts<FullDetailsRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        disputes.MapPost("/publication/consent", ConsentToPublication).WithName(nameof(ConsentToPublication))
            .WithSummary("Consent to public figures / 同意计入公开统计")
            .WithDescription("A party consents, for themselves, to a closed-mediation case (medical disputes, 医疗纠纷预防和处理条例 Art. 42) counting in public figures; "
                + "it counts only once every party has. No body. 不公开调解的案件须全部当事人同意方可计入公开统计。")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/personal-data/access-log", SearchAccessLog).WithName(nameof(SearchAccessLog)).WithTags("Personal data")
            .RequireAuthorization(Policies.OrganisationAdmin)
            .WithSummary("Search the personal-data access log / 查询个人信息访问日志")
            .WithDescription("Filters: userName, disputeId, reference, partyId, from, to; newest first; page, pageSize (≤ 100). Organisation admins see the entries about cases they may see; "
                + "system admins all. Entries are kept Privacy:AccessLogRetentionDays (at least 180). 管理员按条件查询，日志至少保存六个月。");

        app.MapGet("/api/public/figures", GetPublicFigures).WithName(nameof(GetPublicFigures)).WithTags("Public figures")
            .AllowAnonymous()
            .WithSummary("Public figures / 公开统计")
            .WithDescription("Case counts for publication. Closed-mediation cases (medical disputes) are left out unless every party consented. "
                + "不公开调解的案件（医疗纠纷）未经全部当事人同意不计入。");
        return app;
    }

    public static async Task<Results<Ok<PartyDetailsView>, ValidationProblem, ProblemHttpResult>> OpenFullDetails(
        Guid id,
        Guid partyId,
        HttpRequest request,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        TimeProvider clock,
        IStringLocalizer<PrivacyMessages> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispute is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["DisputeNotFound"]);
        }

        if (!actor.IsStaff || actor.UserId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["OnlyStaff"]);
        }

        var body = await JsonRequestBody.ReadAsync<FullDetailsRequest>(request, MaxBodyBytes, cancellationToken);
        switch (body.Error)
        {
            case JsonBodyError.UnsupportedMediaType:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: text["JsonContentTypeRequired"]);
            case JsonBodyError.TooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: text["ReasonRequired"]);
            case JsonBodyError.Invalid or JsonBodyError.Null:
                return TypedResults.ValidationProblem(Error(body.Path ?? "$", text["JsonInvalid", body.Line ?? 1]), title: text["RequestInvalid"]);
        }

        var reason = body.Value!.Reason?.Trim();
        if (reason is null || reason.Length < MinReason || reason.Length > MaxReason)
        {
            return TypedResults.ValidationProblem(Error("reason", text["ReasonRequired"]), title: text["RequestInvalid"]);
        }

        var party = dispute.Parties.FirstOrDefault(p => p.Id == partyId);
        if (party is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["PartyNotFound"]);
        }

        var entry = new PersonalDataAccess
        {
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            DisputeId = dispute.Id,
            DisputeReference = dispute.Reference,
            PartyId = party.Id,
            Reason = reason,
        };
        db.PersonalDataAccessLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(PersonalDataEndpoints)).LogInformation(
            "Personal data of party {PartyId} of dispute {CaseReference} opened by {UserId} ({Role}); access log entry {AccessLogId}",
            party.Id, dispute.Reference, actor.UserId, actor.Role, entry.Id);
        return TypedResults.Ok(new PartyDetailsView(party.Id, party.Role, party.Name, party.Phone, party.IdNumber, party.Address, entry.Id));
    }

    public static async Task<Results<Ok<PageOf<PersonalDataAccessView>>, ValidationProblem>> SearchAccessLog(
        [AsParameters] AccessLogQuery query,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        IStringLocalizer<PrivacyMessages> text,
        CancellationToken cancellationToken)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page < 1)
        {
            errors["page"] = [text["PageInvalid"]];
        }

        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = [text["PageSizeInvalid"]];
        }

        if (query.From is { } from && query.To is { } to && from > to)
        {
            errors["from"] = [text["RangeInvalid"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["RequestInvalid"]);
        }

        var actor = actors.Current;
        var entries = db.PersonalDataAccessLog.AsNoTracking();
        if (!actor.Is(Roles.SystemAdmin))
        {
            var visible = access.Visible(actor).Select(d => d.Id);
            entries = entries.Where(e => visible.Contains(e.DisputeId));
        }

        if (!string.IsNullOrWhiteSpace(query.UserName))
        {
            var userIds = db.Users.Where(u => u.UserName == query.UserName.Trim()).Select(u => u.Id);
            entries = entries.Where(e => userIds.Contains(e.ActorUserId));
        }

        if (query.DisputeId is { } disputeId)
        {
            entries = entries.Where(e => e.DisputeId == disputeId);
        }

        if (!string.IsNullOrWhiteSpace(query.Reference))
        {
            entries = entries.Where(e => e.DisputeReference == query.Reference.Trim());
        }

        if (query.PartyId is { } partyId)
        {
            entries = entries.Where(e => e.PartyId == partyId);
        }

        if (query.From is { } fromAt)
        {
            entries = entries.Where(e => e.At >= fromAt);
        }

        if (query.To is { } toAt)
        {
            entries = entries.Where(e => e.At < toAt);
        }

        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var actorIds = items.Select(e => e.ActorUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        return TypedResults.Ok(new PageOf<PersonalDataAccessView>(
            [.. items.Select(e => new PersonalDataAccessView(e.Id, e.At, e.ActorUserId, names.GetValueOrDefault(e.ActorUserId), e.ActorRole, e.DisputeId, e.DisputeReference, e.PartyId, e.Reason))],
            page,
            pageSize,
            total));
    }

    public static async Task<Results<Ok<PublicationConsentView>, ProblemHttpResult>> ConsentToPublication(
        Guid id, ActorAccessor actors, DisputeAccess access, MediationDbContext db, TimeProvider clock, IStringLocalizer<PrivacyMessages> text, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispute is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["DisputeNotFound"]);
        }

        var own = actor.UserId is { } userId && actor.Is(Roles.Resident)
            ? dispute.Parties.Where(p => p.UserId == userId || (p.Role == PartyRole.Applicant && dispute.FiledByUserId == userId)).ToList()
            : [];
        if (own.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["OnlyParties"]);
        }

        var existing = await db.PublicationConsents.Where(c => c.DisputeId == id).Select(c => c.PartyId).ToListAsync(cancellationToken);
        foreach (var party in own.Where(p => !existing.Contains(p.Id)))
        {
            db.PublicationConsents.Add(new PublicationConsent
            {
                Id = Guid.NewGuid(),
                DisputeId = id,
                PartyId = party.Id,
                ConsentedAt = clock.GetUtcNow(),
                RecordedByUserId = actor.UserId,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same party's consent saved at the same moment by another request: it is recorded either way.
            db.ChangeTracker.Clear();
        }

        var consented = await db.PublicationConsents.AsNoTracking().Where(c => c.DisputeId == id).Select(c => c.PartyId).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PublicationConsentView(id, consented, dispute.Parties.All(p => consented.Contains(p.Id))));
    }

    public static async Task<Ok<PublicFigures>> GetPublicFigures(MediationDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PublishableDisputes.FiguresAsync(db, clock.GetUtcNow(), cancellationToken));

    private static Dictionary<string, string[]> Error(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
