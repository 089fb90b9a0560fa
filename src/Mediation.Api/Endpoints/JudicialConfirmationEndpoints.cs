using Mediation.Api.Auth;
using Mediation.Api.Court;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Endpoints;

/// <summary>
/// Judicial confirmation (司法确认) of a written mediation agreement: <c>/api/disputes/{id}/judicial-confirmation</c>.
/// Both parties consent to the joint application within 30 days of the agreement taking effect (人民调解法 Art. 33);
/// the service prepares it for the basic court where the mediation organisation is located (民事诉讼法 Art. 205), sends
/// it to the court platform and tracks the court's answer. 404 when the caller cannot see the case; 403 when they may
/// not consent; 409 when the window is not open or closed, no court is configured, or the application was already sent.
/// </summary>
internal static class JudicialConfirmationEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const int MaxCallbackBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapJudicialConfirmationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disputes/{id:guid}/judicial-confirmation").WithTags("Judicial confirmation").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", GetJudicialConfirmation).WithName(nameof(GetJudicialConfirmation))
            .WithSummary("Judicial confirmation of the agreement / 司法确认申请情况")
            .WithDescription("Whether the 30-day window is open, the court it goes to, the consents so far and the court's answer (case number, confirmation or rejection with its reason). "
                + "调解协议生效后三十日内双方可共同申请司法确认：显示期限、受理法院、双方意愿及法院答复。");
        group.MapPost("/consent", ConsentToJudicialConfirmation).WithName(nameof(ConsentToJudicialConfirmation))
            .WithSummary("Consent to the joint application / 同意共同申请司法确认")
            .WithDescription("A party consents for themselves (no body, or {\"partyId\": \"…\"}); the case's mediator records a consent given in person or on paper with {\"partyId\": \"…\"}. "
                + "The first consent prepares the application; when every party has consented it is queued and sent to the court platform (retried until the platform acknowledges it, filed once). "
                + "当事人本人表示同意，或承办调解员代为记录当面/书面同意；全部当事人同意后自动向法院平台提交。")
            .Accepts<JudicialConsentRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/resubmit", ResubmitJudicialConfirmation).WithName(nameof(ResubmitJudicialConfirmation))
            .WithSummary("Send a failed application again / 重新提交司法确认申请")
            .WithDescription("The staff handling the case (its organisation's mediators, the administrators over it) queue an application that ended submissionFailed "
                + "(the platform refused it, or every attempt failed) to be sent again under the same request id. No body. 409 when the application has not failed. "
                + "提交失败的申请由承办人员重新提交（同一请求编号，法院平台不会重复立案）。")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/court/judicial-confirmations/callback", CourtAnswerCallback).WithName(nameof(CourtAnswerCallback)).WithTags("Judicial confirmation")
            .AllowAnonymous()
            .WithSummary("Court platform callback / 法院平台回调")
            .WithDescription("The court platform posts its answer (accepted with a case number, confirmed, rejected with a reason), signed: X-Court-Timestamp (Unix seconds) and "
                + "X-Court-Signature: sha256=HMAC-SHA256(Court:CallbackSecret, \"{timestamp}.{body}\"). 400 without the headers, 401 for a bad signature or a stale timestamp, "
                + "404 for an unknown request id, 204 when applied. 法院平台签名回调审查结果。")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CourtAnswerCallback(
        HttpRequest request,
        MediationDbContext db,
        TimeProvider clock,
        IOptions<CourtOptions> options,
        IStringLocalizer<CourtMessages> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var timestamp = request.Headers[CourtCallback.TimestampHeader].ToString();
        var signature = request.Headers[CourtCallback.SignatureHeader].ToString();
        if (timestamp.Length == 0 || signature.Length == 0)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (timestamp.Length == 0)
            {
                errors[CourtCallback.TimestampHeader] = [text["CallbackHeaderMissing"]];
            }

            if (signature.Length == 0)
            {
                errors[CourtCallback.SignatureHeader] = [text["CallbackHeaderMissing"]];
            }

            return TypedResults.ValidationProblem(errors, title: text["RequestInvalid"]);
        }

        var body = await JsonRequestBody.ReadTextAsync(request, MaxCallbackBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: text["RequestInvalid"]);
        }

        var logger = loggers.CreateLogger(typeof(CourtCallback));
        if (!CourtCallback.Verify(options.Value, timestamp, signature, body, clock.GetUtcNow()))
        {
            logger.LogWarning("Court callback refused: bad signature or stale timestamp");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, detail: text["CallbackUnauthorised"]);
        }

        var outcome = await CourtCallback.ApplyAsync(db, body, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Court callback: {Outcome}", outcome);
        return outcome switch
        {
            CallbackOutcome.Applied => TypedResults.NoContent(),
            CallbackOutcome.Unknown => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["CallbackUnknown"]),
            CallbackOutcome.Conflict => Conflict("ConcurrentChange", text["Conflict"]),
            _ => TypedResults.ValidationProblem(Error("$", text["CallbackMalformed"]), title: text["RequestInvalid"]),
        };
    }

    public static async Task<Results<Ok<JudicialConfirmationView>, ProblemHttpResult>> GetJudicialConfirmation(
        Guid id, ActorAccessor actors, JudicialConfirmationService service, IStringLocalizer<CourtMessages> text, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await service.FindAsync(id, actor, cancellationToken);
        return dispute is null ? NotFound(text) : TypedResults.Ok(await ViewAsync(service, dispute, actor, cancellationToken));
    }

    public static async Task<Results<Ok<JudicialConfirmationView>, ValidationProblem, ProblemHttpResult>> ConsentToJudicialConfirmation(
        Guid id, HttpRequest request, ActorAccessor actors, JudicialConfirmationService service, IStringLocalizer<CourtMessages> text, CancellationToken cancellationToken)
    {
        Guid? partyId = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonRequestBody.ReadAsync<JudicialConsentRequest>(request, MaxBodyBytes, cancellationToken);
            switch (body.Error)
            {
                case JsonBodyError.UnsupportedMediaType:
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: text["JsonContentTypeRequired"]);
                case JsonBodyError.TooLarge:
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: text["RequestInvalid"]);
                case JsonBodyError.Invalid:
                    return TypedResults.ValidationProblem(Error(body.Path ?? "$", text["JsonInvalid", body.Line ?? 1]), title: text["RequestInvalid"]);
            }

            partyId = body.Value?.PartyId;
        }

        return await ConsentAsync(id, partyId, actors.Current, service, text, cancellationToken);
    }

    /// <summary>
    /// Records the consent of <paramref name="actor"/>'s own parties (or of <paramref name="partyId"/>, given in person, when
    /// the actor is the case's mediator); the web page calls this directly, the endpoint after reading its body.
    /// </summary>
    public static async Task<Results<Ok<JudicialConfirmationView>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        Guid id, Guid? partyId, Actor actor, JudicialConfirmationService service, IStringLocalizer<CourtMessages> text, CancellationToken cancellationToken)
    {
        var dispute = await service.FindAsync(id, actor, cancellationToken);
        if (dispute is null)
        {
            return NotFound(text);
        }

        var isCaseMediator = actor.Is(Roles.Mediator) && DisputeAccess.IsHandledByActor(actor, dispute);
        var ownParties = actor.UserId is { } userId && actor.Is(Roles.Resident)
            ? dispute.Parties.Where(p => p.UserId == userId || (p.Role == PartyRole.Applicant && dispute.FiledByUserId == userId)).ToList()
            : [];
        if (!isCaseMediator && ownParties.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["OnlyParties"]);
        }

        List<Party> parties;
        var inPerson = isCaseMediator && !ownParties.Any(p => p.Id == partyId);
        if (inPerson)
        {
            if (partyId is null)
            {
                return TypedResults.ValidationProblem(Error("partyId", text["PartyRequired"]), title: text["RequestInvalid"]);
            }

            parties = [.. dispute.Parties.Where(p => p.Id == partyId)];
        }
        else
        {
            parties = partyId is null ? ownParties : [.. ownParties.Where(p => p.Id == partyId)];
        }

        if (parties.Count == 0)
        {
            return TypedResults.ValidationProblem(Error("partyId", text["PartyNotYours"]), title: text["RequestInvalid"]);
        }

        var result = await service.ConsentAsync(dispute, parties, actor, inPerson, cancellationToken);
        return result.Outcome switch
        {
            ConsentOutcome.Recorded => TypedResults.Ok(await ViewAsync(service, dispute, actor, cancellationToken)),
            ConsentOutcome.NotOpen => Conflict("JudicialConfirmationNotOpen", text["NotOpen"]),
            ConsentOutcome.WindowClosed => Conflict("JudicialConfirmationWindowClosed", text["WindowClosed", result.ClosedAt!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)]),
            ConsentOutcome.NoCourt => Conflict("JudicialConfirmationNoCourt", text["NoCourt", result.Area ?? dispute.LocationCode]),
            ConsentOutcome.AlreadyApplied => Conflict("JudicialConfirmationAlreadyApplied", text["AlreadyApplied"]),
            _ => Conflict("ConcurrentChange", text["Conflict"]),
        };
    }

    public static async Task<Results<Ok<JudicialConfirmationView>, ProblemHttpResult>> ResubmitJudicialConfirmation(
        Guid id, ActorAccessor actors, JudicialConfirmationService service, IStringLocalizer<CourtMessages> text, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await service.FindAsync(id, actor, cancellationToken);
        if (dispute is null)
        {
            return NotFound(text);
        }

        // The case is visible to the caller, so an organisation admin is one over it.
        if (!DisputeAccess.IsHandledByActor(actor, dispute) && !actor.Is(Roles.OrganisationAdmin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["OnlyHandlingStaff"]);
        }

        return await service.ResubmitAsync(dispute, actor, cancellationToken) switch
        {
            ResubmitOutcome.Queued => TypedResults.Ok(await ViewAsync(service, dispute, actor, cancellationToken)),
            ResubmitOutcome.NotFailed => Conflict("JudicialConfirmationNotFailed", text["NotFailed"]),
            _ => Conflict("ConcurrentChange", text["Conflict"]),
        };
    }

    private static async Task<JudicialConfirmationView> ViewAsync(JudicialConfirmationService service, Dispute dispute, Actor actor, CancellationToken cancellationToken)
    {
        var window = await service.WindowAsync(dispute.Id, cancellationToken);
        var (organisation, court, _) = await service.VenueAsync(dispute, cancellationToken);
        var application = window is null ? null : await service.ApplicationAsync(dispute.Id, window.Agreement.Id, cancellationToken);
        var parties = dispute.Parties.ToDictionary(p => p.Id);
        JudicialConfirmationApplicationView? applicationView = application is null ? null : new(
            application.Id,
            application.Status,
            [.. application.Consents.Where(c => parties.ContainsKey(c.PartyId)).Select(c => new ConsentView(c.PartyId, parties[c.PartyId].Role, parties[c.PartyId].Name, c.ConsentedAt, c.InPerson))],
            [.. dispute.Parties.Where(p => application.Consents.All(c => c.PartyId != p.Id)).OrderBy(p => p.Role).Select(p => new PartyRefView(p.Id, p.Role, p.Name))],
            application.PreparedAt,
            application.QueuedAt,
            application.SubmittedAt,
            application.DecidedAt,
            application.Attempts,
            application.NextAttemptAt,
            application.CourtCaseNumber,
            application.CourtReason,
            actor.IsStaff ? application.LastError : null);
        var courtView = application is not null ? new CourtView(application.CourtCode, application.CourtName)
            : court is null ? null : new CourtView(court.Code, court.Name);
        return new JudicialConfirmationView(
            window?.Open ?? false,
            window?.ClosesAt,
            window?.Agreement.Id,
            window?.Agreement.EffectiveAt,
            courtView,
            application?.MediationOrganisationName ?? organisation?.Name,
            applicationView);
    }

    private static ProblemHttpResult NotFound(IStringLocalizer text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["DisputeNotFound"]);

    private static ProblemHttpResult Conflict(string code, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static Dictionary<string, string[]> Error(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };
}
