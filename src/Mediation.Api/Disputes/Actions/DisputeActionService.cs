using System.Globalization;
using System.Text.Json;
using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Api.Disputes.Queries;
using Mediation.Api.Workflows;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// Carries out the actions of <c>POST /api/disputes/{id}/{action}</c>. Every action: the dispute must be visible to
/// the actor (404 otherwise, so a foreign id reveals nothing); the actor must stand in the right relationship to it
/// (403); then the event goes through <see cref="DisputeWorkflow.ApplyAsync"/>, the only way a case changes, and the
/// engine's refusal becomes a 409 with its message in the caller's language — never a silent no-op. A lost race on the
/// dispute's concurrency token is a 409 too. Bound per request with <c>[AsParameters]</c>.
/// </summary>
internal sealed partial class DisputeActionService(
    MediationDbContext db,
    DisputeWorkflow workflow,
    DisputeAccess access,
    OrganisationDirectory directory,
    ActorAccessor actors,
    WorkflowRegistry registry,
    TimeProvider clock,
    IStringLocalizer<ApiMessages> text)
{
    /// <summary>Reasons and notes are stored in columns of this size.</summary>
    public const int MaxReasonLength = 2000;

    public Actor Actor { get; } = actors.Current;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Loads the dispute for an action, or null when the actor cannot see it.</summary>
    public async Task<ActionCase?> LoadAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var dispute = await access.Visible(Actor).Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return null;
        }

        var workflowVersion = registry.Catalog.Find(dispute.WorkflowKey, dispute.WorkflowVersion);
        var recused = Actor.MediatorId is { } mediatorId
            && await db.MediatorRecusals.AnyAsync(r => r.DisputeId == disputeId && r.MediatorId == mediatorId, cancellationToken);
        return new ActionCase(dispute, Actor, await IsHandlingAdminAsync(dispute, cancellationToken), workflowVersion, recused);
    }

    /// <summary>
    /// The common path of an action that is one workflow event: load, check the actor with <paramref name="rule"/>,
    /// build the event and apply it.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RunAsync(
        Guid disputeId,
        string action,
        Func<ActionCase, string?> rule,
        Func<ActionCase, (WorkflowEvent Event, DisputeChange? Change)> build,
        CancellationToken cancellationToken)
    {
        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (rule(found) is { } forbidden)
        {
            return forbidden == ActionRules.AlreadyTakenUp ? AlreadyTakenUp() : Forbidden(forbidden, action);
        }

        var (evt, change) = build(found);
        return await ApplyAsync(found, evt, change, cancellationToken);
    }

    /// <summary>Applies <paramref name="evt"/> through the workflow and turns the result into the response.</summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        ActionCase found, WorkflowEvent evt, DisputeChange? change, CancellationToken cancellationToken)
    {
        // A lost race (the concurrency token, or a colliding deadline id of the winner) comes back as Conflict.
        var result = await workflow.ApplyAsync(found.Dispute.Id, evt, Actor, change, cancellationToken);
        return result.Kind switch
        {
            WorkflowResultKind.Applied => TypedResults.Ok(await ViewAsync(result.Dispute!, cancellationToken)),
            WorkflowResultKind.NotFound => DisputeNotFound(),
            WorkflowResultKind.Conflict => ConcurrentChange(),
            _ => NotAllowedNow(result.Decision?.Problem),
        };
    }

    /// <summary>The dispute as the actor sees it after the action.</summary>
    public Task<DisputeView> ViewAsync(Dispute dispute, CancellationToken cancellationToken) =>
        DisputeViewBuilder.BuildAsync(db, registry, clock, dispute, Actor, cancellationToken);

    /// <summary>
    /// Saves what an action records beside the workflow (signatures, a rejected proposal, a recusal, a correction)
    /// with a timeline entry, bumping the dispute's concurrency token so that two such changes at once cannot both win.
    /// </summary>
    public async Task<ProblemHttpResult?> SaveBesideWorkflowAsync(ActionCase found, CancellationToken cancellationToken)
    {
        found.Dispute.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ConcurrentChange();
        }
    }

    /// <summary>Adds an entry to the dispute's timeline for something that does not move the case.</summary>
    public void AddTimeline(ActionCase found, string eventName, string? reason, object? details) =>
        db.Timeline.Add(TimelineEntries.Beside(found.Dispute, Actor, eventName, reason, Now, details));

    /// <summary>Queues a message for <paramref name="audience"/> in the outbox, in the same transaction.</summary>
    public void Notify(ActionCase found, Participant audience, string template) =>
        db.Outbox.Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            DisputeId = found.Dispute.Id,
            Audience = audience.ToString(),
            Template = template,
            CreatedAt = Now,
        });

    public ProblemHttpResult DisputeNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["ActionDisputeNotFoundTitle"], detail: text["ActionDisputeNotFound"]);

    /// <summary>403 with the rule's explanation in the caller's language; <c>code</c> names the rule (e.g. <c>ActionMediatorRecused</c>).</summary>
    public ProblemHttpResult Forbidden(string key, string action) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["ActionForbiddenTitle"], detail: text[key, action],
            extensions: new Dictionary<string, object?> { ["action"] = action, ["code"] = key });

    /// <summary>409 with the engine's explanation (EventNotPermitted, CaseClosed, …) in the caller's language.</summary>
    public ProblemHttpResult NotAllowedNow(DecisionProblem? problem) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: text["ActionNotAllowedTitle"],
            detail: problem?.Message.For(CultureInfo.CurrentUICulture) ?? text["ActionNotAllowed"],
            extensions: new Dictionary<string, object?> { ["code"] = problem?.Code ?? "EventNotPermitted" });

    /// <summary>409 for a precondition this host checks (no agreement awaiting signatures, already signed, …).</summary>
    public ProblemHttpResult NotAllowedNow(string code, params object[] arguments) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: text["ActionNotAllowedTitle"],
            detail: text[code, arguments],
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Two mediators took the case up at once and the other one won: exactly one wins, the other is told so.</summary>
    public ProblemHttpResult AlreadyTakenUp() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: text["ActionConcurrentChangeTitle"],
            detail: text[ActionRules.AlreadyTakenUp],
            extensions: new Dictionary<string, object?> { ["code"] = ActionRules.AlreadyTakenUp });

    public ProblemHttpResult ConcurrentChange() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: text["ActionConcurrentChangeTitle"],
            detail: text["ActionConcurrentChange"],
            extensions: new Dictionary<string, object?> { ["code"] = "ConcurrentChange" });

    public ValidationProblem Invalid(ActionValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return TypedResults.ValidationProblem(validation.Errors, title: text["ActionInvalid"]);
    }

    /// <summary>A new validation for this request's messages.</summary>
    public ActionValidation Validate() => new(text);

    private async Task<bool> IsHandlingAdminAsync(Dispute dispute, CancellationToken cancellationToken)
    {
        if (Actor.Is(Roles.SystemAdmin))
        {
            return true;
        }

        if (!Actor.Is(Roles.OrganisationAdmin) || Actor.OrganisationId is not { } adminOrganisationId || dispute.OrganisationId is not { } handlingId)
        {
            return false;
        }

        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == adminOrganisationId || o.Id == handlingId)
            .Select(o => new { o.Id, o.Code, o.Kind })
            .ToListAsync(cancellationToken);
        var admin = organisations.FirstOrDefault(o => o.Id == adminOrganisationId);
        var handling = organisations.FirstOrDefault(o => o.Id == handlingId);
        return admin is not null && handling is not null && DisputeAccess.AdministersHandling(admin.Code, handling.Code, handling.Kind);
    }
}
