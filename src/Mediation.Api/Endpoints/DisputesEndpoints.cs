using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Disputes.Attachments;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Disputes.Filing;
using Mediation.Api.Disputes.Queries;
using Mediation.Api.Infrastructure;
using Mediation.Api.Workflows;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Endpoints;

/// <summary>Disputes: filing, reading, the timeline and evidence attachments. Workflow actions are in <c>DisputeActionsEndpoints</c>.</summary>
internal static class DisputesEndpoints
{
    /// <summary>A filing's JSON body may be at most this large.</summary>
    public const int MaxFilingBytes = 64 * 1024;

    /// <summary>The header that makes a filing safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxIdempotencyKeyLength = 100;

    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disputes").WithTags("Disputes").RequireAuthorization(Policies.SignedIn);
        group.MapPost("/", FileDispute).WithName(nameof(FileDispute))
            .WithSummary("File a dispute / 提交纠纷申请")
            .WithDescription("Residents file for themselves (channel online, Idempotency-Key header required); staff file hotline, grid-worker or walk-in cases for a resident. The workflow is chosen by category and the first step routes the case. A retry with the same Idempotency-Key and the same body returns the same dispute (200); the same key with a different body is 422 (IdempotencyKeyReused). Errors: 400 ValidationProblem keyed by field in the caller's language, 413 over 64 KB. "
                + "居民在线为本人申请（须带 Idempotency-Key 请求头）；工作人员可代为登记热线、网格员、来访案件。按纠纷类型选择工作流并分派首个环节。相同 Idempotency-Key、相同内容的重试返回同一纠纷（200）；同一 Idempotency-Key 用于不同内容的申请返回 422。")
            .Accepts<FileDisputeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListDisputes).WithName(nameof(ListDisputes))
            .WithSummary("List disputes / 纠纷列表")
            .WithDescription("The disputes the caller may see, filtered by step, status (open|closed), organisationId, category, overdue and q (reference or description contains); overdue first, then by next deadline, then by filing time. 当前用户可见的纠纷：逾期优先，其次按下一期限、申请时间排序。");
        group.MapGet("/{id:guid}", GetDispute).WithName(nameof(GetDispute))
            .WithSummary("Get a dispute / 查看纠纷")
            .WithDescription("404 when the dispute does not exist or the caller may not see it. Phones and ID numbers are masked. 不存在或无权查看时返回 404；手机号、身份证号已脱敏。");
        group.MapGet("/{id:guid}/timeline", GetTimeline).WithName(nameof(GetTimeline))
            .WithSummary("A dispute's timeline / 纠纷办理时间线")
            .WithDescription("The append-only record of who did what, when and why, with the step and phase before and after. 只增不改的办理记录。");
        group.MapPost("/{id:guid}/attachments", UploadAttachment).WithName(nameof(UploadAttachment))
            .WithSummary("Upload evidence / 上传证据材料")
            .WithDescription("multipart/form-data with one file named 'file': PDF, JPEG, PNG, HEIC, MP3, M4A or DOCX (recognised from the content), at most 10 MB. Parties and the staff handling the dispute only. 当事人及承办人员可上传，按文件内容识别类型，单个文件不超过 10 MB。")
            .Accepts<AttachmentUploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{id:guid}/attachments", ListAttachments).WithName(nameof(ListAttachments))
            .WithSummary("List evidence / 证据材料列表");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAttachment).WithName(nameof(DownloadAttachment))
            .WithSummary("Download evidence / 下载证据材料")
            .WithDescription("The file, verified against its SHA-256 before it is sent (also in the Repr-Digest header). 下载前校验 SHA-256。")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        return app;
    }

    public static async Task<Results<Created<DisputeView>, Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FileDispute(
        HttpRequest request,
        ActorAccessor actors,
        MediationDbContext db,
        DisputeWorkflow workflow,
        WorkflowRegistry registry,
        TimeProvider clock,
        IStringLocalizer<ApiMessages> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var filing = new DisputeFiling(db, workflow, clock, loggers.CreateLogger<DisputeFiling>());

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length == 0)
        {
            if (!actor.IsStaff)
            {
                return TypedResults.ValidationProblem(Error(IdempotencyKeyHeader, text["IdempotencyKeyRequired"]), title: text["FilingInvalid"]);
            }
        }
        else if (key.Length > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return TypedResults.ValidationProblem(Error(IdempotencyKeyHeader, text["IdempotencyKeyInvalid"]), title: text["FilingInvalid"]);
        }

        var idempotencyKey = key.Length == 0 ? null : key;
        var body = await JsonRequestBody.ReadAsync<FileDisputeRequest>(request, MaxFilingBytes, cancellationToken);
        switch (body.Error)
        {
            case JsonBodyError.UnsupportedMediaType:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: text["BadRequest"], detail: text["JsonContentTypeRequired"]);
            case JsonBodyError.TooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["BadRequest"], detail: text["BodyTooLarge", MaxFilingBytes]);
            case JsonBodyError.Invalid or JsonBodyError.Null:
                return TypedResults.ValidationProblem(Error(body.Path ?? "$", text["JsonInvalid", body.Line ?? 1]), title: text["FilingInvalid"]);
        }

        // A retry is answered with the dispute it filed before it is validated again (the rules may have changed since);
        // the same key with another body is a different filing, refused rather than answered with the first one.
        var filingRequest = body.Value!;
        var fingerprint = FilingFingerprint.Of(filingRequest);
        if (idempotencyKey is not null && actor.UserId is { } userId && await filing.FindByKeyAsync(userId, idempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier.IsFor(fingerprint)
                ? TypedResults.Ok(await ViewAsync(db, registry, clock, earlier.DisputeId, actor, cancellationToken))
                : KeyReused(text);
        }

        var errors = await new FilingValidator(db, text, clock).ValidateAsync(filingRequest, actor, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["FilingInvalid"]);
        }

        FilingResult result;
        try
        {
            result = await filing.FileAsync(filingRequest, fingerprint, actor, idempotencyKey, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: text["FilingBusy"]);
        }

        if (result.KeyReused)
        {
            return KeyReused(text);
        }

        var view = await ViewAsync(db, registry, clock, result.DisputeId, actor, cancellationToken);
        return result.Created ? TypedResults.Created($"/api/disputes/{view.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<PageOf<DisputeView>>, ValidationProblem>> ListDisputes(
        [AsParameters] DisputeListQuery query,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        WorkflowRegistry registry,
        TimeProvider clock,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var errors = query.Validate(text);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["QueryInvalid"]);
        }

        var actor = actors.Current;
        var filtered = query.Apply(access.Visible(actor), clock.GetUtcNow());
        var total = await filtered.CountAsync(cancellationToken);
        var page = query.PageOrDefault;
        var pageSize = query.PageSizeOrDefault;
        var disputes = await filtered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Include(d => d.Parties)
            .AsNoTracking()
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var views = await DisputeViewBuilder.BuildManyAsync(db, registry, clock, disputes, actor, cancellationToken);
        return TypedResults.Ok(new PageOf<DisputeView>(views, page, pageSize, total));
    }

    public static async Task<Results<Ok<DisputeView>, ProblemHttpResult>> GetDispute(
        Guid id,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        WorkflowRegistry registry,
        TimeProvider clock,
        IStringLocalizer<ApiMessages> text,
        CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return dispute is null
            ? DisputeNotFound(text)
            : TypedResults.Ok(await DisputeViewBuilder.BuildAsync(db, registry, clock, dispute, actor, cancellationToken));
    }

    public static async Task<Results<Ok<List<TimelineEntryView>>, ProblemHttpResult>> GetTimeline(
        Guid id, ActorAccessor actors, DisputeAccess access, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        if (!await access.Visible(actors.Current).AnyAsync(d => d.Id == id, cancellationToken))
        {
            return DisputeNotFound(text);
        }

        var entries = await db.Timeline.AsNoTracking().Where(t => t.DisputeId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(DisputeViewBuilder.ToView).ToList());
    }

    public static async Task<Results<Created<AttachmentView>, ValidationProblem, ProblemHttpResult>> UploadAttachment(
        Guid id,
        HttpRequest request,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        IHostEnvironment environment,
        IOptions<DatabaseOptions> databaseOptions,
        TimeProvider clock,
        IStringLocalizer<ApiMessages> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dispute is null)
        {
            return DisputeNotFound(text);
        }

        if (!DisputeAccess.IsParty(actor, dispute) && !DisputeAccess.IsHandledByActor(actor, dispute))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: text["AttachmentForbidden"]);
        }

        if (dispute.IsClosed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: text["AttachmentDisputeClosed"]);
        }

        var tooLarge = TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: text["AttachmentTooLarge", AttachmentStore.MaxBytes / (1024 * 1024)]);
        const long formOverhead = 64 * 1024;
        if (request.ContentLength > AttachmentStore.MaxBytes + formOverhead)
        {
            return tooLarge;
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: text["AttachmentMissing"]);
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = AttachmentStore.MaxBytes + formOverhead, ValueCountLimit = 16 }, cancellationToken);
            file = form.Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            return tooLarge;
        }
        catch (IOException)
        {
            return TypedResults.ValidationProblem(Error("file", text["AttachmentMissing"]), title: text["BadRequest"]);
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(Error("file", text["AttachmentMissing"]), title: text["BadRequest"]);
        }

        if (file.Length > AttachmentStore.MaxBytes)
        {
            return tooLarge;
        }

        var store = AttachmentStore.For(environment, databaseOptions.Value);
        var attachmentId = Guid.NewGuid();
        StoredUpload upload;
        await using (var content = file.OpenReadStream())
        {
            upload = await store.ReceiveAsync(content, id, attachmentId, cancellationToken);
        }

        if (upload.TooLarge)
        {
            upload.Discard();
            return tooLarge;
        }

        if (upload.ContentType is not { } contentType)
        {
            upload.Discard();
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: text["AttachmentTypeNotAllowed"]);
        }

        var attachment = new Attachment
        {
            Id = attachmentId,
            DisputeId = id,
            FileName = SafeFileName(file.FileName, contentType),
            ContentType = contentType,
            Size = upload.Size,
            Sha256 = upload.Sha256,
            StoragePath = upload.RelativePath,
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = actor.UserId,
        };
        try
        {
            upload.Commit();
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            upload.Discard();
            throw;
        }

        loggers.CreateLogger(typeof(DisputesEndpoints)).LogInformation(
            "Attachment {AttachmentId} ({ContentType}, {Size} bytes) added to dispute {DisputeId}", attachment.Id, contentType, attachment.Size, id);
        return TypedResults.Created($"/api/disputes/{id}/attachments/{attachment.Id}", ToView(attachment, actor));
    }

    public static async Task<Results<Ok<List<AttachmentView>>, ProblemHttpResult>> ListAttachments(
        Guid id, ActorAccessor actors, DisputeAccess access, MediationDbContext db, IStringLocalizer<ApiMessages> text, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        if (!await access.Visible(actor).AnyAsync(d => d.Id == id, cancellationToken))
        {
            return DisputeNotFound(text);
        }

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DisputeId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(attachments.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).Select(a => ToView(a, actor)).ToList());
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAttachment(
        Guid id,
        Guid attachmentId,
        HttpContext context,
        ActorAccessor actors,
        DisputeAccess access,
        MediationDbContext db,
        IHostEnvironment environment,
        IOptions<DatabaseOptions> databaseOptions,
        IStringLocalizer<ApiMessages> text,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!await access.Visible(actors.Current).AnyAsync(d => d.Id == id, cancellationToken))
        {
            return DisputeNotFound(text);
        }

        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DisputeId == id, cancellationToken);
        if (attachment is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["AttachmentNotFound"]);
        }

        var store = AttachmentStore.For(environment, databaseOptions.Value);
        var stream = await store.OpenVerifiedAsync(attachment.StoragePath, attachment.Sha256, cancellationToken);
        if (stream is null)
        {
            loggers.CreateLogger(typeof(DisputesEndpoints)).LogError(
                "Attachment {AttachmentId} of dispute {DisputeId} is missing or fails its SHA-256 check", attachment.Id, id);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, detail: text["AttachmentCorrupt"]);
        }

        context.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(attachment.Sha256))}:";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(stream, attachment.ContentType, attachment.FileName);
    }

    private static async Task<DisputeView> ViewAsync(
        MediationDbContext db, WorkflowRegistry registry, TimeProvider clock, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var dispute = await db.Disputes.Include(d => d.Parties).AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
        return await DisputeViewBuilder.BuildAsync(db, registry, clock, dispute, actor, cancellationToken);
    }

    private static AttachmentView ToView(Attachment attachment, Actor actor) => new(
        attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedAt,
        actor.UserId is not null && attachment.UploadedByUserId == actor.UserId);

    /// <summary>The client's file name without any path, control characters or excess length; a generic name when nothing is left.</summary>
    private static string SafeFileName(string? name, string contentType)
    {
        var cleaned = new string(Path.GetFileName((name ?? string.Empty).Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "attachment" + FileSniffer.ExtensionOf(contentType);
        }

        return cleaned.Length <= 255 ? cleaned : cleaned[^255..];
    }

    private static Dictionary<string, string[]> Error(string field, string message) =>
        new(StringComparer.Ordinal) { [field] = [message] };

    private static ProblemHttpResult DisputeNotFound(IStringLocalizer<ApiMessages> text) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: text["DisputeNotFound"]);

    /// <summary>422: the Idempotency-Key was already used for a filing with a different body.</summary>
    private static ProblemHttpResult KeyReused(IStringLocalizer<ApiMessages> text) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: text["IdempotencyKeyReusedTitle"],
            detail: text["IdempotencyKeyReused"],
            extensions: new Dictionary<string, object?> { ["code"] = "IdempotencyKeyReused", ["header"] = IdempotencyKeyHeader });
}
