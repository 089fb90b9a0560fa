using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Actions;

/// <summary>Outcome records: listing them, and correcting one with a new record that supersedes it.</summary>
internal sealed partial class DisputeActionService
{
    public const string CorrectionEvent = "outcomeCorrected";

    public async Task<Results<Ok<List<OutcomeView>>, ProblemHttpResult>> ListOutcomesAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        var records = await db.Outcomes.AsNoTracking().Where(o => o.DisputeId == disputeId).ToListAsync(cancellationToken);
        return TypedResults.Ok(records
            .OrderBy(o => o.CreatedAt.UtcTicks)
            .ThenBy(o => o.SupersedesId is null ? 0 : 1)
            .Select(o => OutcomeView.From(o, found.Dispute))
            .ToList());
    }

    public async Task<Results<Ok<OutcomeView>, ProblemHttpResult>> GetOutcomeAsync(Guid disputeId, Guid outcomeId, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        var record = await db.Outcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outcomeId && o.DisputeId == disputeId, cancellationToken);
        return record is null ? OutcomeNotFound() : TypedResults.Ok(OutcomeView.From(record, found.Dispute));
    }

    /// <summary>
    /// Corrects an outcome record: a new record with the corrected content that points at the old one
    /// (<see cref="OutcomeRecord.SupersedesId"/>); the old one keeps its content and only learns what superseded it.
    /// Only the newest record of a chain can be corrected. A written agreement record not yet in force (left in follow-up
    /// before proposals existed) is a new text that every signer signs again.
    /// </summary>
    public async Task<Results<Created<OutcomeView>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        Guid disputeId, Guid outcomeId, CorrectionRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var note = validation.Required(request?.Note, "note");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        var original = await db.Outcomes.FirstOrDefaultAsync(o => o.Id == outcomeId && o.DisputeId == disputeId, cancellationToken);
        if (original is null)
        {
            return OutcomeNotFound();
        }

        if (ActionRules.Correct(found, original.CreatedByUserId) is { } forbidden)
        {
            return Forbidden(forbidden, ActionRoutes.Correction);
        }

        if (original.SupersededById is { } newer)
        {
            return NotAllowedNow("ActionOutcomeSuperseded", newer);
        }

        var correction = new OutcomeRecord
        {
            Id = Guid.NewGuid(),
            DisputeId = original.DisputeId,
            Kind = original.Kind,
            AgreementForm = original.AgreementForm,
            StepId = original.StepId,
            CreatedAt = Now,
            CreatedByUserId = Actor.UserId,
            Facts = original.Facts,
            Terms = original.Terms,
            TerminationReason = original.TerminationReason,
            Reason = original.Reason,
            Remedies = [.. original.Remedies],
            Signatures = [.. original.Signatures],
            EffectiveAt = original.EffectiveAt,
            SupersedesId = original.Id,
        };
        switch (original)
        {
            case { Kind: OutcomeKind.Agreement, AgreementForm: AgreementForm.Written }:
                (correction.Facts, correction.Terms) = AgreementContent.Read(request!.Agreement, validation, "agreement.");
                if (original.EffectiveAt is null)
                {
                    // Changed terms are a new proposal: the signatures on the old text do not carry over.
                    correction.Signatures = [];
                }

                break;

            case { Kind: OutcomeKind.Agreement }:
                correction.Terms = validation.Required(request!.Content, "content", 8000);
                break;

            default:
                correction.Reason = validation.Required(request!.Reason, "reason");
                break;
        }

        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        db.Outcomes.Add(correction);
        original.SupersededById = correction.Id;
        AddTimeline(found, CorrectionEvent, note, new { outcomeId = correction.Id, supersedesId = original.Id });
        if (await SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/disputes/{disputeId}/outcomes/{correction.Id}", OutcomeView.From(correction, found.Dispute));
    }

    private ProblemHttpResult OutcomeNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: text["ActionOutcomeNotFoundTitle"], detail: text["ActionOutcomeNotFound"]);
}
