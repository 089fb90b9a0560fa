using Mediation.Api.Auth;
using Mediation.Api.Disputes.Ratings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mediation.Api.Endpoints;

/// <summary>Service ratings (满意度评价): a party rates the service once after the case closed.</summary>
internal static class RatingsEndpoints
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disputes/{id:guid}/rating").WithTags("Disputes").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", GetRatings).WithName(nameof(GetRatings))
            .WithSummary("Service ratings of a dispute / 满意度评价")
            .WithDescription("A party sees their own rating and whether they may rate now (canRate); the staff who see the case see every rating of it. 404 when the caller cannot see the case. "
                + "当事人看到本人的评价及是否可以评价；能查看案件的工作人员看到全部评价。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RateService).WithName(nameof(RateService))
            .WithSummary("Rate the service / 评价调解服务")
            .WithDescription("A party of a closed case rates the service once: {\"score\": 5, \"comment\": \"调解员耐心细致\"} (score 1–5, comment optional, at most 1000 characters). "
                + "201 with the rating; 400 field errors; 403 for anyone but a party; 404 when the caller cannot see the case; 409 when the case is still open or the caller has rated it already. "
                + "仅限已结案案件的当事人，每人一次；重复评价返回 409。")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static Task<Results<Ok<DisputeRatingsView>, ProblemHttpResult>> GetRatings(Guid id, ServiceRatings ratings, CancellationToken cancellationToken) =>
        ratings.GetAsync(id, cancellationToken);

    public static Task<Results<Created<ServiceRatingView>, ValidationProblem, ProblemHttpResult>> RateService(
        Guid id, RatingRequest? request, ServiceRatings ratings, CancellationToken cancellationToken) =>
        ratings.RateAsync(id, request, cancellationToken);
}
