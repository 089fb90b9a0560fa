using Mediation.Api.Auth;
using Mediation.Api.Disputes.Actions;
using Mediation.Api.Disputes.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Endpoints;

/// <summary>
/// What people do to a case: <c>POST /api/disputes/{id}/{action}</c>. Each action is one workflow event through
/// <c>DisputeWorkflow</c> (or, for signatures, rejections, recusals and corrections, a record beside it). Answers: 200
/// with the dispute as the caller sees it; 400 for a bad body; 403 when the caller's role or relationship to the case
/// does not allow the action; 404 when the caller cannot see the case; 409 with the workflow's explanation when the
/// case's current step does not allow it, or when someone else changed the case at the same moment.
/// </summary>
internal static class DisputeActionsEndpoints
{
    private const string ReasonExample = "Body: {\"reason\": \"…\"} (required).";
    private const string NoteExample = "Body (optional): {\"reason\": \"…\"}.";

    public static IEndpointRouteBuilder MapDisputeActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disputes/{id:guid}").WithTags("Dispute actions").RequireAuthorization(Policies.SignedIn);

        MapAction(group, DisputeActions.Consent, GiveConsent, "Consent to mediation / 同意调解",
            "The party the step asks (e.g. the respondent of a medical dispute, 医疗纠纷预防和处理条例 Art. 31) consents, or the handling staff record it. " + NoteExample);
        MapAction(group, DisputeActions.RefuseConsent, RefuseConsent, "Refuse mediation / 不同意调解",
            "The party asked refuses, or the handling staff record the refusal; the case ends with a refusal record listing the remedies. " + NoteExample);
        MapAction(group, DisputeActions.TakeUp, TakeUpCase, "Take up a case / 受理",
            "A mediator of the organisation handling the case takes it up and becomes its mediator; the resolution clock starts where the workflow counts from acceptance. No body. Two mediators at once: one wins, the other gets 409.");
        MapAction(group, DisputeActions.Decline, DeclineCase, "Decline a case / 不予受理",
            "The handling organisation's mediator or administrator declines a queued case; the workflow reassigns or escalates it. " + ReasonExample
            + " Example: {\"reason\": \"申请人与本调解员有亲属关系\"}");
        MapAction(group, DisputeActions.Pause, PauseClock, "Pause the mediation clock / 暂停调解期限",
            "The case's mediator pauses the resolution clock, e.g. for an appraisal (鉴定), whose time does not count (医疗纠纷预防和处理条例 Art. 38). " + ReasonExample
            + " Example: {\"reason\": \"委托医疗损害鉴定\"}");
        MapAction(group, DisputeActions.Resume, ResumeClock, "Resume the mediation clock / 恢复调解期限",
            "The case's mediator resumes the clock with the time that was left. " + NoteExample);
        MapAction(group, ActionRoutes.RequestExtension, RequestExtension, "Extend the mediation deadline / 延长调解期限",
            "The case's mediator records an extension and who consented; the workflow checks the maximum, the number of extensions and the consents its definition requires. "
            + "Body: {\"duration\": \"P15D\", \"consents\": [\"applicant\", \"respondent\"], \"reason\": \"双方同意延长\"}. Consents: applicant, respondent, allParties, mediator, organisation; the mediator's own is implied.");
        MapAction(group, DisputeActions.Extend, Extend, "Extend the mediation deadline (alias) / 延长调解期限",
            "The same as request-extension, under the name the dispute view's permittedActions uses.");
        MapAction(group, DisputeActions.Fail, FailMediation, "Mediation failed / 调解不成",
            "The case's mediator ends mediation as failed; the workflow writes the termination record with the remedies (人民调解法 Art. 26) and moves the case on (next tier or referral). "
            + ReasonExample + " Example: {\"reason\": \"双方对赔偿数额分歧过大\"}");
        MapAction(group, ActionRoutes.Termination, TerminateMediation, "Terminate mediation / 终止调解",
            "The case's mediator records the termination of mediation with its ground (人民调解法 Art. 26); the same workflow event as fail. " + ReasonExample
            + " Example: {\"reason\": \"一方明确拒绝继续调解\"}");
        MapAction(group, DisputeActions.Escalate, EscalateCase, "Ask for a higher tier / 申请提级调解",
            "A party or the case's mediator asks for the next tier; workflows that have none answer 409. " + ReasonExample);
        MapAction(group, DisputeActions.Withdraw, WithdrawCase, "Withdraw / 撤回申请",
            "The applicant withdraws, or the handling staff record it on their behalf. " + NoteExample);
        MapAction(group, DisputeActions.FlagRisk, FlagRisk, "Flag a risk of escalation / 标记激化风险",
            "The handling staff flag a risk of the dispute escalating (人民调解法 Art. 25); the organisation is told. " + ReasonExample);
        MapAction(group, DisputeActions.Agreement, RecordAgreement, "Record a written agreement / 制作调解协议书",
            "The case's mediator draws up the written agreement with the content of 人民调解法 Art. 29 (the parties are the case's). With every party's signature, the mediator's and the seal "
            + "it is in force at the last of them: the case moves to follow-up and the 30-day judicial confirmation window opens. Otherwise it is a proposal (openProposal in the dispute view, "
            + "replacing an open one): the parties are told it is ready (agreement.ready), the case stays in mediation, and it takes effect when the last signature arrives (confirm, agreement-effective). Body: "
            + "{\"facts\": \"双方系上下楼邻居……\", \"mattersInDispute\": \"装修噪音及损失\", \"responsibility\": \"被申请人承担主要责任\", \"terms\": \"赔偿1500元并限定施工时间\", "
            + "\"performance\": \"银行转账\", \"performBy\": \"2026-03-31\", \"signatures\": [{\"signer\": \"<party id>\"}, {\"signer\": \"mediator\"}, {\"signer\": \"seal\", \"signedAt\": \"2026-03-02T10:00:00+08:00\"}]}");
        MapAction(group, ActionRoutes.OralAgreement, RecordOralAgreement, "Record an oral agreement / 记录口头协议",
            "The case's mediator records an oral agreement (人民调解法 Art. 28, 30), in force at once. Body: {\"content\": \"被申请人当日归还农机具，申请人不再追究\"}.");
        MapAction(group, ActionRoutes.Confirm, ConfirmAgreement, "Sign the written agreement / 确认并签署调解协议",
            "A party signs the open proposal, for themselves and now (no body); the case's mediator records their own signature, the seal, or a party's paper signature or fingerprint: "
            + "{\"signer\": \"seal\", \"signedAt\": \"2026-03-02T10:00:00+08:00\"}. The last signature puts the agreement in force at its time (Art. 29): the case moves to follow-up and the judicial confirmation window opens (Art. 33).");
        MapAction(group, DisputeActions.AgreementEffective, AgreementTookEffect, "Written agreement in force / 调解协议生效",
            "The case's mediator attests that a paper copy of the open proposal was signed by every party and the mediator and sealed in person: the missing signatures are recorded at effectiveAt "
            + "and the agreement is in force then. Body (optional): {\"effectiveAt\": \"2026-03-02T10:00:00+08:00\"}.");
        MapAction(group, ActionRoutes.RejectAgreement, RejectAgreement, "Reject a proposed agreement / 拒绝调解方案",
            "A party who has not signed rejects the open proposal: it is closed as rejected, the mediator is told (agreement.rejected), the case stays in mediation and the mediator may propose again. " + NoteExample);
        MapAction(group, ActionRoutes.Recusal, RequestRecusal, "Ask for another mediator / 申请调解员回避",
            "A party asks to replace the mediator (人民调解法 Art. 23(1)): the recusal is recorded, the mediator unassigned and another active mediator of the organisation assigned if there is one. "
            + "The recused mediator is never assigned the case again and cannot take it up or act on it (403). " + ReasonExample
            + " Example: {\"reason\": \"调解员与对方当事人系亲属\"}");
        MapAction(group, DisputeActions.Performed, RecordPerformed, "Agreement performed / 协议履行完毕",
            "The case's mediator records at follow-up that the agreement was performed; the case closes. " + NoteExample);
        MapAction(group, DisputeActions.PerformanceFailed, RecordPerformanceFailed, "Agreement not performed / 协议未履行",
            "A party or the case's mediator reports that the agreement was not performed; the workflow refers the case on. " + ReasonExample);
        MapAction(group, DisputeActions.FollowUpVisit, RecordFollowUpVisit, "Follow-up visit made / 完成回访",
            "The case's mediator records the follow-up visit (回访). " + NoteExample);

        group.MapGet("/outcomes", ListOutcomes).WithName(nameof(ListOutcomes))
            .WithSummary("List outcome records / 结案记录列表")
            .WithDescription("Agreements, terminations (with remedies), withdrawals, refusals and closures, oldest first; corrections point at the record they supersede.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/outcomes/{outcomeId:guid}", GetOutcome).WithName(nameof(GetOutcome))
            .WithSummary("Get an outcome record / 获取结案记录")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/outcomes/{outcomeId:guid}/corrections", CorrectOutcome).WithName(nameof(CorrectOutcome))
            .WithSummary("Correct an outcome record / 更正结案记录")
            .WithDescription("Staff write a new record that supersedes the old one, which stays unchanged. Body: {\"note\": \"更正履行期限笔误\", \"agreement\": { …as for agreement… }} "
                + "for a written agreement, {\"note\": \"…\", \"content\": \"…\"} for an oral one, {\"note\": \"…\", \"reason\": \"…\"} for the others.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> GiveConsent(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ConsentAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RefuseConsent(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).RefuseConsentAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> TakeUpCase(Guid id, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).TakeUpAsync(id, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> DeclineCase(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).DeclineAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> PauseClock(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).PauseAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ResumeClock(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ResumeAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RequestExtension(Guid id, ExtensionRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ExtendAsync(id, ActionRoutes.RequestExtension, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> Extend(Guid id, ExtensionRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ExtendAsync(id, DisputeActions.Extend, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FailMediation(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).FailAsync(id, DisputeActions.Fail, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> TerminateMediation(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).FailAsync(id, ActionRoutes.Termination, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> EscalateCase(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).EscalateAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> WithdrawCase(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).WithdrawAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> FlagRisk(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).FlagRiskAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordAgreement(Guid id, AgreementRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).RecordAgreementAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordOralAgreement(Guid id, OralAgreementRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).RecordOralAgreementAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ConfirmAgreement(Guid id, ConfirmRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ConfirmAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> AgreementTookEffect(Guid id, AgreementEffectiveRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).AgreementEffectiveAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RejectAgreement(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).RejectAgreementAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RequestRecusal(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).RecusalAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordPerformed(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).PerformedAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordPerformanceFailed(Guid id, ReasonRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).PerformanceFailedAsync(id, request, cancellationToken);

    public static Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordFollowUpVisit(Guid id, NoteRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).FollowUpVisitAsync(id, request, cancellationToken);

    public static Task<Results<Ok<List<OutcomeView>>, ProblemHttpResult>> ListOutcomes(Guid id, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).ListOutcomesAsync(id, cancellationToken);

    public static Task<Results<Ok<OutcomeView>, ProblemHttpResult>> GetOutcome(Guid id, Guid outcomeId, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).GetOutcomeAsync(id, outcomeId, cancellationToken);

    public static Task<Results<Created<OutcomeView>, ValidationProblem, ProblemHttpResult>> CorrectOutcome(
        Guid id, Guid outcomeId, CorrectionRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        Actions(http).CorrectAsync(id, outcomeId, request, cancellationToken);

    private static void MapAction(RouteGroupBuilder group, string route, Delegate handler, string summary, string description) =>
        group.MapPost("/" + route, handler)
            .WithName(handler.Method.Name)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The request's action service (its dependencies come from the request's scope).</summary>
    private static DisputeActionService Actions(HttpContext http) =>
        ActivatorUtilities.CreateInstance<DisputeActionService>(http.RequestServices);
}
