using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Actions;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Sessions;

/// <summary>
/// Minutes of mediation sessions (调解笔录): read by whoever may see the case, recorded by the case's mediator
/// (<see cref="ActionRules.CaseMediator"/>, the rule of every mediating action) once the case is taken up and while it
/// is open. Recording adds a <c>sessionRecorded</c> timeline entry and bumps the dispute's concurrency token, like every
/// record kept beside the workflow. Used by <c>SessionsEndpoints</c> and by the workbench pages.
/// </summary>
internal sealed class SessionService(DisputeActionService actions, MediationDbContext db, IStringLocalizer<SessionMessages> text)
{
    public const string RecordedEvent = "sessionRecorded";
    public const string Route = "sessions";

    /// <summary>A service for the request's scope (the action service shares the scope's DbContext).</summary>
    public static SessionService Create(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<SessionService>(services, ActivatorUtilities.CreateInstance<DisputeActionService>(services));

    public async Task<Results<Ok<List<SessionView>>, ProblemHttpResult>> ListAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var found = await actions.LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return actions.DisputeNotFound();
        }

        var sessions = await db.MediationSessions.AsNoTracking().Where(s => s.DisputeId == disputeId).ToListAsync(cancellationToken);
        var names = await RecorderNamesAsync(sessions, cancellationToken);
        return TypedResults.Ok(sessions
            .OrderBy(s => s.HeldAt.UtcTicks)
            .ThenBy(s => s.RecordedAt.UtcTicks)
            .Select(s => ToView(s, names))
            .ToList());
    }

    public async Task<Results<Created<SessionView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid disputeId, SessionRequest? request, CancellationToken cancellationToken)
    {
        var validation = actions.Validate();
        var place = validation.Required(request?.Place, "place", SessionRequest.MaxPlaceLength);
        var attendees = validation.Required(request?.Attendees, "attendees", SessionRequest.MaxTextLength);
        var discussion = validation.Required(request?.Discussion, "discussion", SessionRequest.MaxDiscussionLength);
        var result = validation.Required(request?.Result, "result", SessionRequest.MaxTextLength);
        if (request?.HeldAt is null)
        {
            validation.Add("heldAt", "ActionFieldRequired");
        }

        var errors = validation.Errors;
        if (request?.HeldAt > actions.Now)
        {
            errors["heldAt"] = [text["SessionHeldInFuture"]];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var found = await actions.LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return actions.DisputeNotFound();
        }

        if (ActionRules.CaseMediator(found) is { } forbidden)
        {
            return actions.Forbidden(forbidden, Route);
        }

        var dispute = found.Dispute;
        if (dispute.IsClosed || dispute.MediatorId is null || dispute.Phase is not (CasePhase.InMediation or CasePhase.Paused or CasePhase.FollowUp))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: text["SessionNotAllowedTitle"],
                detail: text["SessionNotInMediation"],
                extensions: new Dictionary<string, object?> { ["code"] = "SessionNotInMediation" });
        }

        // Minutes give the time to the minute: a session in the minute the dispute was filed is not before it.
        var filedMinute = dispute.FiledAt.AddTicks(-(dispute.FiledAt.UtcTicks % TimeSpan.TicksPerMinute));
        if (request!.HeldAt!.Value < filedMinute)
        {
            return Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["heldAt"] = [text["SessionHeldBeforeFiling"]] });
        }

        var session = new MediationSession
        {
            Id = Guid.NewGuid(),
            DisputeId = dispute.Id,
            StepId = dispute.StepId,
            HeldAt = request.HeldAt.Value,
            Place = place,
            Attendees = attendees,
            Discussion = discussion,
            Result = result,
            RecordedAt = actions.Now,
            RecordedByUserId = actions.Actor.UserId,
        };
        db.MediationSessions.Add(session);
        actions.AddTimeline(found, RecordedEvent, null, new { sessionId = session.Id, heldAt = session.HeldAt });
        if (await actions.SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var names = await RecorderNamesAsync([session], cancellationToken);
        return TypedResults.Created($"/api/disputes/{dispute.Id}/{Route}/{session.Id}", ToView(session, names));
    }

    private ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: text["SessionInvalid"]);

    private async Task<Dictionary<string, string>> RecorderNamesAsync(IReadOnlyCollection<MediationSession> sessions, CancellationToken cancellationToken)
    {
        var userIds = sessions.Where(s => s.RecordedByUserId is not null).Select(s => s.RecordedByUserId!).Distinct().ToList();
        if (userIds.Count == 0)
        {
            return [];
        }

        var mediators = await db.Mediators.AsNoTracking().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.Name }).ToListAsync(cancellationToken);
        return mediators.GroupBy(m => m.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    }

    private static SessionView ToView(MediationSession session, Dictionary<string, string> names) => new(
        session.Id,
        session.StepId,
        session.HeldAt,
        session.Place,
        session.Attendees,
        session.Discussion,
        session.Result,
        session.RecordedAt,
        session.RecordedByUserId is { } userId ? names.GetValueOrDefault(userId) : null);
}
