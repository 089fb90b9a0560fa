using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Infrastructure;
using Mediation.Api.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Endpoints;

/// <summary>Notification administration: templates, the dead-letter list and the outbox backlog. System administrators only.</summary>
internal static class NotificationsEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.SystemAdmin);
        group.MapGet("/templates", ListTemplates).WithName(nameof(ListTemplates))
            .WithSummary("Notification templates / 通知模板列表")
            .WithDescription("Every template the engine, the case actions and the hotline callbacks use, with the text in use and the shipped default. 列出全部通知模板及其默认文本。");
        group.MapPut("/templates/{key}", UpdateTemplate).WithName(nameof(UpdateTemplate))
            .WithSummary("Edit a template / 修改通知模板")
            .WithDescription("Replaces a template's text. Placeholders: {reference}, {organisation}, {mediator}, {deadline} (Beijing time), {remedies}, {orderNumber}; an unknown placeholder, an unbalanced brace, an empty or over-long text is a 400 keyed 'text'. Messages already expanded keep their text. "
                + "可用占位符：{reference}、{organisation}、{mediator}、{deadline}（北京时间）、{remedies}、{orderNumber}；未知占位符、括号不配对、空文本或超长返回 400。")
            .Accepts<TemplateUpdate>("application/json");
        group.MapGet("/dead-letters", ListDeadLetters).WithName(nameof(ListDeadLetters))
            .WithSummary("Dead letters / 发送失败的消息")
            .WithDescription("Deliveries given up (a 4xx answer or the maximum attempts), newest first; phone numbers masked. 已放弃发送的消息，手机号脱敏。");
        group.MapPost("/dead-letters/{id:guid}/resend", Resend).WithName(nameof(Resend))
            .WithSummary("Re-send a dead letter / 重新发送")
            .WithDescription("Puts the delivery back in the queue with its attempts reset; it is sent with the same message id. 以同一消息编号重新排队发送。");
        group.MapGet("/statistics", Statistics).WithName(nameof(Statistics))
            .WithSummary("Outbox backlog / 待发消息统计");
        return app;
    }

    public static async Task<Ok<List<TemplateView>>> ListTemplates(MediationDbContext db, CancellationToken cancellationToken)
    {
        var custom = await db.NotificationTemplates.AsNoTracking().ToDictionaryAsync(t => t.Key, StringComparer.Ordinal, cancellationToken);
        return TypedResults.Ok(NotificationTexts.Defaults.Keys.Order(StringComparer.Ordinal).Select(key => View(key, custom.GetValueOrDefault(key))).ToList());
    }

    public static async Task<Results<Ok<TemplateView>, ValidationProblem, ProblemHttpResult>> UpdateTemplate(
        string key, HttpRequest request, MediationDbContext db, ActorAccessor actors, TimeProvider clock, IStringLocalizer<NotificationMessages> text,
        IStringLocalizer<ApiMessages> apiText, CancellationToken cancellationToken)
    {
        if (!NotificationTexts.Defaults.ContainsKey(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["TemplateNotFoundTitle"], detail: text["TemplateNotFound", key]);
        }

        var body = await JsonRequestBody.ReadAsync<TemplateUpdate>(request, MaxBodyBytes, cancellationToken);
        switch (body.Error)
        {
            case JsonBodyError.UnsupportedMediaType:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: apiText["BadRequest"], detail: apiText["JsonContentTypeRequired"]);
            case JsonBodyError.TooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: apiText["BadRequest"], detail: apiText["BodyTooLarge", MaxBodyBytes]);
            case JsonBodyError.Invalid or JsonBodyError.Null:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [body.Path ?? "$"] = [apiText["JsonInvalid", body.Line ?? 1]] }, title: text["TemplateInvalid"]);
        }

        var newText = body.Value!.Text;
        var problems = NotificationTexts.Check(newText);
        if (problems.Count > 0)
        {
            var placeholders = string.Join(", ", NotificationTexts.Placeholders.Keys.Order(StringComparer.Ordinal).Select(p => "{" + p + "}"));
            var messages = problems.Select(p => p.Code == "TemplatePlaceholderUnknown" ? text[p.Code, p.Argument!, placeholders].Value : text[p.Code, p.Argument ?? string.Empty].Value).ToArray();
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = messages }, title: text["TemplateInvalid"]);
        }

        var record = await db.NotificationTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (record is null)
        {
            record = new NotificationTemplateRecord { Key = key, Text = newText! };
            db.NotificationTemplates.Add(record);
        }

        record.Text = newText!;
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedByUserId = actors.Current.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(key, record));
    }

    public static async Task<Results<Ok<PageOf<DeliveryView>>, ValidationProblem>> ListDeadLetters(
        MediationDbContext db, IStringLocalizer<NotificationMessages> text, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [text["PageInvalid"]] }, title: text["DeliveryQueryInvalid"]);
        }

        var dead = db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.DeadLetter);
        var total = await dead.CountAsync(cancellationToken);
        var items = await dead.OrderByDescending(d => d.DeadLetteredAt).ThenBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<DeliveryView>([.. items.Select(DeliveryView.Of)], page, pageSize, total));
    }

    public static async Task<Results<Ok<DeliveryView>, ProblemHttpResult>> Resend(
        Guid id, MediationDbContext db, TimeProvider clock, IStringLocalizer<NotificationMessages> text, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id && d.Status == DeliveryStatus.DeadLetter, cancellationToken);
        if (delivery is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["DeliveryNotFoundTitle"], detail: text["DeliveryNotFound"]);
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = clock.GetUtcNow();
        delivery.DeadLetteredAt = null;
        delivery.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DeliveryView.Of(delivery));
    }

    public static async Task<Ok<OutboxStatistics>> Statistics(MediationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await OutboxStatistics.QueryAsync(db, cancellationToken));

    private static TemplateView View(string key, NotificationTemplateRecord? custom) =>
        new(key, custom?.Text ?? NotificationTexts.Defaults[key], NotificationTexts.Defaults[key], custom is not null, custom?.UpdatedAt);
}
