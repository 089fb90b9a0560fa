using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Data.Configurations;
using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Ratings;

/// <summary>A party's rating of the service (满意度评价).</summary>
internal sealed class RatingRequest
{
    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    /// <example>5</example>
    public int? Score { get; init; }

    /// <summary>Optional comment, at most 1000 characters.</summary>
    /// <example>调解员耐心细致，问题解决得很及时。</example>
    public string? Comment { get; init; }
}

/// <summary>One rating.</summary>
/// <param name="Id">The rating's id.</param>
/// <param name="Score">1–5.</param>
/// <param name="Comment">The comment, if any.</param>
/// <param name="RatedAt">When it was given.</param>
/// <param name="Mine">True when the caller gave it.</param>
internal sealed record ServiceRatingView(Guid Id, int Score, string? Comment, DateTimeOffset RatedAt, bool Mine);

/// <summary>The ratings of a case the caller may read, and whether they may rate now.</summary>
/// <param name="Ratings">A party sees their own rating; staff who see the case see every rating of it.</param>
/// <param name="CanRate">True when the caller is a party of the closed case and has not rated it.</param>
internal sealed record DisputeRatingsView(IReadOnlyList<ServiceRatingView> Ratings, bool CanRate);

/// <summary>
/// Ratings after closure: only a party of a closed case, once per party (409 on a second rating; the unique index
/// settles a race). A caller who cannot see the case gets 404, staff get 403, an open case 409.
/// </summary>
internal sealed class ServiceRatings(
    MediationDbContext db, DisputeAccess access, ActorAccessor actors, TimeProvider clock, IStringLocalizer<ApiMessages> apiText, IStringLocalizer<ResidentMessages> text)
{
    public async Task<Results<Ok<DisputeRatingsView>, ProblemHttpResult>> GetAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return NotFound();
        }

        var isParty = DisputeAccess.IsParty(actor, dispute);
        var ratings = await db.ServiceRatings.AsNoTracking()
            .Where(r => r.DisputeId == disputeId && (!isParty || r.UserId == actor.UserId))
            .ToListAsync(cancellationToken);
        var views = ratings.OrderBy(r => r.RatedAt.UtcTicks).Select(r => new ServiceRatingView(r.Id, r.Score, r.Comment, r.RatedAt, r.UserId == actor.UserId)).ToList();
        return TypedResults.Ok(new DisputeRatingsView(views, isParty && dispute.IsClosed && !views.Any(v => v.Mine)));
    }

    public async Task<Results<Created<ServiceRatingView>, ValidationProblem, ProblemHttpResult>> RateAsync(Guid disputeId, RatingRequest? request, CancellationToken cancellationToken)
    {
        var actor = actors.Current;
        var dispute = await access.Visible(actor).Include(d => d.Parties).AsNoTracking().FirstOrDefaultAsync(d => d.Id == disputeId, cancellationToken);
        if (dispute is null)
        {
            return NotFound();
        }

        if (!DisputeAccess.IsParty(actor, dispute))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["RatingForbiddenTitle"], detail: text["RatingPartiesOnly"]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Score is not { } score)
        {
            errors["score"] = [apiText["FieldRequired"]];
            score = 0;
        }
        else if (score is < 1 or > 5)
        {
            errors["score"] = [text["RatingScoreRange"]];
        }

        var comment = string.IsNullOrWhiteSpace(request?.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > ServiceRatingConfiguration.MaxCommentLength })
        {
            errors["comment"] = [apiText["FieldTooLong", ServiceRatingConfiguration.MaxCommentLength]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["RatingInvalid"]);
        }

        if (!dispute.IsClosed)
        {
            return Conflict(text["RatingNotClosed"]);
        }

        var userId = actor.UserId!;
        if (await db.ServiceRatings.AnyAsync(r => r.DisputeId == disputeId && r.UserId == userId, cancellationToken))
        {
            return Conflict(text["RatingAlreadyGiven"]);
        }

        var rating = new ServiceRating { Id = Guid.NewGuid(), DisputeId = disputeId, UserId = userId, Score = score, Comment = comment, RatedAt = clock.GetUtcNow() };
        db.ServiceRatings.Add(rating);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index (dispute, user): a simultaneous second rating.
            db.ChangeTracker.Clear();
            return Conflict(text["RatingAlreadyGiven"]);
        }

        return TypedResults.Created($"/api/disputes/{disputeId}/rating", new ServiceRatingView(rating.Id, rating.Score, rating.Comment, rating.RatedAt, Mine: true));
    }

    private ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: apiText["DisputeNotFound"]);

    private ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["RatingConflictTitle"], detail: detail);
}
