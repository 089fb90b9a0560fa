using Mediation.Api.Auth;
using Mediation.Api.Disputes.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Endpoints;

/// <summary>
/// Minutes of mediation sessions (调解笔录): <c>GET/POST /api/disputes/{id}/sessions</c>. Read by whoever may see the
/// case (404 otherwise); recorded by the case's mediator (403 for others) once the case is taken up and while it is
/// open (409 otherwise); bad fields are a 400 ValidationProblem keyed by field in the caller's language.
/// </summary>
internal static class SessionsEndpoints
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disputes/{id:guid}/sessions").WithTags("Dispute sessions").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListSessions).WithName(nameof(ListSessions))
            .WithSummary("Minutes of the mediation sessions / 调解笔录列表")
            .WithDescription("Every session of the case, earliest first: when, where, who attended, what was discussed, the result. 按调解时间排序。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RecordSession).WithName(nameof(RecordSession))
            .WithSummary("Record a mediation session / 记录调解笔录")
            .WithDescription("The case's mediator records a session once the case is taken up and while it is open. Body: {\"heldAt\": \"2026-03-03T14:30:00+08:00\", "
                + "\"place\": \"新华第1社区人民调解室\", \"attendees\": \"申请人张伟、被申请人王芳、调解员李明\", \"discussion\": \"……\", \"result\": \"双方同意三日后再次协商\"}. "
                + "heldAt is never in the future nor before the filing. 由承办调解员在受理后、结案前记录。")
            .Accepts<SessionRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static Task<Results<Ok<List<SessionView>>, ProblemHttpResult>> ListSessions(Guid id, HttpContext http, CancellationToken cancellationToken) =>
        SessionService.Create(http.RequestServices).ListAsync(id, cancellationToken);

    public static Task<Results<Created<SessionView>, ValidationProblem, ProblemHttpResult>> RecordSession(
        Guid id, SessionRequest? request, HttpContext http, CancellationToken cancellationToken) =>
        SessionService.Create(http.RequestServices).RecordAsync(id, request, cancellationToken);
}
