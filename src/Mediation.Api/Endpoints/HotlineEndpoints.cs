using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Api.Disputes.Filing;
using Mediation.Api.Hotline;
using Mediation.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Endpoints;

/// <summary>The 12345 hotline webhook: work orders handed over for mediation, authenticated by an HMAC signature.</summary>
internal static partial class HotlineEndpoints
{
    /// <summary>A work order's JSON body may be at most this large.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapHotlineApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/hotline/work-orders", ReceiveWorkOrder).WithName(nameof(ReceiveWorkOrder)).WithTags("12345 hotline")
            .AllowAnonymous()
            .WithSummary("Receive a 12345 work order / 接收 12345 热线工单")
            .WithDescription("Called by the hotline system, not by users: no sign-in, but the headers X-Hotline-Timestamp (Unix seconds) and X-Hotline-Signature (sha256=hex HMAC-SHA256 of '{timestamp}.{body}' with the shared secret) are required. "
                + "401 for a missing or wrong signature, a timestamp outside the window, or a replayed request; 400 ValidationProblem for a malformed order. A new order becomes a dispute on channel 'hotline' (201); an order number already received answers 200 with the dispute it became. "
                + "由热线系统调用：无需登录，须带时间戳与 HMAC-SHA256 签名请求头；签名错误、时间戳过期或重放返回 401；工单内容有误返回 400；新工单登记为热线渠道纠纷（201），重复推送的工单返回已登记的纠纷（200）。")
            .Accepts<HotlineWorkOrderRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static async Task<Results<Created<HotlineWorkOrderAccepted>, Ok<HotlineWorkOrderAccepted>, ValidationProblem, ProblemHttpResult>> ReceiveWorkOrder(
        HttpRequest request,
        MediationDbContext db,
        DisputeWorkflow workflow,
        IOptions<HotlineOptions> options,
        TimeProvider clock,
        IStringLocalizer<NotificationMessages> text,
        IStringLocalizer<ApiMessages> filingText,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(HotlineEndpoints));
        var body = await ReadBytesAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: text["HotlineWorkOrderInvalid"], detail: text["HotlineBodyTooLarge", MaxBodyBytes]);
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var check = HotlineSignature.Verify(settings, request.Headers[HotlineSignature.TimestampHeader], request.Headers[HotlineSignature.SignatureHeader], body, now);
        switch (check.Status)
        {
            case SignatureStatus.NotConfigured:
                LogNotConfigured(logger);
                return Unauthorized(text, text["HotlineNotConfigured"]);
            case SignatureStatus.Missing:
                return Unauthorized(text, text["HotlineSignatureMissing"]);
            case SignatureStatus.Invalid:
                return Unauthorized(text, text["HotlineSignatureInvalid"]);
            case SignatureStatus.Stale:
                return Unauthorized(text, text["HotlineTimestampStale", settings.TimestampWindow.TotalMinutes]);
        }

        if (!await RecordReceiptAsync(db, check.Signature!, now, settings.TimestampWindow, cancellationToken))
        {
            LogReplay(logger);
            return Unauthorized(text, text["HotlineReplayed"]);
        }

        HotlineWorkOrderRequest? order;
        try
        {
            order = JsonSerializer.Deserialize<HotlineWorkOrderRequest>(body, JsonRequestBody.Options);
        }
        catch (JsonException exception)
        {
            return Invalid(text, JsonRequestBody.FieldPath(exception.Path), text["HotlineJsonInvalid", (exception.LineNumber ?? 0) + 1]);
        }

        if (order is null)
        {
            return Invalid(text, "$", text["HotlineJsonInvalid", 1]);
        }

        var orderNumber = order.OrderNumber?.Trim();
        if (orderNumber is null || !OrderNumberPattern().IsMatch(orderNumber))
        {
            return Invalid(text, "orderNumber", text["HotlineOrderNumberInvalid"]);
        }

        // A repeated delivery is answered with the dispute the order became, before anything is validated again.
        if (await ExistingAsync(db, orderNumber, cancellationToken) is { } existing)
        {
            return TypedResults.Ok(existing);
        }

        var filingRequest = order.ToFiling();
        var errors = await new FilingValidator(db, filingText, clock).ValidateAsync(filingRequest, Actor.Hotline, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["HotlineWorkOrderInvalid"]);
        }

        var filing = new DisputeFiling(db, workflow, clock, loggers.CreateLogger<DisputeFiling>());
        var result = await filing.FileAsync(
            filingRequest, FilingFingerprint.Of(filingRequest), Actor.Hotline, IdempotencyKey(orderNumber), cancellationToken,
            dispute => db.HotlineWorkOrders.Add(new HotlineWorkOrder { OrderNumber = orderNumber, DisputeId = dispute.Id, ReceivedAt = now }));
        var accepted = await ExistingAsync(db, orderNumber, cancellationToken)
            ?? throw new InvalidOperationException($"Work order {orderNumber} was filed as {result.DisputeId} but is not recorded.");
        LogFiled(logger, orderNumber, accepted.Reference, result.Created);
        return result.Created
            ? TypedResults.Created($"/api/disputes/{accepted.DisputeId}", accepted with { Duplicate = false })
            : TypedResults.Ok(accepted);
    }

    /// <summary>The filing's Idempotency-Key: a race between two deliveries of one order files it once.</summary>
    public static string IdempotencyKey(string orderNumber) => "12345:" + orderNumber;

    private static async Task<HotlineWorkOrderAccepted?> ExistingAsync(MediationDbContext db, string orderNumber, CancellationToken cancellationToken) =>
        await db.HotlineWorkOrders.AsNoTracking()
            .Where(o => o.OrderNumber == orderNumber)
            .Join(db.Disputes, o => o.DisputeId, d => d.Id, (o, d) => new HotlineWorkOrderAccepted(d.Id, d.Reference, o.OrderNumber, true))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Keeps the signature for the window (both sides of it), so the same signed request is refused a second time; false when it was seen.</summary>
    private static async Task<bool> RecordReceiptAsync(MediationDbContext db, string signature, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var expired = now - (2 * window);
        await db.HotlineReceipts.Where(r => r.ReceivedAt < expired).ExecuteDeleteAsync(cancellationToken);
        if (await db.HotlineReceipts.AnyAsync(r => r.Signature == signature, cancellationToken))
        {
            return false;
        }

        var receipt = db.HotlineReceipts.Add(new HotlineReceipt { Signature = signature, ReceivedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same request arrived twice at once: the other one keeps it.
            receipt.State = EntityState.Detached;
            return false;
        }
    }

    private static async Task<byte[]?> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static ProblemHttpResult Unauthorized(IStringLocalizer<NotificationMessages> text, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: text["HotlineUnauthorizedTitle"], detail: detail);

    private static ValidationProblem Invalid(IStringLocalizer<NotificationMessages> text, string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: text["HotlineWorkOrderInvalid"]);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OrderNumberPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "12345 work order refused: Hotline:Secret is not configured")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "12345 work order refused: replayed signature")]
    private static partial void LogReplay(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "12345 work order {OrderNumber} is dispute {Reference} (new: {Created})")]
    private static partial void LogFiled(ILogger logger, string orderNumber, string reference, bool created);
}
